/** Observations → the canonical long CSV of data/reports/, so an uploaded report can be exported and bundled. */
import { neutraliseFormula } from '../model/formula';
import { numberText } from './numbers';

export const CANONICAL_HEADER =
  'period,period_start,period_end,area_code,metric,category,value,qualifier,note';

export interface CanonicalRow {
  period: string;
  period_start: string;
  period_end: string;
  area_code: string;
  metric: string;
  category: string;
  value: number;
  qualifier: string;
  note?: string;
}

/** Quotes a cell when CSV needs it (delimiter, quote, line break, or edge spaces a reader would trim); a cell a
 *  spreadsheet would run as a formula is neutralised first (model/formula.ts). */
function cell(text: string): string {
  const s = neutraliseFormula(text);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Writes observations exactly as the bundled reports are written: the canonical header, LF line endings, a final
 * line break, numbers in plain notation ('.' decimal, no grouping, no exponent: `numberText`), and a note always
 * quoted when present (as in data/reports/), empty otherwise. Text that would start a spreadsheet formula gets a
 * leading apostrophe, which the import takes off again.
 */
export function toCanonicalCsv(
  observations: readonly CanonicalRow[] | { readonly length: number; get(i: number): CanonicalRow }
): string {
  const lines: string[] = [CANONICAL_HEADER];
  // An ObservationTable is read row by row, without building all objects first.
  const at = Array.isArray(observations)
    ? (i: number) => (observations as readonly CanonicalRow[])[i]
    : (i: number) => (observations as { get(i: number): CanonicalRow }).get(i);
  for (let i = 0; i < observations.length; i++) {
    const o = at(i);
    const note = o.note ?? '';
    lines.push(
      [
        cell(o.period),
        o.period_start,
        o.period_end,
        cell(o.area_code),
        cell(o.metric),
        cell(o.category),
        numberText(o.value),
        o.qualifier,
        note === '' ? '' : `"${neutraliseFormula(note).replace(/"/g, '""')}"`
      ].join(',')
    );
  }
  return lines.join('\n') + '\n';
}
