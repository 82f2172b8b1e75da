import { describe, expect, it } from 'vitest';
import { ERROR_CODES, WARNING_CODES, type IssueCode } from '$import/messages';
import type { ImportResult } from '$import/pipeline';
import { importFile } from '$import/workbook';
import { officeWorkbook } from '../../fixtures/office';
import { areas, run, utf8 } from './helpers';

const H = 'period,area_code,metric,category,value';
const covered = new Set<IssueCode>();
const issue = async (input: string | Uint8Array, code: IssueCode, row: number, column: string, opts = {}) =>
  check(await run(input, opts), code, row, column);
const check = (r: ImportResult, code: IssueCode, row: number, column: string) => {
  const all = [...r.errors, ...r.warnings];
  const hit = all.find((i) => i.code === code);
  expect(hit, `${code} in ${JSON.stringify(all.map((i) => i.code))}`).toBeDefined();
  expect(hit).toMatchObject({ row, column });
  expect(hit!.message.vi.length).toBeGreaterThan(20);
  expect(hit!.message.en.length).toBeGreaterThan(20);
  // Errors go to errors (and block), warnings to warnings.
  expect((ERROR_CODES as readonly string[]).includes(code) ? r.errors : r.warnings).toContain(hit);
  covered.add(code);
  return { r, hit: hit! };
};

describe('errors block the import, each naming its row and column', () => {
  it('empty_file', async () => {
    await issue(new Uint8Array(), 'empty_file', 0, '');
    await issue(utf8('  \n\n'), 'empty_file', 0, '');
    await issue(utf8(`${H}\n`), 'empty_file', 0, '');
  });

  it('not_csv: an .xlsx renamed to .csv, and NUL bytes', async () => {
    const { hit } = await issue(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'not_csv', 0, '');
    expect(hit.message.en).toContain('Excel');
    await issue(new Uint8Array([0x61, 0x2c, 0x00, 0x62, 0x0a, 0xff, 0x00, 0x01, 0x02]), 'not_csv', 0, '');
  });

  it('missing_column', async () => {
    const { hit } = await issue('period,area_code,metric,category\n2018,001,tips,', 'missing_column', 1, '');
    expect(hit.message.en).toContain('value');
    await issue('foo,bar\n1,2', 'missing_column', 1, '');
  });

  it('duplicate_column', async () => {
    await issue('Kỳ,Mã,Tổng số tin,Tổng số tin báo\n2018,001,5,6', 'duplicate_column', 1, 'Tổng số tin báo');
  });

  it('bad_quotes', async () => {
    await issue(`${H}\n2018,001,tips,,5\n2018,001,"tips"x,criminal,5\n`, 'bad_quotes', 3, '');
  });

  it('bad_number', async () => {
    await issue(`${H}\n2018,001,tips,,many`, 'bad_number', 2, 'value');
    await issue(`${H}\n2018,001,tips,,`, 'bad_number', 2, 'value');
  });

  it('bad_qualifier', async () => {
    await issue(`${H},qualifier\n2018,001,tips,,5,perhaps`, 'bad_qualifier', 2, 'qualifier');
  });

  it('bad_period', async () => {
    await issue(`${H}\nsometime,001,tips,,5`, 'bad_period', 2, 'period');
    await issue(
      `period_start,period_end,area_code,metric,value\n2020-01-01,2020-02-30,001,tips,5`,
      'bad_period',
      2,
      'period_end'
    );
  });

  it('unknown_metric', async () => {
    await issue(`${H}\n2018,001,camera,,5`, 'unknown_metric', 2, 'metric');
  });

  it('unknown_category', async () => {
    const { hit } = await issue(`${H}\n2018,001,tips,traffic,5`, 'unknown_category', 2, 'category');
    expect(hit.message.en).toContain('criminal');
  });

  it('unknown_area, also for a 2025 unit in a 2019 period', async () => {
    await issue(`${H}\n2018,99999,tips,,5`, 'unknown_area', 2, 'area_code');
    const { hit } = await issue(
      'period,area_name,metric,value\n2018,Phường Láng,tips,5',
      'unknown_area',
      2,
      'area_name'
    );
    expect(hit.message.en).toContain('from 1 July 2025');
    await issue(`${H}\n2018,,tips,,5`, 'unknown_area', 2, 'area_code');
  });

  it('ambiguous_area lists the candidates with codes and parents', async () => {
    const { hit } = await issue(
      'period,area_name,metric,value\n2018,Quang Trung,tips,5',
      'ambiguous_area',
      2,
      'area_name'
    );
    for (const c of ['00214', '09550', '09583', '10306', 'Quận Đống Đa']) expect(hit.message.en).toContain(c);
  });

  it('negative_value', async () => {
    await issue(`${H}\n2018,001,tips,,-5`, 'negative_value', 2, 'value');
  });

  it('duplicate names the first row', async () => {
    const { hit } = await issue(
      `${H}\n2018,001,tips,,5\n2018,001,tips,criminal,2\n2018,001,Tips from citizens,,6`,
      'duplicate',
      4,
      'value'
    );
    expect(hit.message.en).toContain('row 2');
  });
});

