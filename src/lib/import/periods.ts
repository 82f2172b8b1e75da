/** Period cells as reports write them ("2013-2018", "Quý 3/2023", "6 tháng đầu năm 2023", dates) → a date range. */
import { isIsoDate, parsePeriod, type Period } from '../model/periods';
import { looseKey } from './text';

const pad = (n: number | string) => String(n).padStart(2, '0');

/** A date cell as YYYY-MM-DD: accepts YYYY-MM-DD, YYYY/MM/DD and DD/MM/YYYY (also with '-' or '.'), else null. */
export function parseDate(cell: string): string | null {
  const s = cell.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  let iso: string | null = null;
  if (m) iso = `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
  else if ((m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s))) iso = `${m[3]}-${pad(m[2])}-${pad(m[1])}`;
  return iso && isIsoDate(iso) ? iso : null;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/**
 * Rewrites the Vietnamese and English ways of naming a period into the model's labels, so parsePeriod can read them:
 * "Năm 2023" → "2023", "Giai đoạn 2013 - 2018" → "2013-2018", "Quý III/2023" or "Q3 2023" → "2023-Q3",
 * "6 tháng đầu năm 2023" → "2023-H1", "Tháng 8/2023" or "08/2023" → "2023-08".
 */
export function normalisePeriodLabel(cell: string): string {
  const k = looseKey(cell.replace(/[–—−]/g, '-').replace(/(\d)\s*-\s*(\d)/g, '$1x$2'));
  // looseKey drops punctuation; 'x' above keeps the dash of a year range visible as a letter between digits.
  let m: RegExpExecArray | null;
  if ((m = /^(?:nam|year|giaidoan|gd|period|ky)?(\d{4})$/.exec(k))) return m[1];
  if ((m = /^(?:nam|giaidoan|gd|period|ky|years)?(\d{4})x(\d{4})$/.exec(k))) return `${m[1]}-${m[2]}`;
  if ((m = /^(?:quy|q|quarter)(\d|iv|iii|ii|i)(?:nam)?(\d{4})$/.exec(k)))
    return `${m[2]}-Q${ROMAN[m[1]] ?? m[1]}`;
  if ((m = /^(\d{4})(?:x)?(?:quy|q)(\d)$/.exec(k))) return `${m[1]}-Q${m[2]}`;
  if ((m = /^6thang(dau|cuoi)nam(\d{4})$/.exec(k))) return `${m[2]}-H${m[1] === 'dau' ? 1 : 2}`;
  if ((m = /^h([12])(?:nam)?(\d{4})$/.exec(k))) return `${m[2]}-H${m[1]}`;
  if ((m = /^(\d{4})x?h([12])$/.exec(k))) return `${m[1]}-H${m[2]}`;
  if ((m = /^(?:thang|month)?(\d{1,2})(?:nam)?(\d{4})$/.exec(k))) return `${m[2]}-${pad(m[1])}`;
  return cell;
}

/** A whole-year or whole-span label for explicit start/end dates that have no label of their own. */
function labelFor(start: string, end: string): string {
  if (start.endsWith('-01-01') && end.endsWith('-12-31')) {
    const a = start.slice(0, 4);
    const b = end.slice(0, 4);
    return a === b ? a : `${a}–${b}`;
  }
  return start === end ? start : `${start}/${end}`;
}

export type PeriodResult =
  | { ok: true; period: Period }
  | {
      ok: false;
      reason: 'empty' | 'unreadable' | 'bad_start' | 'bad_end' | 'end_before_start' | 'label_mismatch';
    };

/**
 * Resolves a row's period from its label and/or explicit start and end dates. Explicit dates win over the label
 * (they are more precise; a label such as "2025-07-02" names a single day), but a label that reads as a different
 * range is an error rather than a silent choice.
 */
export function resolvePeriod(label: string, startCell: string, endCell: string): PeriodResult {
  const l = label.trim();
  const sc = startCell.trim();
  const ec = endCell.trim();
  let fromLabel: Period | null = null;
  if (l !== '') {
    fromLabel = parsePeriod(l) ?? parsePeriod(normalisePeriodLabel(l));
    if (!fromLabel) {
      const d = parseDate(l);
      if (d) fromLabel = { label: d, start: d, end: d };
    }
  }
  if (sc === '' && ec === '') {
    if (l === '') return { ok: false, reason: 'empty' };
    return fromLabel ? { ok: true, period: fromLabel } : { ok: false, reason: 'unreadable' };
  }
  const start = sc === '' ? (fromLabel?.start ?? null) : parseDate(sc);
  const end = ec === '' ? (fromLabel?.end ?? null) : parseDate(ec);
  if (!start) return { ok: false, reason: 'bad_start' };
  if (!end) return { ok: false, reason: 'bad_end' };
  if (end < start) return { ok: false, reason: 'end_before_start' };
  if (fromLabel && (fromLabel.start !== start || fromLabel.end !== end)) {
    // A label such as "2023" may sit beside its own dates; "2023" with dates of another year is a contradiction.
    return { ok: false, reason: 'label_mismatch' };
  }
  return {
    ok: true,
    period: { label: l !== '' ? (fromLabel?.label ?? l) : labelFor(start, end), start, end }
  };
}
