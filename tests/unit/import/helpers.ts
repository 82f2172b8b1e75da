/** Shared test setup: the real reference units of data/areas/ and a one-call import. */
import { readFileSync } from 'node:fs';
import { createAreaResolver, type AreaResolver } from '$import/areas';
import { importCsv, type ImportOptions, type ImportResult } from '$import/pipeline';

const ref = (f: string) => readFileSync(new URL(`../../../data/areas/${f}`, import.meta.url), 'utf8');

export const areas: AreaResolver = createAreaResolver({
  hn2019: ref('hanoi-units-2019.csv'),
  hn2025: ref('hanoi-units-2025.csv'),
  vn2019: ref('vietnam-provinces-2019.csv'),
  vn2025: ref('vietnam-provinces-2025.csv')
});

export function run(input: string | Uint8Array, options: Partial<ImportOptions> = {}): Promise<ImportResult> {
  return importCsv(input, { areas, ...options });
}

export const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url));
export const utf8 = (s: string) => new TextEncoder().encode(s);

/** Issues of a result (errors and warnings) as [code, row, column] triples, for compact assertions. */
export const where = (r: ImportResult) => [...r.errors, ...r.warnings].map((i) => [i.code, i.row, i.column]);