describe('warnings allow the import', () => {
  it('encoding_converted', async () => {
    const r = await run(
      new Uint8Array([
        0xff,
        0xfe,
        ...new Uint8Array(new Uint16Array([...`${H}\n2018,001,tips,,5`].map((c) => c.charCodeAt(0))).buffer)
      ])
    );
    expect(r.errors).toEqual([]);
    await issue(new Uint8Array([0xff, 0xfe, 0x61, 0x00]), 'encoding_converted', 0, '');
  });

  it('unknown_column is reported, never dropped silently', async () => {
    const { r } = await issue(`${H},camera\n2018,001,tips,,5,7`, 'unknown_column', 1, 'camera');
    expect(r.errors).toEqual([]);
    expect(r.observations).toHaveLength(1);
  });

  it('extra_cells', async () => {
    await issue(`${H}\n2018,001,tips,,5,surprise`, 'extra_cells', 2, 'F');
    // A column without a header is reported once, by its spreadsheet letter.
    const { r } = await issue(
      `period,,area_code,metric,value\n2018,,001,tips,5\n2018,x,002,tips,5\n2018,y,003,tips,5`,
      'unknown_column',
      3,
      'B'
    );
    expect(r.counts.unknown_column).toBe(1);
  });

  it('empty_row: a wide row without figures', async () => {
    await issue('Kỳ,Mã,Tổng số tin\n2018,001,-\n2018,002,5', 'empty_row', 2, '');
  });

  it('area_code_padded (once per code)', async () => {
    const { r } = await issue(
      `${H}\n2018,9550,tips,,5\n2018,9550,tips,criminal,2`,
      'area_code_padded',
      2,
      'area_code'
    );
    expect(r.counts.area_code_padded).toBe(1);
    expect(r.observations.map((o) => o.area_code)).toEqual(['09550', '09550']);
  });

  it('area_name_mismatch: the code wins', async () => {
    const { r } = await issue(
      'period,area_code,area_name,metric,value\n2018,001,Hoàn Kiếm,tips,5',
      'area_name_mismatch',
      2,
      'area_name'
    );
    expect(r.observations[0].area_code).toBe('001');
  });

  it('fractional_value hints at the decimal mark', async () => {
    await issue(`${H}\n2018,001,tips,,"1,234"`, 'fractional_value', 2, 'value');
  });

  it('sum_mismatch when all categories are present, or when they exceed the total', async () => {
    const full = `${H}\n2018,001,tips,,100\n2018,001,tips,political_security,10\n2018,001,tips,criminal,20\n2018,001,tips,social_evils,30\n2018,001,tips,other,30`;
    const { hit } = await issue(full, 'sum_mismatch', 2, 'value');
    expect(hit.message.en).toContain('90');
    await issue(`${H}\n2018,001,tips,,10\n2018,001,tips,criminal,20`, 'sum_mismatch', 2, 'value');
    // Some categories missing and below the total: nothing to say.
    const partial = await run(`${H}\n2018,001,tips,,100\n2018,001,tips,criminal,20`);
    expect(partial.warnings).toEqual([]);
    // A "more than" total is not expected to match its parts.
    const inexact = await run(`${H}\n2018,001,tips,,hơn 10\n2018,001,tips,criminal,20`);
    expect(inexact.warnings).toEqual([]);
    // model_communes categories overlap (a commune runs several types): never summed.
    const communes = await run(
      `${H}\n2018,001,model_communes,,5\n2018,001,model_communes,cluster_linkage,4\n2018,001,model_communes,self_defence,4`
    );
    expect(communes.warnings).toEqual([]);
  });

  it('period_overlap against periods already stored', async () => {
    const existing = [
      {
        area_code: '001',
        metric: 'tips',
        period_start: '2013-01-01',
        period_end: '2018-12-31',
        report: 'hn-review'
      }
    ];
    const { hit } = await issue(
      `${H}\n2018,001,tips,,5\n2018,001,tips,criminal,2\n2019,001,tips,,5`,
      'period_overlap',
      2,
      'value',
      { existing }
    );
    expect(hit.message.en).toContain('hn-review');
    const r = await run(`${H}\n2018,001,tips,,5\n2018,001,tips,criminal,2\n2019,001,tips,,5`, { existing });
    expect(r.counts.period_overlap).toBe(1);
  });

  it('formula_no_value, unknown_sheet, bad_workbook: workbooks', async () => {
    const book = await officeWorkbook({ uncachedFormula: true });
    check(await importFile(book, { areas }), 'formula_no_value', 14, 'D');
    check(await importFile(book, { areas, sheet: 'Trang 9' }), 'unknown_sheet', 0, '');
    check(await importFile(utf8('PK\x03\x04 not really a zip'), { areas }), 'bad_workbook', 0, '');
  });

  it('unread_row: a row of a printed sheet that is not data, and not skipped as title, total or signature', async () => {
    const sheet = 'Mã;Năm;Tổng số tin;Ghi chú\n001;2023;5;\n;;;xem tiếp trang 2\n';
    const { hit } = await issue(sheet, 'unread_row', 3, '');
    expect(hit.message.en).toContain('"xem tiếp trang 2"');
  });

  it('covers every issue code', () => {
    for (const c of [...ERROR_CODES, ...WARNING_CODES]) expect(covered, c).toContain(c);
  });
});

describe('issue caps', () => {
  it('keeps the first N issues of a code in full and counts them all', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `2018,001,tips,,bad${i}`).join('\n');
    const r = await run(`${H}\n${rows}`, { maxIssuesPerCode: 5 });
    expect(r.errors).toHaveLength(5);
    expect(r.errors.map((e) => e.row)).toEqual([2, 3, 4, 5, 6]);
    expect(r.counts.bad_number).toBe(30);
    expect(r.error_count).toBe(30);
  });
});
