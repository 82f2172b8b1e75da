/**
 * Bad inputs, each with the issue codes the import gives for it today (pinned), through `importCsv` and through
 * `importFile` (which looks at the bytes first: a zip goes to the workbook reader). Then, with fake-indexeddb and a
 * real DuckDB holding one committed upload: every bad file is imported, committed when it has no errors, and the
 * stored data must be byte-identical after every failure.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '$db/bundle';
import type { Connector } from '$db/connector';
import { openNodeDb } from '$db/node';
import { ARROW_TYPE, commitUpload, removeUpload, uploadsSettled, type StoredUpload } from '$db/uploads';
import { observationsToArrow } from '$import/arrow';
import { ERROR_CODES, type IssueCode } from '$import/messages';
import type { ImportResult } from '$import/pipeline';
import { importFile } from '$import/workbook';
import type { Report } from '$model/types';
import { diskBundle } from '../../../src/lib/server/bundle';
import { areas, run } from './helpers';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/bad-input/${name}`, import.meta.url)));
const enc = (s: string) => new TextEncoder().encode(s);
const LONG = 'period,area_code,metric,category,value';

/** Big inputs are made here, not committed. */
const tenMbLine = () => enc(`${LONG}\n2025-H1,01,tips,,${'9'.repeat(10 * 1024 * 1024)}`);
const tenMbBare = () => enc('x'.repeat(10 * 1024 * 1024));
const cols = Array.from({ length: 100_000 }, (_, i) => `c${i}`);
const wideNoKeys = () => enc(`${cols.join(',')}\n${cols.map(() => '1').join(',')}\n`);
const wideWithKeys = () =>
  enc(`${LONG},${cols.join(',')}\n2025-H1,01,tips,,5,${cols.map(() => '1').join(',')}\n`);

interface Case {
  name: string;
  bytes: () => Uint8Array;
  /** Issue codes (errors and warnings, distinct, sorted) of importCsv. */
  csv: IssueCode[];
  /** Of importFile, when they differ. */
  file?: IssueCode[];
  /** Observations imported (errors or not). */
  observations?: number;
  check?: (r: ImportResult) => void;
}

const CASES: Case[] = [
  { name: 'empty', bytes: () => fixture('empty.csv'), csv: ['empty_file'], observations: 0 },
  { name: 'header only', bytes: () => fixture('header-only.csv'), csv: ['empty_file'], observations: 0 },
  { name: 'binary', bytes: () => fixture('binary.csv'), csv: ['not_csv'], observations: 0 },
  {
    name: 'a renamed .xlsx (zip bytes)',
    bytes: () => fixture('renamed-xlsx.csv'),
    csv: ['not_csv'],
    // importFile sees the zip signature and hands it to the workbook reader, which cannot read it.
    file: ['bad_workbook'],
    observations: 0,
    check: (r) => expect(r.errors[0].row).toBe(0)
  },
  { name: 'a renamed .pdf', bytes: () => fixture('renamed-pdf.csv'), csv: ['not_csv'], observations: 0 },
  {
    name: 'a 10 MB single value line',
    bytes: tenMbLine,
    csv: ['bad_number'],
    observations: 0,
    check: (r) => expect(r.errors[0]).toMatchObject({ row: 2, column: 'value' })
  },
  {
    name: 'a 10 MB line with no delimiter',
    bytes: tenMbBare,
    csv: ['missing_column', 'unknown_column'],
    observations: 0,
    // Today the whole 10 MB "header" is echoed as the unknown column's name (and in its message).
    check: (r) => expect(r.warnings[0].column.length).toBe(10 * 1024 * 1024)
  },
  {
    name: '100,000 columns, none known',
    bytes: wideNoKeys,
    csv: ['missing_column', 'unknown_column'],
    observations: 0,
    check: (r) => {
      expect(r.counts.unknown_column).toBe(100_000);
      expect(r.warnings.length).toBe(1000); // maxIssuesPerCode
    }
  },
  {
    name: '100,000 extra columns beside a long header',
    bytes: wideWithKeys,
    csv: ['unknown_column'],
    observations: 1,
    check: (r) => expect(r.counts.unknown_column).toBe(100_000)
  },
  {
    name: 'unbalanced quotes',
    bytes: () => fixture('unbalanced-quotes.csv'),
    csv: ['bad_quotes'],
    observations: 0,
    // The open quote at row 2 runs to the end of the file: one issue for all three lines.
    check: (r) => expect(r.errors).toMatchObject([{ code: 'bad_quotes', row: 2 }])
  },
  {
    name: 'mixed line endings (\\r\\n, \\n, \\r)',
    bytes: () => fixture('mixed-line-endings.csv'),
    csv: [],
    observations: 3,
    check: (r) => expect(r.observations.map((o) => o.row)).toEqual([2, 3, 4])
  },
  { name: 'NUL bytes', bytes: () => fixture('nul-bytes.csv'), csv: ['not_csv'], observations: 0 },
  {
    name: 'duplicate headers',
    bytes: () => fixture('duplicate-headers.csv'),
    csv: ['duplicate_column'],
    // The row is still read (the error blocks the commit): the first "value" column wins.
    observations: 1,
    check: (r) => {
      expect(r.errors[0]).toMatchObject({ row: 1, column: 'value' });
      expect(r.observations[0].value).toBe(5);
    }
  },
  {
    name: 'the wrong delimiter (|)',
    bytes: () => fixture('wrong-delimiter.csv'),
    csv: ['missing_column', 'unknown_column'],
    observations: 0,
    check: (r) => expect(r.delimiter).toBe(',')
  },
  {
    name: 'ambiguous 1.234 and 1,234',
    bytes: () => fixture('ambiguous-numbers.csv'),
    // Vietnamese convention: "." groups thousands, "," is the decimal mark.
    csv: ['fractional_value'],
    observations: 2,
    check: (r) => {
      expect(r.observations.map((o) => o.value)).toEqual([1234, 1.234]);
      expect(r.warnings[0]).toMatchObject({ row: 3, column: 'value' });
    }
  },
  {
    name: 'huge numbers: 2^53 + 1, 21 digits, 400 nines',
    bytes: () => fixture('huge-numbers.csv'),
    csv: ['bad_number'],
    observations: 0,
    check: (r) =>
      expect(r.errors.map((e) => [e.row, e.column])).toEqual([
        [2, 'value'],
        [3, 'value'],
        [4, 'value']
      ])
  },
  {
    name: 'formula, HTML and SQL text in notes (quoted)',
    bytes: () => fixture('injection-notes.csv'),
    // Notes are kept as written: nothing flags them.
    csv: [],
    observations: 4,
    check: (r) =>
      expect(r.observations.map((o) => o.note)).toEqual([
        '=HYPERLINK("http://evil.example","click")',
        '<script>alert(1)</script>',
        "'); DROP TABLE observations; --",
        "@SUM(1+1)*cmd|' /C calc'!A0"
      ])
  },
  {
    name: 'a formula with bare quotes in a note',
    bytes: () => fixture('formula-unquoted.csv'),
    csv: ['bad_quotes'],
    check: (r) => expect(r.errors[0]).toMatchObject({ row: 2 })
  }
];

