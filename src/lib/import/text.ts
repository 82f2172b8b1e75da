/** Text keys for matching names typed by people: case, spacing, punctuation and tone-mark placement must not matter. */

// The five Vietnamese tone marks (decomposed). Other combining marks (circumflex, breve, horn) are part of the letter.
const TONES = new Set([0x300, 0x301, 0x303, 0x309, 0x323]);

/**
 * A strict matching key: lower case, no spaces or punctuation, and each syllable's tone mark moved to the syllable's
 * end, so "Hòa" and "Hoà" (old and new tone placement) and "hoa\u0300" all give the same key, while "Hòa" and "Hóa"
 * stay different.
 */
export function strictKey(s: string): string {
  const d = s.normalize('NFD').toLowerCase();
  let out = '';
  let tone = '';
  for (let i = 0; i < d.length; i++) {
    const c = d.charCodeAt(i);
    if (TONES.has(c)) {
      tone = d[i];
    } else if (
      (c >= 0x61 && c <= 0x7a) ||
      (c >= 0x30 && c <= 0x39) ||
      (c >= 0x300 && c <= 0x36f) ||
      c === 0x111
    ) {
      out += d[i];
    } else if (c > 0x7f && /\p{L}/u.test(d[i])) {
      out += d[i];
    } else {
      // A syllable boundary: the tone mark goes at the end of the syllable it belongs to.
      out += tone;
      tone = '';
    }
  }
  return (out + tone).normalize('NFC');
}

/** A loose key: strict key without any diacritics (đ → d). Used only as a fallback when it picks one candidate. */
export function looseKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** Collapses runs of white space (incl. no-break spaces) and trims; NFC so that later comparisons are by letter. */
export function tidy(s: string): string {
  return s
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .normalize('NFC');
}
