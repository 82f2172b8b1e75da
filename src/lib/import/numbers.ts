/** Numbers as Vietnamese reports write them ("208.229", "1,2 triệu", "hơn 15.000") → value and qualifier. */
import type { Qualifier } from '../model/types';
import { looseKey } from './text';

export type NumberResult =
  | { ok: true; value: number; qualifier: Qualifier }
  | { ok: false; reason: 'empty' | 'not_a_number' | 'bad_grouping' | 'too_large' };

/**
 * A value is stored only if it is what the cell says: finite, and no larger than the largest integer a double holds
 * exactly (9007199254740993 would be stored as …992, 400 nines as Infinity, and neither written back as read).
 */
export function storable(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER;
}

// Words before a number that qualify it. Compared on the loose key (no diacritics), longest first.
const QUALIFIER_PREFIXES: [string, Qualifier][] = (
  [
    ['hon', 'more_than'],
    ['tren', 'more_than'],
    ['ngoai', 'more_than'],
    ['morethan', 'more_than'],
    ['over', 'more_than'],
    ['above', 'more_than'],
    ['gan', 'nearly'],
    ['xapxi', 'about'],
    ['nearly', 'nearly'],
    ['almost', 'nearly'],
    ['khoang', 'about'],
    ['chung', 'about'],
    ['uoctinh', 'about'],
    ['uoc', 'about'],
    ['about', 'about'],
    ['approximately', 'about'],
    ['approx', 'about'],
    ['around', 'about'],
    ['ca', 'about']
  ] as [string, Qualifier][]
).sort((a, b) => b[0].length - a[0].length);

const SYMBOL_PREFIXES: [string, Qualifier][] = [
  ['>=', 'more_than'],
  ['≥', 'more_than'],
  ['>', 'more_than'],
  ['~', 'about'],
  ['≈', 'about'],
  ['±', 'about'],
  ['<', 'nearly'],
  ['≤', 'nearly']
];

// Multiplier words after a number (loose keys).
const MULTIPLIERS: Record<string, number> = {
  nghin: 1e3,
  ngan: 1e3,
  k: 1e3,
  thousand: 1e3,
  trieu: 1e6,
  tr: 1e6,
  million: 1e6,
  ty: 1e9,
  ti: 1e9,
  billion: 1e9
};

const QUALIFIER_WORDS: Map<string, Qualifier> = new Map([
  ['', 'exact'],
  ['exact', 'exact'],
  ['chinhxac', 'exact'],
  ['=', 'exact'],
  ['more_than', 'more_than'],
  ['nearly', 'nearly'],
  ['about', 'about'],
  ['>', 'more_than'],
  ['>=', 'more_than'],
  ['~', 'about'],
  ['≈', 'about'],
  ['<', 'nearly']
]);
for (const [w, q] of QUALIFIER_PREFIXES) QUALIFIER_WORDS.set(w, q);

