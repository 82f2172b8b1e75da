import { describe, expect, it } from 'vitest';
import { parseDate, resolvePeriod } from '$import/periods';

describe('period cells', () => {
  it.each([
    ['2013-2018', '2013–2018', '2013-01-01', '2018-12-31'],
    ['2013–2018', '2013–2018', '2013-01-01', '2018-12-31'],
    ['2013 - 2018', '2013–2018', '2013-01-01', '2018-12-31'],
    ['Giai đoạn 2013-2018', '2013–2018', '2013-01-01', '2018-12-31'],
    ['2009', '2009', '2009-01-01', '2009-12-31'],
    ['Năm 2009', '2009', '2009-01-01', '2009-12-31'],
    ['2023-Q3', '2023-Q3', '2023-07-01', '2023-09-30'],
    ['Quý 3/2023', '2023-Q3', '2023-07-01', '2023-09-30'],
    ['Quý III năm 2023', '2023-Q3', '2023-07-01', '2023-09-30'],
    ['2023-H1', '2023-H1', '2023-01-01', '2023-06-30'],
    ['6 tháng đầu năm 2023', '2023-H1', '2023-01-01', '2023-06-30'],
    ['6 tháng cuối năm 2023', '2023-H2', '2023-07-01', '2023-12-31'],
    ['2023-08', '2023-08', '2023-08-01', '2023-08-31'],
    ['Tháng 8/2023', '2023-08', '2023-08-01', '2023-08-31'],
    ['1/2024', '2024-01', '2024-01-01', '2024-01-31'],
    ['2024-02', '2024-02', '2024-02-01', '2024-02-29'],
    ['2025-07-02', '2025-07-02', '2025-07-02', '2025-07-02'],
    ['02/07/2025', '2025-07-02', '2025-07-02', '2025-07-02']
  ])('label %j → %s (%s … %s)', (label, l, start, end) => {
    expect(resolvePeriod(label, '', '')).toEqual({ ok: true, period: { label: l, start, end } });
  });

  it('takes explicit start and end columns, in ISO or DD/MM/YYYY', () => {
    expect(resolvePeriod('', '2020-01-01', '2021-12-31')).toEqual({
      ok: true,
      period: { label: '2020–2021', start: '2020-01-01', end: '2021-12-31' }
    });
    expect(resolvePeriod('', '01/01/2020', '31/03/2020')).toEqual({
      ok: true,
      period: { label: '2020-01-01/2020-03-31', start: '2020-01-01', end: '2020-03-31' }
    });
    expect(resolvePeriod('Đợt 1', '2022-01-01', '2022-03-31')).toMatchObject({
      ok: true,
      period: { label: 'Đợt 1' }
    });
  });

  it.each([
    ['', '', '', 'empty'],
    ['sometime', '', '', 'unreadable'],
    ['2018-2013', '', '', 'unreadable'],
    ['2023-13', '', '', 'unreadable'],
    ['', '2020-02-30', '2020-12-31', 'bad_start'],
    ['', '2020-01-01', '31/13/2020', 'bad_end'],
    ['', '2021-01-01', '2020-12-31', 'end_before_start'],
    ['2023', '2022-01-01', '2022-12-31', 'label_mismatch']
  ])('rejects %j %j %j (%s)', (label, start, end, reason) => {
    expect(resolvePeriod(label, start, end)).toEqual({ ok: false, reason });
  });

  it('reads dates only when they exist in the calendar', () => {
    expect(parseDate('29/02/2024')).toBe('2024-02-29');
    expect(parseDate('29/02/2023')).toBeNull();
    expect(parseDate('2023/8/1')).toBe('2023-08-01');
  });
});
