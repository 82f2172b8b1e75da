import { describe, expect, it } from 'vitest';
import { parseNumber, parseQualifier } from '$import/numbers';

describe('numbers as Vietnamese reports write them', () => {
  it.each([
    ['208.229', 208229, 'exact'],
    ['208229', 208229, 'exact'],
    ['1.234,5', 1234.5, 'exact'],
    ['1,234.5', 1234.5, 'exact'],
    ['1.234.567', 1234567, 'exact'],
    ['15 000', 15000, 'exact'],
    ['15\u00a0000', 15000, 'exact'],
    ['250 nghìn', 250000, 'exact'],
    ['1,2 triệu', 1200000, 'exact'],
    ['3.5 triệu', 3500000, 'exact'],
    ['hơn 15.000', 15000, 'more_than'],
    ['Hơn 250 nghìn', 250000, 'more_than'],
    ['trên 15.000', 15000, 'more_than'],
    ['> 15000', 15000, 'more_than'],
    ['15.000+', 15000, 'more_than'],
    ['gần 600', 600, 'nearly'],
    ['khoảng 2.300', 2300, 'about'],
    ['~2300', 2300, 'about'],
    ['xấp xỉ 40', 40, 'about'],
    ['more than 1,000.5', 1000.5, 'more_than'],
    // The '.' rule: a single '.' followed by exactly three digits groups thousands; otherwise it is a decimal point.
    ['1.500', 1500, 'exact'],
    ['1.5', 1.5, 'exact'],
    ['1.25', 1.25, 'exact'],
    ['0.500', 0.5, 'exact'],
    // A single ',' is the decimal mark (Vietnamese convention), even before three digits.
    ['1,5', 1.5, 'exact'],
    ['1,234', 1.234, 'exact'],
    ['  42 ', 42, 'exact'],
    ['-5', -5, 'exact']
  ])('%j → %d (%s)', (cell, value, qualifier) => {
    expect(parseNumber(cell)).toEqual({ ok: true, value, qualifier });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'not_a_number'],
    ['12a', 'not_a_number'],
    ['1e5', 'not_a_number'],
    ['12.34.5', 'bad_grouping'],
    ['1 2345', 'bad_grouping'],
    ['rất nhiều 5', 'not_a_number']
  ])('rejects %j (%s)', (cell, reason) => {
    expect(parseNumber(cell)).toEqual({ ok: false, reason });
  });

  it.each([
    ['', 'exact'],
    ['exact', 'exact'],
    ['more_than', 'more_than'],
    ['Hơn', 'more_than'],
    ['trên', 'more_than'],
    ['more than', 'more_than'],
    ['>', 'more_than'],
    ['gần', 'nearly'],
    ['nearly', 'nearly'],
    ['khoảng', 'about'],
    ['about', 'about'],
    ['~', 'about'],
    ['chính xác', 'exact']
  ])('qualifier cell %j → %s', (cell, q) => {
    expect(parseQualifier(cell)).toBe(q);
  });

  it('rejects an unknown qualifier word', () => {
    expect(parseQualifier('perhaps')).toBeNull();
  });
});
