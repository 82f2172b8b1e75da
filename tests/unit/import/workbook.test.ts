import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importFile, importWorkbook, workbookKind } from '$import/workbook';
import type { ImportResult } from '$import/pipeline';
import {
  CITY_ROW,
  officeWorkbook,
  SHEET_CITY,
  SHEET_WARDS,
  WARD_ROWS,
  WARDS_CSV
} from '../../fixtures/office';
import { areas, run, where } from './helpers';

const TIPS = ['', 'political_security', 'criminal', 'social_evils', 'other'];
const figures = (r: ImportResult) =>
  r.observations
    .map((o) => [o.row, o.area_code, o.period, o.metric, o.category, o.value, o.qualifier].join('|'))
    .sort();
const expectedWards = () =>
  WARD_ROWS.flatMap((w) => [
    ...w.tips.map((v, k) => [w.row, w.code, '2024-H1', 'tips', TIPS[k], v, 'exact'].join('|')),
    [w.row, w.code, '2024-H1', 'disputes_resolved', '', w.disputes, 'exact'].join('|')
  ]).sort();

describe('an office workbook (.xlsx) as district police keep it', () => {
  it('takes the first sheet with a table, names every sheet, and reads every figure', async () => {
    const r = await importWorkbook(await officeWorkbook(), { areas, fileName: 'bao-cao.xlsx' });
    expect(r).toMatchObject({
      encoding: 'xlsx',
      layout: 'wide',
      sheet: SHEET_WARDS,
      rows: 4,
      error_count: 0
    });
    expect(r.sheets).toEqual([
      { name: SHEET_WARDS, table: true },
      { name: SHEET_CITY, table: true }
    ]);
    // Numbers as numbers, "1.234" as text, a formula's cached 100: all read; names as offices write them.
    expect(figures(r)).toEqual(expectedWards());
  });

  it('reads the period from the title, and says where', async () => {
    const r = await importWorkbook(await officeWorkbook(), { areas });
    expect(r.title_period).toEqual({
      row: 6,
      text: 'Kỳ báo cáo: 6 tháng đầu năm 2024',
      period: '2024-H1',
      period_start: '2024-01-01',
      period_end: '2024-06-30'
    });
  });

  it('checks the total row column by column: a warning on the one column that differs, named as Excel names it', async () => {
    const r = await importWorkbook(await officeWorkbook(), { areas });
    expect(where(r)).toEqual([['sum_mismatch', 15, 'E']]);
    expect(r.warnings[0].message.vi).toContain(
      'Dòng tổng ghi 720, nhưng cộng các dòng 11–14 ở trên được 710'
    );
    expect(r.observations.some((o) => o.row === 15)).toBe(false);
  });

  it('lists the rows and columns it skipped, and why', async () => {
    const r = await importWorkbook(await officeWorkbook(), { areas });
    const rows = r.skipped.rows.map((s) => [s.from, s.to, s.reason]);
    expect(rows).toEqual([
      [1, 3, 'title'],
      [4, 4, 'blank'],
      [5, 6, 'title'],
      [7, 7, 'blank'],
      [10, 10, 'serial'],
      [15, 15, 'total'],
      [16, 16, 'blank'],
      [17, 17, 'footnote'],
      [18, 18, 'blank'],
      [19, 20, 'signature'],
      [21, 22, 'blank'],
      [23, 23, 'signature'],
      [24, 24, 'blank'],
      [25, 26, 'signature']
    ]);
    expect(r.skipped.columns).toEqual([
      { column: 'A', header: 'STT', reason: 'serial' },
      { column: 'I', header: '', reason: 'blank' }
    ]);
    // Every row of the sheet is accounted for: 2 header rows, 4 data rows, the rest skipped.
    expect(r.skipped.row_count + 2 + r.rows).toBe(26);
  });

  it('names a formula saved without its value as an error on its cell', async () => {
    const r = await importWorkbook(await officeWorkbook({ uncachedFormula: true }), { areas });
    expect(r.errors.map((e) => [e.code, e.row, e.column])).toEqual([['formula_no_value', 14, 'D']]);
    expect(r.errors[0].message.vi).toContain('Ô D14 có công thức');
  });

  it('reads another sheet on request: the city, with its period from the title and a right total', async () => {
    const r = await importWorkbook(await officeWorkbook(), { areas, sheet: SHEET_CITY });
    expect(r).toMatchObject({ sheet: SHEET_CITY, error_count: 0, warning_count: 0 });
    expect(r.title_period).toMatchObject({ row: 4, period: '2025-Q3' });
    expect(figures(r)).toEqual(
      [
        ...CITY_ROW.tips.map((v, k) => [7, '01', '2025-Q3', 'tips', TIPS[k], v, 'exact'].join('|')),
        [7, '01', '2025-Q3', 'disputes_resolved', '', CITY_ROW.disputes, 'exact'].join('|')
      ].sort()
    );
  });

  it('skips a cover sheet without a table, and refuses a sheet that does not exist, listing the sheets', async () => {
    const bytes = await officeWorkbook({ coverSheet: true });
    const r = await importWorkbook(bytes, { areas });
    expect(r.sheet).toBe(SHEET_WARDS);
    expect(r.sheets[0]).toEqual({ name: 'Hướng dẫn', table: false });
    const missing = await importWorkbook(bytes, { areas, sheet: 'Quý IV' });
    expect(missing.errors.map((e) => e.code)).toEqual(['unknown_sheet']);
    expect(missing.errors[0].message.en).toContain(`"Hướng dẫn", "${SHEET_WARDS}", "${SHEET_CITY}"`);
  });

  it('gives the same observations from the sheet saved as CSV', async () => {
    const csv = await run(WARDS_CSV);
    const xlsx = await importWorkbook(await officeWorkbook(), { areas });
    expect(figures(csv)).toEqual(figures(xlsx));
    expect(csv.title_period).toEqual(xlsx.title_period);
    expect(csv.skipped.rows).toEqual(xlsx.skipped.rows);
    // The CSV names columns by their header, the workbook by letter.
    expect(where(csv)).toEqual([['sum_mismatch', 15, 'Số tin báo / Hình sự']]);
  });

  it('tells .xls and .ods from .xlsx, and asks for .xlsx', async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(workbookKind(xls)).toBe('xls');
    const r = await importFile(xls, { areas });
    expect(r.errors[0].code).toBe('not_csv');
    expect(r.errors[0].message.vi).toContain('.xlsx');
    const zip = (text: string) => new TextEncoder().encode('PK\x03\x04' + '\0'.repeat(26) + text);
    const ods = zip('mimetypeapplication/vnd.oasis.opendocument.spreadsheet');
    expect(workbookKind(ods)).toBe('ods');
    expect((await importFile(ods, { areas })).errors[0].message.en).toContain('Excel Workbook (.xlsx)');
    const broken = await importFile(zip('garbage'), { areas });
    expect(broken.errors[0].code).toBe('bad_workbook');
  });

  it('reads dates, and numbers with a fraction, as the CSV reader does', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Số liệu');
    ws.addRow(['Từ ngày', 'Đến ngày', 'Mã', 'Số vụ hòa giải']);
    ws.addRow([new Date(Date.UTC(2023, 0, 1)), new Date(Date.UTC(2023, 11, 31)), '001', 12]);
    ws.addRow([new Date(Date.UTC(2023, 0, 1)), new Date(Date.UTC(2023, 11, 31)), '002', 2.5]);
    const r = await importWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()), { areas });
    expect(r.observations[0]).toMatchObject({
      period_start: '2023-01-01',
      period_end: '2023-12-31',
      value: 12
    });
    expect(r.warnings.map((w) => [w.code, w.row, w.column])).toEqual([['fractional_value', 3, 'D']]);
  });
});