const codes = (r: ImportResult) => [...new Set([...r.errors, ...r.warnings].map((i) => i.code))].sort();

describe('bad inputs: the codes the import gives', { timeout: 60_000 }, () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const bytes = c.bytes();
      for (const [how, r, want] of [
        ['importCsv', await run(bytes), c.csv],
        ['importFile', await importFile(bytes, { areas }), c.file ?? c.csv]
      ] as const) {
        expect(codes(r), how).toEqual([...want].sort());
        expect(r.error_count > 0, how).toBe(
          want.some((code) => (ERROR_CODES as readonly string[]).includes(code))
        );
        if (c.observations !== undefined) expect(r.observations, how).toHaveLength(c.observations);
        for (const i of [...r.errors, ...r.warnings]) {
          expect(i.message.en.length, how).toBeGreaterThan(10);
          expect(i.message.vi.length, how).toBeGreaterThan(10);
        }
        c.check?.(r);
      }
    });
  }
});

// ---- The stores: one committed upload, then every bad file; nothing may change on a failure. ----

let db: Connector;
const report = (id: string, file: string): Report => ({
  id,
  title: 'Test upload',
  publisher: 'Công an TP',
  published: '2025-07-15',
  url: '',
  kind: 'uploaded',
  notes: '',
  file
});
const stored = (id: string, file: string, r: ImportResult): StoredUpload => ({
  meta: report(id, file),
  data: new Blob([observationsToArrow(r.table, id) as Uint8Array<ArrayBuffer>], { type: ARROW_TYPE }),
  fileName: file,
  uploadedAt: '2025-07-15T00:00:00.000Z',
  rows: r.rows,
  observations: r.observations.length
});

