import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { compareRowsToTable, figuresToTable, sheetName, tableToXlsx } from '$ui/export-xlsx';
import { fig } from '../../fixtures/figures';

const H1 = ['2013–2018', '2013-01-01', '2018-12-31'] as const;

/** Opens an exported file back with exceljs: its one sheet's rows as values, and the sheet itself. */
async function reopen(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  );
  expect(wb.worksheets).toHaveLength(1);
  const ws = wb.worksheets[0];
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => (rows[n - 1] = (row.values as unknown[]).slice(1)));
  return { ws, rows: Array.from(rows, (r) => r ?? []) };
}

describe("Excel export of a chart's figures", () => {
  const figures = [
    fig(...H1, 'tips', '', 208229),
    fig(...H1, 'tips', 'criminal', 115301, { qualifier: 'more_than', note: 'hơn 115.000' }),
    fig(...H1, 'disputes_resolved', '', 1200, { kind: 'demo', report_id: 'demo-hanoi-communes' })
  ];

  it("gives the table's numbers as numbers, with Vietnamese headers and the qualifier in its own column", async () => {
    const bytes = await tableToXlsx(figuresToTable(figures, 'vi'), 'Tin báo theo loại', [
      'Nguồn: MTTQ (15/01/2020)'
    ]);
    const { ws, rows } = await reopen(bytes);
    expect(ws.name).toBe('Tin báo theo loại');
    expect(rows[0]).toEqual([
      'Kỳ',
      'Từ ngày',
      'Đến ngày',
      'Mã địa bàn',
      'Chỉ tiêu',
      'Phân loại',
      'Giá trị',
      'Mức độ chính xác',
      'Ghi chú',
      'Loại',
      'Mã báo cáo',
      'Kỳ tính'
    ]);
    expect(rows.slice(1, 4).map((r) => [r[4], r[5], r[6], r[7], r[9]])).toEqual([
      ['Tin báo của quần chúng', '', 208229, 'chính xác', 'Đã công bố'],
      ['Tin báo của quần chúng', 'Tội phạm hình sự', 115301, 'hơn', 'Đã công bố'],
      ['Vụ mâu thuẫn, tranh chấp được hòa giải', '', 1200, 'chính xác', 'Dữ liệu minh họa']
    ]);
    expect(ws.getCell('G2').numFmt).toBe('#,##0');
    expect(typeof ws.getCell('G2').value).toBe('number');
    // Under the table, after a blank row: the source, then the demo notice.
    expect(rows[4]).toEqual([]);
    expect(rows[5]).toEqual(['Nguồn: MTTQ (15/01/2020)']);
    expect(rows[6][0]).toContain('số liệu minh họa');
  });

  it('neutralises text a spreadsheet would run as a formula, as the CSV does', async () => {
    const bad = fig(...H1, 'tips', '', 5, { note: '=HYPERLINK("http://x","y")', report_id: '@evil' });
    const { ws } = await reopen(await tableToXlsx(figuresToTable([bad], 'vi'), 'x', ['-1+1']));
    expect(ws.getCell('I2').value).toBe('\'=HYPERLINK("http://x","y")');
    expect(ws.getCell('K2').value).toBe("'@evil");
    expect(ws.getCell('A4').value).toBe("'-1+1");
    expect(ws.getCell('I2').formula).toBeUndefined();
  });

  it('writes English headers for an English reader', () => {
    const table = figuresToTable(figures, 'en');
    expect(table.columns.map((c) => c.label).slice(0, 3)).toEqual(['Period', 'From', 'To']);
    expect(table.rows[1].qualifier).toBe('more than');
  });
});

describe('Excel export of the period comparison', () => {
  it('gives both sides, the compared values, the change and the percentage as numbers', async () => {
    const a = fig(...H1, 'tips', '', 208229);
    const b = fig('2019', '2019-01-01', '2019-12-31', 'tips', '', 40000);
    const table = compareRowsToTable(
      [
        {
          metric: 'tips',
          category: '',
          a: { figure: a, shown: 34704.83, rate: true },
          b: { figure: b, shown: 40000, rate: false },
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
    const { ws, rows } = await reopen(await tableToXlsx(table, 'So sánh hai kỳ', []));
    const header = rows[0] as string[];
    const at = (label: string) => rows[1][header.indexOf(label)];
    expect(at('Giá trị (Kỳ gốc)')).toBe(208229);
    expect(at('Giá trị (Kỳ so sánh)')).toBe(40000);
    expect(at('Giá trị so sánh (Kỳ gốc)')).toBe(34704.83);
    expect(at('Thay đổi')).toBe(5295.17);
    expect(at('%')).toBe(0.1525);
    expect(ws.getRow(2).getCell(header.indexOf('%') + 1).numFmt).toBe('0.0%');
    expect(rows).toHaveLength(2); // no notes: real data, no source given
  });

  it('names a sheet as Excel allows', () => {
    expect(sheetName('Tin báo: 2013/2018 [demo]', 'Số liệu')).toBe('Tin báo 2013 2018 demo');
    expect(sheetName('   ', 'Số liệu')).toBe('Số liệu');
    expect(sheetName('x'.repeat(40), 'S')).toHaveLength(31);
  });
});
