/** Number, percent and date formatting for vi-VN (208.229; 91,09%) and en (208,229; 91.09%). */
import type { Qualifier } from '$model/types';

export type Lang = 'vi' | 'en';
const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

const cache = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = lang + JSON.stringify(opts);
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(LOCALE[lang], opts)));
  return f;
}

/** A count or rate: integers as they are, small rates with one decimal. */
export function formatNumber(value: number, lang: Lang): string {
  const digits = Number.isInteger(value) || Math.abs(value) >= 100 ? 0 : 1;
  return nf(lang, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
}

/** A signed change: +1.234 / −56. */
export function formatChange(value: number, lang: Lang): string {
  const s = formatNumber(Math.abs(value), lang);
  return value > 0 ? `+${s}` : value < 0 ? `−${s}` : s;
}

/** A percentage: signed "+12,35%" for tables; a review's sentences say the direction in words, with one decimal. */
export function formatPercent(value: number, lang: Lang, signed = true, digits = 2): string {
  const s = nf(lang, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(
    Math.abs(value)
  );
  return signed ? (value > 0 ? `+${s}` : value < 0 ? `−${s}` : s) : s;
}

const QUALIFIER_PREFIX: Record<Lang, Record<Qualifier, string>> = {
  vi: { exact: '', more_than: '> ', nearly: 'gần ', about: '≈ ' },
  en: { exact: '', more_than: '> ', nearly: 'nearly ', about: '≈ ' }
};

/** A figure with its qualifier kept: "> 15.000", "gần 600". */
export function formatFigure(value: number, qualifier: Qualifier, lang: Lang): string {
  return QUALIFIER_PREFIX[lang][qualifier] + formatNumber(value, lang);
}

// Making an Intl.DateTimeFormat costs far more than using one: a chart's source line formats dates on every change.
const dateFormats = new Map<Lang, Intl.DateTimeFormat>();

/** YYYY-MM-DD as 15/01/2020 (vi) or 15 Jan 2020 (en); calendar-only, no time zone shift. */
export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  let f = dateFormats.get(lang);
  if (!f)
    dateFormats.set(
      lang,
      (f = new Intl.DateTimeFormat(LOCALE[lang], {
        day: '2-digit',
        month: lang === 'vi' ? '2-digit' : 'short',
        year: 'numeric',
        timeZone: 'UTC'
      }))
    );
  return f.format(new Date(Date.UTC(y, m - 1, d)));
}

/** A period's label for people: a point in time reads as a date, a range as its label. */
export function formatPeriod(label: string, start: string, end: string, lang: Lang): string {
  if (start === end) return formatDate(start, lang);
  return label;
}

/** Years, for a per-year divisor: "6 năm" / "0,5 years". */
export function formatYears(years: number, lang: Lang): string {
  const n = nf(lang, { maximumFractionDigits: 2 }).format(years);
  return lang === 'vi' ? `${n} năm` : `${n} ${years === 1 ? 'year' : 'years'}`;
}

/** Bytes as "1,2 MB" in the page's language (cached formatters: toLocaleString builds one per call). */
export function formatBytes(n: number, lang: 'vi' | 'en'): string {
  const [v, u] = n >= 1 << 20 ? [n / (1 << 20), 'MB'] : n >= 1024 ? [n / 1024, 'KB'] : [n, 'B'];
  return `${formatNumber(v < 100 ? Math.round(v * 10) / 10 : Math.round(v), lang)} ${u}`;
}
