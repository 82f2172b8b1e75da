import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '$import/csv';
import type { ImportResult } from '$import/pipeline';
import { run } from './helpers';

/** Rows that are neither imported nor named by an issue; a file-level issue (row 0 or the header row) covers all. */
function unaccounted(r: ImportResult, dataRows: number[], headerRow: number): number[] {
  const named = new Set([...r.errors, ...r.warnings].map((i) => i.row));
  if ([...r.errors].some((e) => e.row === 0 || (e.row === headerRow && e.code === 'missing_column')))
    return [];
  const imported = new Set(r.observations.map((o) => o.row));
  // Rows of a printed sheet skipped as totals, footnotes or signatures are reported too, in the skipped list.
  const skipped = (row: number) => r.skipped.rows.some((s) => s.from <= row && row <= s.to);
  return dataRows.filter((row) => !imported.has(row) && !named.has(row) && !skipped(row));
}

const cell = fc.oneof(
  fc.constantFrom(
    '2018',
    '2013–2018',
    '2023-Q3',
    'Năm 2020',
    'bad period',
    '',
    '001',
    '00001',
    '9550',
    '1',
    'Quang Trung',
    'Phường Phúc Xá',
    'tips',
    'Tổng số tin',
    'criminal',
    'Tin về ANCT',
    'nonsense',
    '5',
    '208.229',
    'hơn 15.000',
    '-3',
    '1,5',
    'abc',
    '"',
    '""',
    ' ',
    'x,y',
    'a\nb'
  ),
  fc.string({ maxLength: 8 })
);
// Per-column pools: mostly valid values, some invalid, some random text, so rows both import and fail.
const pick = (valid: string[], invalid: string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...valid) },
    { weight: 2, arbitrary: fc.constantFrom(...invalid) },
    { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }
  );
const periodCell = pick(
  ['2018', '2013–2018', '2023-Q3', 'Năm 2020', '2025-08'],
  ['bad period', '', '2018-2013']
);
const areaCell = pick(
  ['001', '00001', '9550', 'Phường Phúc Xá', '01', '27'],
  ['1', 'Quang Trung', '99999', '']
);
const metricCell = pick(['tips', 'Tổng số tin', 'Tin về ANCT', 'models', 'awards'], ['nonsense', '']);
const categoryCell = pick(['', 'criminal', 'other', 'Tội phạm hình sự'], ['traffic']);
const valueCell = pick(
  ['5', '208.229', 'hơn 15.000', '1,5', '0', '12 000'],
  ['-3', 'abc', '', '"', 'x,y', 'a\nb']
);
const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

describe('properties', () => {
  it('no input bytes crash the pipeline', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        const r = await run(bytes);
        expect(r.error_count).toBeGreaterThanOrEqual(r.errors.length);
        expect(r.warning_count).toBeGreaterThanOrEqual(r.warnings.length);
      }),
      { numRuns: 300 }
    );
  });

  it('no CSV-ish text crashes the pipeline', async () => {
    const csvish = fc.array(
      fc.constantFrom(
        'period',
        'area_code',
        'metric',
        'value',
        'Kỳ',
        'Tổng số tin',
        ',',
        ';',
        '\t',
        '\n',
        '\r\n',
        '"',
        '2018',
        '001',
        'tips',
        '5',
        'ANCT',
        ' '
      ),
      { maxLength: 60 }
    );
    await fc.assert(
      fc.asyncProperty(csvish, async (parts) => {
        await run(parts.join(''));
      }),
      { numRuns: 300 }
    );
  });

  it('every data row of a long file is imported or reported by its row number', async () => {
    const row = fc.oneof(
      fc.tuple(periodCell, areaCell, metricCell, categoryCell, valueCell),
      fc.tuple(cell, cell, cell, cell, cell)
    );
    let imported = 0;
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 25 }), async (rows) => {
        const text = ['period,area,metric,category,value', ...rows.map((r) => r.map(quote).join(','))].join(
          '\n'
        );
        const r = await run(text);
        imported += r.observations.length;
        rejected += r.error_count;
        // Data rows: the records after the header that are not blank (quoted cells may span lines).
        const records = parseCsv(text, ',');
        const dataRows = records
          .map((rec, i) => ({ rec, row: i + 1 }))
          .slice(1)
          .filter(({ rec }) => rec.some((c) => c.trim() !== ''))
          .map(({ row }) => row);
        expect(unaccounted(r, dataRows, 1)).toEqual([]);
      }),
      { numRuns: 200 }
    );
    // Not vacuous: the generated rows both import and fail.
    expect(imported).toBeGreaterThan(0);
    expect(rejected).toBeGreaterThan(0);
  });

  it('every data row of a wide file is imported or reported by its row number', async () => {
    const row = fc.oneof(
      fc.tuple(periodCell, areaCell, valueCell, valueCell),
      fc.tuple(cell, cell, cell, cell)
    );
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 25 }), async (rows) => {
        const text = [
          'Kỳ báo cáo;Đơn vị;Tổng số tin;Tin về ANCT',
          ...rows.map((r) => r.map((c) => (/[";\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';'))
        ].join('\n');
        const r = await run(text);
        const records = parseCsv(text, ';');
        const dataRows = records
          .map((rec, i) => ({ rec, row: i + 1 }))
          .slice(1)
          .filter(({ rec }) => rec.some((c) => c.trim() !== ''))
          .map(({ row }) => row);
        expect(unaccounted(r, dataRows, 1)).toEqual([]);
      }),
      { numRuns: 200 }
    );
  });

  it('the CSV scanner reads back what an RFC 4180 writer wrote, as papaparse does', () => {
    const field = fc.string({
      unit: fc.constantFrom('a', 'Đ', 'ộ', ',', '"', '\n', '\r\n', ' ', ';', '1'),
      maxLength: 6
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        (rows) => {
          const text = rows.map((r) => r.map(quote).join(',')).join('\n');
          expect(parseCsv(text, ',')).toEqual(rows);
          expect(Papa.parse<string[]>(text, { delimiter: ',', newline: '\n' }).data).toEqual(rows);
        }
      ),
      { numRuns: 500 }
    );
  });
});