describe('a printed sheet saved as CSV', () => {
  const districts = [
    'CÔNG AN THÀNH PHỐ HÀ NỘI',
    'BÁO CÁO TỔNG HỢP NĂM 2023',
    '',
    'TT;Quận/Huyện;Tổng số tin;Số vụ hòa giải',
    '1;Q. Ba Đình;100;10',
    '2;quận Hoàn Kiếm;200;20',
    '3;Tây Hồ;300;30',
    'Toàn thành phố;;600;61',
    '',
    'Thủ trưởng đơn vị'
  ].join('\n');

  it('resolves district names as offices write them, in the period of the title', async () => {
    const r = await run(districts);
    expect(r.observations.map((o) => [o.area_code, o.period, o.metric, o.value])).toEqual([
      ['001', '2023', 'tips', 100],
      ['001', '2023', 'disputes_resolved', 10],
      ['002', '2023', 'tips', 200],
      ['002', '2023', 'disputes_resolved', 20],
      ['003', '2023', 'tips', 300],
      ['003', '2023', 'disputes_resolved', 30]
    ]);
    expect(where(r)).toEqual([['sum_mismatch', 8, 'Số vụ hòa giải']]);
  });

  it('reports a row that is neither data, title, total nor signature, instead of dropping it', async () => {
    const r = await run(districts.replace('3;Tây Hồ;300;30', '3;Tây Hồ;300;30\n;;;\nxem trang sau;;;'));
    expect(r.errors.map((e) => [e.code, e.row])).toEqual([['unread_row', 9]]);
    expect(r.errors[0].message.vi).toContain('"xem trang sau"');
  });

  it('checks subtotals against their own rows, and a grand total right after them against all rows', async () => {
    const sheet = [
      'Năm 2023',
      'TT;Quận/Huyện;Tổng số tin',
      '1;Ba Đình;100',
      '2;Hoàn Kiếm;200',
      'Cộng;;300',
      '3;Tây Hồ;300',
      'Cộng;;301',
      'Tổng cộng;;600'
    ].join('\n');
    const r = await run(sheet);
    expect(where(r)).toEqual([['sum_mismatch', 7, 'Tổng số tin']]);
    expect(r.warnings[0].message.en).toContain('rows 6–6 above add up to 300');
    expect(r.skipped.rows.filter((s) => s.reason === 'total').map((s) => [s.from, s.to])).toEqual([
      [5, 5],
      [7, 8]
    ]);
  });

  it('takes a period written as a span of dates', async () => {
    const r = await run(districts.replace('NĂM 2023', 'từ 01/01/2024 đến 30/06/2024'));
    expect(r.observations[0]).toMatchObject({ period_start: '2024-01-01', period_end: '2024-06-30' });
  });

  it('lets a period column win over the title', async () => {
    const r = await run(
      districts.replace('TT;Quận/Huyện;', 'TT;Năm;Quận/Huyện;').replace(/\n(\d);/g, '\n$1;2022;')
    );
    expect(r.title_period).toBeNull();
    expect(r.observations[0].period).toBe('2022');
  });
});
