/**
 * Fuzzing the CSV import with generated files (10,000 a run): random bytes, and long and wide files built from real
 * headers, area codes, metrics and periods with random corruption, in every supported encoding. For each: nothing
 * escapes `importCsv`, it finishes within 5 s, and every data row is imported or reported.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CsvReader } from '$import/csv';
import type { ImportResult } from '$import/pipeline';
import { METRICS } from '$model/metrics';
import { QUALIFIERS } from '$model/types';
import { run } from './helpers';

const LIMIT_MS = 5000;
let files = 0;
/** Files whose rows were checked one by one (no file-level error covering them all). */
let checked = 0;
let slowest = 0;

/** Imports one generated file: must not throw, must finish within LIMIT_MS. */
async function timed(input: string | Uint8Array): Promise<ImportResult> {
  const t0 = performance.now();
  let r: ImportResult;
  try {
    r = await run(input);
  } catch (e) {
    throw new Error(`importCsv threw: ${e instanceof Error ? e.stack : String(e)}`, { cause: e });
  }
  const ms = performance.now() - t0;
  slowest = Math.max(slowest, ms);
  files++;
  expect(ms, 'import time (ms)').toBeLessThan(LIMIT_MS);
  expect(r.error_count).toBeGreaterThanOrEqual(r.errors.length);
  expect(r.warning_count).toBeGreaterThanOrEqual(r.warnings.length);
  return r;
}

/** Non-blank records after the first (the header), numbered as the import numbers rows (header = 1). */
function dataRows(text: string, delimiter: string): number[] {
  const rows: number[] = [];
  const reader = new CsvReader(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, delimiter);
  const onRow = (cells: string[], record: number) => {
    if (record > 0 && cells.some((c) => c.trim() !== '')) rows.push(record + 1);
  };
  // A record with a stray quote is a data row too: the import must report it.
  const onBad = (record: number) => {
    if (record > 0) rows.push(record + 1);
  };
  while (!reader.done) reader.read(1 << 20, onRow, onBad);
  return [...new Set(rows)];
}

/** Data rows neither imported (an observation's `row`), named by an issue, nor listed as skipped. */
function unaccounted(r: ImportResult, rows: number[]): number[] {
  // A file-level error (row 0) or a header without the needed columns blocks the whole file: every row is reported.
  if (r.errors.some((e) => e.row === 0 || e.code === 'missing_column')) return [];
  checked++;
  // Observations come only from data rows.
  const data = new Set(rows);
  for (const o of r.observations) expect(data.has(o.row), `observation row ${o.row}`).toBe(true);
  const named = new Set([...r.errors, ...r.warnings].map((i) => i.row));
  const imported = new Set(r.observations.map((o) => o.row));
  const skipped = (row: number) => r.skipped.rows.some((s) => s.from <= row && row <= s.to);
  return rows.filter((row) => !imported.has(row) && !named.has(row) && !skipped(row));
}

// Real reference values: area codes and names from data/areas, the metric catalogue, periods the import reads.
const areaLines = (f: string) =>
  readFileSync(new URL(`../../../data/areas/${f}`, import.meta.url), 'utf8')
    .split('\n')
    .slice(1, 40)
    .filter(Boolean)
    .map((l) => l.split(','));
const AREA_ROWS = [...areaLines('hanoi-units-2025.csv'), ...areaLines('hanoi-units-2019.csv')];
const AREA_CODES = [...new Set([...AREA_ROWS.map((r) => r[0]), '01', '27', '001', '9550'])];
const AREA_NAMES = [...new Set(AREA_ROWS.map((r) => r[1]))];
const METRIC_IDS = METRICS.map((m) => m.id);
const CATEGORIES = ['', ...new Set(METRICS.flatMap((m) => m.categories.map((c) => c.id)))];
const PERIODS = ['2018', '2013–2018', '2023-Q3', 'Năm 2020', '2025-08', '2025-H1', '6 tháng đầu năm 2024'];

