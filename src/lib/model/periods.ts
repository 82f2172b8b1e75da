/** Reporting periods: labels, date ranges and lengths. Dates are ISO YYYY-MM-DD strings, calendar-only. */

export interface Period {
  label: string;
  start: string;
  end: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses a period label ("2013-2018", "2013–2018", "2009", "2023-Q3", "2023-H1", "2023-08") to its date range. */
export function parsePeriod(label: string): Period | null {
  const s = label
    .trim()
    .replace(/[\u2012-\u2015\u2212]/g, '-')
    .replace(/\s+/g, '');
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^(\d{4})$/))) {
    const y = +m[1];
    return { label: `${y}`, start: `${y}-01-01`, end: `${y}-12-31` };
  }
  if ((m = s.match(/^(\d{4})-(\d{4})$/))) {
    const [a, b] = [+m[1], +m[2]];
    if (b < a) return null;
    return { label: `${a}–${b}`, start: `${a}-01-01`, end: `${b}-12-31` };
  }
  if ((m = s.match(/^(\d{4})-?Q([1-4])$/i))) {
    const [y, q] = [+m[1], +m[2]];
    const m1 = (q - 1) * 3 + 1;
    return {
      label: `${y}-Q${q}`,
      start: `${y}-${pad(m1)}-01`,
      end: `${y}-${pad(m1 + 2)}-${lastDay(y, m1 + 2)}`
    };
  }
  if ((m = s.match(/^(\d{4})-?H([12])$/i))) {
    const [y, h] = [+m[1], +m[2]];
    return h === 1
      ? { label: `${y}-H1`, start: `${y}-01-01`, end: `${y}-06-30` }
      : { label: `${y}-H2`, start: `${y}-07-01`, end: `${y}-12-31` };
  }
  if ((m = s.match(/^(\d{4})-(\d{1,2})$/))) {
    const [y, mo] = [+m[1], +m[2]];
    if (mo < 1 || mo > 12) return null;
    return {
      label: `${y}-${pad(mo)}`,
      start: `${y}-${pad(mo)}-01`,
      end: `${y}-${pad(mo)}-${lastDay(y, mo)}`
    };
  }
  return null;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = s.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** Length of a period in years, counted in whole days (inclusive) over 365.25: 2013–2018 is 6, 2023-H1 ≈ 0.5. */
export function periodYears(start: string, end: string): number {
  const days = (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000 + 1;
  // Round to months so a calendar year is exactly 1 and a half-year exactly 0.5.
  return Math.round((days / 365.25) * 12) / 12;
}

/** Order periods by start, then by end (longer last). */
export function comparePeriods(a: Pick<Period, 'start' | 'end'>, b: Pick<Period, 'start' | 'end'>): number {
  return a.start.localeCompare(b.start) || a.end.localeCompare(b.end);
}

/** The structure of Hà Nội's units in force at a date: the 2025 reform took effect on 1 July 2025. */
export function hanoiStructureAt(date: string): 'hn2019' | 'hn2025' {
  return date >= '2025-07-01' ? 'hn2025' : 'hn2019';
}

/**
 * A time axis's domain (ms) for periods [start, end): from the first start to the latest end. Not the first and last
 * periods' own: periods sort by start, and the last to start (2014) may end before a longer one (2013–2018).
 */
export function timeSpan(periods: { start: string | Date; end: string | Date }[]): [number, number] {
  if (periods.length === 0) return [0, 1];
  const ms = (d: string | Date) => (typeof d === 'string' ? Date.parse(d) : d.getTime());
  return [Math.min(...periods.map((p) => ms(p.start))), Math.max(...periods.map((p) => ms(p.end)))];
}
