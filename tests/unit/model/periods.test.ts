import { describe, expect, it } from 'vitest';
import { hanoiStructureAt, isIsoDate, parsePeriod, periodYears } from '$model/periods';

describe('parsePeriod', () => {
  it.each([
    ['2013-2018', '2013–2018', '2013-01-01', '2018-12-31'],
    ['2013–2018', '2013–2018', '2013-01-01', '2018-12-31'],
    [' 2013 - 2018 ', '2013–2018', '2013-01-01', '2018-12-31'],
    ['2009', '2009', '2009-01-01', '2009-12-31'],
    ['2023-Q3', '2023-Q3', '2023-07-01', '2023-09-30'],
    ['2024-Q1', '2024-Q1', '2024-01-01', '2024-03-31'],
    ['2023-H1', '2023-H1', '2023-01-01', '2023-06-30'],
    ['2023-H2', '2023-H2', '2023-07-01', '2023-12-31'],
    ['2023-08', '2023-08', '2023-08-01', '2023-08-31'],
    ['2024-02', '2024-02', '2024-02-01', '2024-02-29']
  ])('reads %s as %s from %s to %s', (input, label, start, end) => {
    expect(parsePeriod(input)).toEqual({ label, start, end });
  });

  it.each(['', 'năm ngoái', '2018-2013', '2023-13', '2023-Q5', '20233'])('rejects %j', (input) => {
    expect(parsePeriod(input)).toBeNull();
  });
});

describe('periodYears', () => {
  it('counts 2013–2018 as six calendar years, a year as 1 and a half-year as 0.5', () => {
    expect(periodYears('2013-01-01', '2018-12-31')).toBe(6);
    expect(periodYears('2024-01-01', '2024-12-31')).toBe(1);
    expect(periodYears('2023-01-01', '2023-06-30')).toBe(0.5);
    expect(periodYears('2025-07-02', '2025-07-02')).toBe(0);
  });
});

describe('dates and structures', () => {
  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('15/01/2020')).toBe(false);
  });
  it('switches to the 2025 units on 1 July 2025', () => {
    expect(hanoiStructureAt('2025-06-30')).toBe('hn2019');
    expect(hanoiStructureAt('2025-07-01')).toBe('hn2025');
  });
});