/** A qualifier cell: canonical ids, Vietnamese or English words ("hơn", "gần", "khoảng", "more than"), or symbols. */
export function parseQualifier(cell: string): Qualifier | null {
  const s = cell.trim();
  const direct = QUALIFIER_WORDS.get(s.toLowerCase());
  if (direct) return direct;
  return QUALIFIER_WORDS.get(looseKey(s)) ?? null;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** True when every character is an ASCII digit (the common case, parsed without any string work). */
function allDigits(s: string): boolean {
  if (s.length === 0 || s.length > 15) return false;
  for (let i = 0; i < s.length; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

/**
 * Digits with separators → number. Vietnamese convention: '.' groups thousands, ',' is the decimal mark; spaces also
 * group thousands. When both '.' and ',' appear, the last one is the decimal mark ("1.234,5" and "1,234.5" are both
 * 1234.5). A single '.' followed by exactly three digits is a thousands separator ("208.229" = 208229, "1.500" =
 * 1500), otherwise it is a decimal point ("1.5", "2.25", "0.500"): reports never write decimals to three places,
 * while spreadsheets often drop a thousands group's partner. A single ',' is always the decimal mark.
 */
function parseDigits(s: string): number | 'bad_grouping' | null {
  if (allDigits(s)) return +s;
  const t = s.replace(/[\s\u00a0\u202f']/g, (m) => (m === "'" ? "'" : ' '));
  if (!/^[0-9][0-9., ']*$/.test(t) || !/[0-9]$/.test(t)) return null;
  const lastDot = t.lastIndexOf('.');
  const lastComma = t.lastIndexOf(',');
  let intPart: string;
  let frac = '';
  let groupSep: string | null = null;
  if (lastDot >= 0 && lastComma >= 0) {
    const dec = lastDot > lastComma ? '.' : ',';
    groupSep = dec === '.' ? ',' : '.';
    const at = Math.max(lastDot, lastComma);
    intPart = t.slice(0, at);
    frac = t.slice(at + 1);
    if (frac.includes(dec) || intPart.includes(dec)) return 'bad_grouping';
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const parts = t.split(sep);
    if (parts.length > 2) {
      groupSep = sep;
      intPart = t;
    } else if (sep === '.' && parts[1].length === 3 && !/^0+$/.test(parts[0].replace(/[ ']/g, ''))) {
      groupSep = '.';
      intPart = t;
    } else {
      intPart = parts[0];
      frac = parts[1];
    }
  } else {
    intPart = t;
  }
  if (!/^[0-9]*$/.test(frac)) return 'bad_grouping';
  // Group separators (the chosen one, spaces, apostrophes) must split the integer part into groups of three.
  const groups = intPart.split(
    groupSep === null ? /[ ']/ : new RegExp(`[ '${groupSep === '.' ? '\\.' : ','}]`)
  );
  if (groups.length > 1) {
    if (!/^[0-9]{1,3}$/.test(groups[0])) return 'bad_grouping';
    for (let i = 1; i < groups.length; i++) if (!/^[0-9]{3}$/.test(groups[i])) return 'bad_grouping';
  } else if (!/^[0-9]+$/.test(groups[0])) return 'bad_grouping';
  return Number(groups.join('') + (frac ? '.' + frac : ''));
}

/**
 * Parses a figure cell: an optional qualifier word or symbol before the number ("hơn 15.000", "> 15000", "gần 600",
 * "khoảng 2.300", "~2300"), an optional "+" after it ("15.000+" is more than), an optional multiplier word after it
 * ("250 nghìn", "1,2 triệu"). A leading minus gives a negative value (the validator rejects it with a clear message).
 */
export function parseNumber(cell: string): NumberResult {
  if (allDigits(cell)) return { ok: true, value: +cell, qualifier: 'exact' };
  let s = cell.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  if (s === '') return { ok: false, reason: 'empty' };
  if (allDigits(s)) return { ok: true, value: +s, qualifier: 'exact' };
  let qualifier: Qualifier = 'exact';
  for (const [sym, q] of SYMBOL_PREFIXES) {
    if (s.startsWith(sym)) {
      qualifier = q;
      s = s.slice(sym.length).trim();
      break;
    }
  }
  if (qualifier === 'exact') {
    // Words before the first digit or sign.
    const m = /^([^\d+\-−]*)(.*)$/.exec(s)!;
    if (m[1].trim() !== '') {
      const key = looseKey(m[1]);
      const hit = QUALIFIER_PREFIXES.find(([w]) => w === key);
      if (!hit) return { ok: false, reason: 'not_a_number' };
      qualifier = hit[1];
      s = m[2].trim();
    }
  }
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('−')) {
    sign = -1;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) {
    s = s.slice(1).trim();
  }
  if (s.endsWith('+')) {
    if (qualifier === 'exact') qualifier = 'more_than';
    s = s.slice(0, -1).trim();
  }
  let factor = 1;
  const mm = /^([0-9][0-9., ']*?)\s*([^\d\s.,'][^\d]*)?$/.exec(s);
  if (!mm) return { ok: false, reason: 'not_a_number' };
  if (mm[2]) {
    const f = MULTIPLIERS[looseKey(mm[2])];
    if (f === undefined) return { ok: false, reason: 'not_a_number' };
    factor = f;
  }
  const n = parseDigits(mm[1].trim());
  if (n === null) return { ok: false, reason: 'not_a_number' };
  if (n === 'bad_grouping') return { ok: false, reason: 'bad_grouping' };
  // Round away binary noise from the multiplication (1,2 × 10⁶ = 1 200 000, not 1 199 999.9999).
  const value = factor === 1 ? n : Math.round(n * factor * 1e6) / 1e6;
  if (!storable(value)) return { ok: false, reason: 'too_large' };
  return { ok: true, value: sign * value, qualifier };
}

/**
 * A stored value written so that `parseNumber` reads back the same number: plain digits, '.' as the decimal mark,
 * never an exponent (1e-7 is written 0.0000001), and never exactly three decimals, which the parser takes for a
 * thousands group (1.234 is written 1.2340).
 */
export function numberText(value: number): string {
  let s = String(value);
  if (/e/i.test(s)) {
    const [mantissa, exp] = value.toExponential().split('e');
    const digits = mantissa.replace(/^-/, '').replace('.', '');
    const e = Number(exp);
    const sign = value < 0 ? '-' : '';
    s =
      e < 0
        ? `${sign}0.${'0'.repeat(-e - 1)}${digits}`
        : `${sign}${digits.padEnd(e + 1, '0').slice(0, e + 1)}${digits.length > e + 1 ? '.' + digits.slice(e + 1) : ''}`;
  }
  return /\.\d{3}$/.test(s) ? s + '0' : s;
}