/** Every record of the uploads database, Blobs as their bytes, in key order. */
async function idbSnapshot(): Promise<string> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open('antq-uploads');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  try {
    const out: Record<string, [string, unknown][]> = {};
    for (const name of [...idb.objectStoreNames].sort()) {
      const [keys, values] = await new Promise<[IDBValidKey[], unknown[]]>((resolve, reject) => {
        const tx = idb.transaction(name, 'readonly');
        const k = tx.objectStore(name).getAllKeys();
        const v = tx.objectStore(name).getAll();
        tx.oncomplete = () => resolve([k.result, v.result]);
        tx.onabort = () => reject(tx.error);
      });
      out[name] = await Promise.all(
        keys.map(async (k, i) => [String(k), await plain(values[i])] as [string, unknown])
      );
    }
    return JSON.stringify(out);
  } finally {
    idb.close();
  }
}
async function plain(v: unknown): Promise<unknown> {
  if (v instanceof Blob)
    return { blob: v.type, bytes: Buffer.from(await v.arrayBuffer()).toString('base64') };
  if (Array.isArray(v)) return Promise.all(v.map(plain));
  if (v && typeof v === 'object')
    return Object.fromEntries(
      await Promise.all(Object.entries(v).map(async ([k, x]) => [k, await plain(x)]))
    );
  return v;
}

/** Row counts and an order-independent checksum of every row of the stored tables. */
async function dbSnapshot(): Promise<string> {
  const out: Record<string, unknown> = {};
  for (const t of ['observations', 'figures', 'reports']) {
    const [row] = await db.query<{ n: number; h: string }>(
      `SELECT count(*)::INTEGER AS n, coalesce(sum(hash(t)), 0)::VARCHAR AS h FROM ${t} t`
    );
    out[t] = row;
  }
  return JSON.stringify(out);
}
const snapshot = async () => ({ idb: await idbSnapshot(), db: await dbSnapshot() });

describe('bad inputs leave the stored data as it was', { timeout: 300_000 }, () => {
  let before: { idb: string; db: string };

  beforeAll(async () => {
    db = await openNodeDb();
    await loadBundle(db, diskBundle());
    const r = await run(new Uint8Array(readFileSync('tests/fixtures/upload/valid-long.csv')));
    expect(r.error_count).toBe(0);
    await commitUpload(db, stored('upload-valid', 'valid-long.csv', r));
    // Its derived candidates join its record just after the commit (db/kept.ts): part of what is stored.
    await uploadsSettled();
    before = await snapshot();
  }, 300_000);

  it('the valid upload is stored in both', () => {
    const counts = JSON.parse(before.db) as Record<string, { n: number }>;
    expect(counts.observations.n).toBeGreaterThan(0);
    expect(counts.figures.n).toBeGreaterThan(0);
    expect(before.idb).toContain('upload-valid');
  });

  // What the page does: a file with errors is not committed; one without is, and removing it restores both stores.
  for (const [i, c] of CASES.entries()) {
    it(`${c.name}: stored data unchanged`, async () => {
      const r = await importFile(c.bytes(), { areas, fileName: `bad-${i}.csv` });
      if (r.error_count > 0) {
        expect(await snapshot()).toEqual(before);
        return;
      }
      const id = `upload-bad-${i}`;
      await commitUpload(db, stored(id, `bad-${i}.csv`, r));
      const after = await snapshot();
      expect(after.idb).toContain(id);
      expect(after.db).not.toBe(before.db);
      await removeUpload(db, id);
      expect(await snapshot()).toEqual(before);
    });
  }

  it('a commit under an id already stored is refused and changes nothing', async () => {
    const r = await importFile(fixture('ambiguous-numbers.csv'), { areas });
    expect(r.error_count).toBe(0);
    await expect(commitUpload(db, stored('upload-valid', 'again.csv', r))).rejects.toThrow(/already stored/);
    expect(await snapshot()).toEqual(before);
  });

  // As if the page's check were bypassed: every bad file forced through commitUpload, those with observations
  // first. A refusal must leave both stores as they were; an accepted one must be removable without a trace.
  const forced = [...CASES.entries()].sort(([, a], [, b]) => (b.observations ?? 0) - (a.observations ?? 0));
  for (const [i, c] of forced) {
    it(`${c.name}: a forced commit is atomic`, async () => {
      const r = await importFile(c.bytes(), { areas });
      const id = `upload-forced-${i}`;
      try {
        await commitUpload(db, stored(id, `forced-${i}.csv`, r));
      } catch (e) {
        // Only an upload with no observations is refused, before anything is staged.
        expect(r.observations).toHaveLength(0);
        expect(String(e)).toMatch(/no figures to store/);
        expect(await snapshot()).toEqual(before);
        return;
      }
      expect(r.observations.length).toBeGreaterThan(0);
      await removeUpload(db, id);
      expect(await snapshot()).toEqual(before);
    });
  }

  // An upload with no observations once left the connection unable to commit any later upload ("IPC stream did not
  // have the expected number (9) of dictionaries"): it is now refused before it is staged.
  it('after a refused commit, a valid upload still commits', async () => {
    const r = await run(new Uint8Array(readFileSync('tests/fixtures/upload/valid-long.csv')));
    await commitUpload(db, stored('upload-after', 'valid-long.csv', r));
    await removeUpload(db, 'upload-after');
  });
});
