import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatDate,
  formatFigure,
  formatNumber,
  formatPercent,
  formatYears
} from '$i18n/format';

describe('Vietnamese and English number formats', () => {
  it('writes thousands with a dot in Vietnamese and a comma in English', () => {
    expect(formatNumber(208229, 'vi')).toBe('208.229');
    expect(formatNumber(208229, 'en')).toBe('208,229');
  });
  it('writes percentages with a decimal comma in Vietnamese', () => {
    expect(formatPercent(0.9109, 'vi', false)).toBe('91,09%');
    expect(formatPercent(-0.5, 'en')).toBe('−50%');
    expect(formatPercent(0.25, 'vi')).toBe('+25%');
  });
  it('keeps qualifiers in front of the figure', () => {
    expect(formatFigure(15000, 'more_than', 'vi')).toBe('> 15.000');
    expect(formatFigure(600, 'nearly', 'vi')).toBe('gần 600');
    expect(formatFigure(600, 'nearly', 'en')).toBe('nearly 600');
    expect(formatFigure(2300, 'about', 'vi')).toBe('≈ 2.300');
    expect(formatFigure(208229, 'exact', 'vi')).toBe('208.229');
  });
  it('rounds per-year rates but keeps one decimal for small ones', () => {
    expect(formatNumber(208229 / 6, 'vi')).toBe('34.705');
    expect(formatNumber(12.34, 'vi')).toBe('12,3');
  });
  it('signs changes with a true minus sign', () => {
    expect(formatChange(-88, 'vi')).toBe('−88');
    expect(formatChange(1085, 'vi')).toBe('+1.085');
  });
  it('writes calendar dates without shifting them by time zone', () => {
    expect(formatDate('2020-01-15', 'vi')).toBe('15/01/2020');
    expect(formatDate('2020-01-15', 'en')).toBe('15 Jan 2020');
    expect(formatYears(6, 'vi')).toBe('6 năm');
  });
});