/** Values that have broken importers elsewhere. */
const NASTY = [
  '9007199254740993',
  '1'.repeat(21),
  '9'.repeat(400),
  '-5',
  '-0',
  '3.5',
  '0,25',
  '1.234',
  '1,234',
  '1e308',
  'NaN',
  'Infinity',
  '=SUM(A1:A9)',
  '=cmd|"/c calc"!A1',
  '+1+1',
  '@SUM(1)',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  "'); DROP TABLE observations; --",
  '\u0000',
  'a\u0000b',
  '"',
  '"unterminated',
  'x"y',
  '\uFEFF5',
  '\u200B',
  '🙂',
  ' ',
  ''
];

const nasty = fc.constantFrom(...NASTY);
const valid = (pool: string[]) =>
  fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: nasty });
const numberCell = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 100_000 }).map(String) },
  { weight: 1, arbitrary: fc.double({ noNaN: false }).map(String) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String) },
  { weight: 2, arbitrary: nasty }
);

/** A row's cells with random corruption: two cells swapped, a cell replaced by a nasty value, a stray quote. */
const corrupt = (cells: fc.Arbitrary<string[]>) =>
  fc
    .tuple(
      cells,
      fc.oneof(
        { weight: 30, arbitrary: fc.constantFrom('none', 'swap', 'nasty', 'quote', 'drop', 'extra') },
        // A NUL makes the whole file not_csv (reported at row 0), so it is rarer, leaving most files checked by row.
        { weight: 1, arbitrary: fc.constant('nul') }
      ),
      fc.nat(),
      fc.nat(),
      nasty
    )
    .map(([c, op, i, j, v]) => {
      const out = c.slice();
      const a = i % out.length;
      const b = j % out.length;
      if (op === 'swap') [out[a], out[b]] = [out[b], out[a]];
      else if (op === 'nasty') out[a] = v;
      else if (op === 'quote') out[a] = `"${out[a]}`;
      else if (op === 'nul') out[a] = `${out[a]}\u0000`;
      else if (op === 'drop') out.splice(a, 1);
      else if (op === 'extra') out.push(v);
      return out;
    });

const longRow = corrupt(
  fc.tuple(
    valid(PERIODS),
    valid([...AREA_CODES, ...AREA_NAMES]),
    valid(METRIC_IDS),
    valid(CATEGORIES),
    numberCell,
    valid(['', ...QUALIFIERS]),
    valid(['', 'ghi chú', 'Số liệu sơ bộ'])
  )
);
const WIDE_HEADER = ['Kỳ báo cáo', 'Đơn vị', 'Tổng số tin', 'Tin về ANCT', 'Số mô hình'];
const wideRow = corrupt(
  fc.tuple(valid(PERIODS), valid([...AREA_CODES, ...AREA_NAMES]), numberCell, numberCell, numberCell)
);

/** Cells joined as a CSV writer would, except that corrupted cells (a stray quote) are left as they are. */
const line = (cells: string[], d: string) =>
  cells
    .map((c) =>
      c.startsWith('"') && !c.endsWith('"')
        ? c
        : c.includes(d) || c.includes('\n') || (c.includes('"') && !c.startsWith('"'))
          ? `"${c.replace(/"/g, '""')}"`
          : c
    )
    .join(d);

const file = (header: string[], rows: string[][], d: string, eol: string) =>
  [header.join(d), ...rows.map((r) => line(r, d))].join(eol);

/** Windows-1258 has â, ê, ô, ơ, ư, ă, đ precomposed but the five tones only as combining marks: "ậ" is "â" + U+0323. */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
const toCp1258Form = (text: string) =>
  text.normalize('NFD').replace(/(\P{M})(\p{M}+)/gu, (_, base: string, marks: string) => {
    const tones = marks.match(TONES)?.join('') ?? '';
    return (base + marks.replace(TONES, '')).normalize('NFC') + tones;
  });

const ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1258'] as const;
function encode(text: string, enc: (typeof ENCODINGS)[number]): Uint8Array {
  switch (enc) {
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf-8-bom':
      return new TextEncoder().encode('\uFEFF' + text);
    case 'utf-16le':
      return new Uint8Array(iconv.encode('\uFEFF' + text, 'utf-16le'));
    case 'utf-16be':
      return new Uint8Array(iconv.encode('\uFEFF' + text, 'utf-16be'));
    case 'windows-1258':
      return new Uint8Array(iconv.encode(toCp1258Form(text), 'windows-1258'));
  }
}

const eol = fc.constantFrom('\n', '\r\n', '\r');
let imported = 0;
let rejected = 0;

describe('fuzz: generated files through importCsv', { timeout: 120_000 }, () => {
  it('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2000 }),
          // Random bytes after a plausible header, so they reach the parser and not only the sniffer.
          fc.uint8Array({ maxLength: 600 }).map((b) => {
            const h = new TextEncoder().encode('period,area_code,metric,category,value\n');
            const out = new Uint8Array(h.length + b.length);
            out.set(h);
            out.set(b, h.length);
            return out;
          })
        ),
        async (bytes) => {
          await timed(bytes);
        }
      ),
      { numRuns: 3000 }
    );
  });

  it('long files with corrupted rows: every data row imported or reported', async () => {
    const header = ['period', 'area_code', 'metric', 'category', 'value', 'qualifier', 'note'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(longRow, { minLength: 1, maxLength: 40 }),
        fc.constantFrom(',', ';', '\t'),
        eol,
        async (rows, d, nl) => {
          const text = file(header, rows, d, nl);
          const r = await timed(text);
          imported += r.observations.length;
          rejected += r.error_count;
          expect(unaccounted(r, dataRows(text, r.delimiter))).toEqual([]);
        }
      ),
      { numRuns: 3000 }
    );
  });

  it('wide files with corrupted rows: every data row imported or reported', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(wideRow, { minLength: 1, maxLength: 40 }),
        fc.constantFrom(';', ','),
        eol,
        async (rows, d, nl) => {
          const text = file(WIDE_HEADER, rows, d, nl);
          const r = await timed(text);
          imported += r.observations.length;
          rejected += r.error_count;
          expect(unaccounted(r, dataRows(text, r.delimiter))).toEqual([]);
        }
      ),
      { numRuns: 2000 }
    );
  });

  it('every supported encoding, long and wide: nothing lost in decoding', async () => {
    const longHeader = ['Kỳ', 'Mã đơn vị', 'Chỉ tiêu', 'Phân loại', 'Giá trị'];
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.array(longRow, { minLength: 1, maxLength: 20 }).map((rows) =>
            file(
              longHeader,
              rows.map((r) => r.slice(0, 5)),
              ',',
              '\r\n'
            )
          ),
          fc.array(wideRow, { minLength: 1, maxLength: 20 }).map((rows) => file(WIDE_HEADER, rows, ';', '\n'))
        ),
        fc.constantFrom(...ENCODINGS),
        async (text, enc) => {
          const r = await timed(encode(text, enc));
          // The structure (delimiters, quotes, line ends) is ASCII in every encoding: the same records are data rows.
          expect(unaccounted(r, dataRows(text, r.delimiter))).toEqual([]);
        }
      ),
      { numRuns: 2000 }
    );
  });

  it('generated at least 10,000 files, each within the limit, and both imported and rejected rows', () => {
    expect(files).toBeGreaterThanOrEqual(10_000);
    expect(slowest).toBeLessThan(LIMIT_MS);
    expect(imported).toBeGreaterThan(0);
    expect(rejected).toBeGreaterThan(0);
    // Not vacuous: most of the 7,000 CSV-ish files were checked row by row.
    expect(checked).toBeGreaterThan(3500);
    console.log(
      `fuzz: ${files} files, ${checked} checked row by row, slowest ${slowest.toFixed(0)} ms, ${imported} observations`
    );
  });
});
