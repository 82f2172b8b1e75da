import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { Figure } from '$model/figure';
import { compareRows, periodsOf } from '$model/compare';
import { BOM, compareRowsToCsv, embedPath, exportFilename, figuresToCsv, parseEmbedKey } from '$ui/export';

const fig = (p: Partial<Figure>): Figure => ({
  period: '2013–2018',
  period_start: '2013-01-01',
  period_end: '2018-12-31',
  area_code: '01',
  area_level: 'city',
  area_structure: 'hn2019',
  metric: 'tips',
  category: '',
  value: 208229,
  qualifier: 'exact',
  note: '',
  report_id: 'hn-2013-2018-review',
  kind: 'published',
  basis: 'reported',
  series: '',
  period_stated: true,
  n_parts: 1,
  n_candidates: 1,
  ...p
});

/** The CSV as a spreadsheet would read it: BOM off, header row as keys, no type guessing. */
const read = (csv: string) => Papa.parse<Record<string, string>>(csv.slice(1), { header: true }).data;

describe('figuresToCsv', () => {
  it('starts with a UTF-8 BOM and has the canonical columns, then provenance and names', () => {
    const csv = figuresToCsv([fig({})], 'vi');
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1).split('\r\n')[0]).toBe(
      'period,period_start,period_end,area_code,metric,category,value,qualifier,note,kind,report_id,period_stated,metric_name,category_name'
    );
  });

  it('writes numbers plainly, without thousands separators or quotes', () => {
    const csv = figuresToCsv([fig({}), fig({ category: 'criminal', value: 115301 })], 'vi');
    expect(csv).toContain(',208229,exact,');
    expect(csv).toContain(',115301,exact,');
    expect(csv).not.toMatch(/208[.,\s]229/);
  });

  it('keeps Vietnamese text intact through a write and a read', () => {
    const rows = read(figuresToCsv([fig({ category: 'social_evils', note: 'Tệ nạn, "ghi chú"' })], 'vi'));
    expect(rows[0].metric_name).toBe('Tin báo của quần chúng');
    expect(rows[0].category_name).toBe('Tệ nạn xã hội');
    expect(rows[0].period).toBe('2013–2018');
    expect(rows[0].note).toBe('Tệ nạn, "ghi chú"');
  });

  it('names metrics and categories in English when asked', () => {
    const rows = read(figuresToCsv([fig({ category: 'criminal' })], 'en'));
    expect(rows[0].category_name).toBe('Criminal');
  });

  it.each([
    ['=HYPERLINK("http://evil.example","click")'],
    ['+1'],
    ['@x'],
    ['-cmd'],
    ['\tx'],
    ['\r=1'],
    ['=1\n+2']
  ])('neutralises a cell that would run as a formula: %j', (bad) => {
    const csv = figuresToCsv([fig({ note: bad, period: bad })], 'vi');
    const quoted = `"'${bad.replaceAll('"', '""')}"`;
    expect(csv.split(quoted).length - 1).toBe(2); // both text cells, quoted and prefixed
    const rows = read(csv);
    expect(rows[0].note).toBe(`'${bad}`);
    expect(rows[0].period).toBe(`'${bad}`);
  });

  it('keeps a negative number in the value column a number', () => {
    const csv = figuresToCsv([fig({ value: -42 })], 'vi');
    expect(csv).toContain(',-42,exact,');
    expect(csv).not.toContain("'-42");
  });
});

describe('compareRowsToCsv', () => {
  it('writes both sides and the change, with a BOM and unformatted numbers', () => {
    const a = fig({});
    const b = fig({ period: '2019', period_start: '2019-01-01', period_end: '2019-12-31', value: 40000 });
    const csv = compareRowsToCsv(
      [
        {
          metric: 'tips',
          category: '',
          a: { figure: a, shown: 34704.83, rate: true },
          b: { figure: b, shown: 40000, rate: true },
          perYear: true,
          verdict: 'comparable',
          change: 5295.17,
          pct: 0.1525,
          pctNote: null,
          approx: false,
          seriesBreak: false,
          mixedKinds: false,
          periodUnstated: false
        }
      ],
      'vi'
    );
    expect(csv.startsWith(BOM)).toBe(true);
    const [row] = read(csv);
    expect(row).toMatchObject({ a_value: '208229', b_value: '40000', change: '5295.17', per_year: '1' });
  });

  it('labels a side whose period is not stated, gives it no rate, and says why the change is empty', () => {
    const a = fig({});
    const b = fig({ period: '2023', period_start: '2023-01-01', period_end: '2023-12-31', value: 98826 });
    const [p, q] = periodsOf([a, b]);
    const rows = compareRows([a, { ...b, period_stated: false }], p, q).filter((r) => r.metric === 'tips');
    const [row] = read(compareRowsToCsv(rows, 'vi'));
    expect(row).toMatchObject({
      a_period_stated: '1',
      b_period_stated: '0',
      b_shown: '98826',
      change: '',
      pct: '',
      verdict: 'period_unstated'
    });
  });
});

describe('file names and embed paths', () => {
  it('names a file by chart, area and local date', () => {
    expect(exportFilename('tips-by-category-01', 'csv', new Date(2026, 10, 25))).toBe(
      'tips-by-category-01-2026-11-25.csv'
    );
  });

  const defaults = { area: '01', metric: 'tips', period: '' };
  it.each([
    [defaults, 'vi', '/embed/tips-by-category'],
    [defaults, 'en', '/embed/tips-by-category/en'],
    [{ ...defaults, area: '001' }, 'vi', '/embed/tips-by-category/vi-area-001'],
    [
      { ...defaults, metric: 'disputes_resolved' },
      'en',
      '/embed/tips-by-category/en-metric-disputes_resolved'
    ],
    [
      { ...defaults, period: '2019-01-01/2019-12-31' },
      'vi',
      '/embed/tips-by-category/vi-period-2019-01-01_2019-12-31'
    ]
  ] as const)('embedPath(%j, %s) = %s and parses back', (params, lang, path) => {
    expect(embedPath('tips-by-category', params, defaults, lang)).toBe(path);
    const key = path.split('/')[3];
    const parsed = parseEmbedKey(key)!;
    expect(parsed.lang).toBe(lang);
    if (parsed.param) expect(parsed.value).toBe(params[parsed.param]);
  });

  it('rejects a malformed key', () => {
    expect(parseEmbedKey('fr')).toBeUndefined();
    expect(parseEmbedKey('vi-colour-red')).toBeUndefined();
  });
});
