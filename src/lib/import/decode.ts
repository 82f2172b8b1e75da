/** Bytes → text: detects the encoding of an uploaded CSV (UTF-8/16, Windows-1258, TCVN3) and converts it to NFC text. */

export type EncodingName =
  'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'tcvn3' | 'tcvn3-in-utf-8';

export type Decoded =
  | {
      ok: true;
      text: string;
      encoding: EncodingName;
      /** true when the text was not already UTF-8 */ converted: boolean;
    }
  | { ok: false; code: 'empty_file' | 'not_csv'; detail: string };

/**
 * TCVN 5712:1993 (the ".Vn" fonts: .VnTime, .VnArial): byte → character for bytes 0x80–0xFF and the few C0 positions
 * the VN1 table uses for capitals. VN3, which the .Vn fonts implement, is the lower-case subset (0xA1–0xFE) of VN1;
 * decoding with the full VN1 table is a superset that also reads the capitals some converters wrote.
 * Checked byte by byte against the TCVN3 table (e.g. 0xB5 à, 0xB8 á, 0xE9 ộ, 0xAE đ: "Hµ Néi" = "Hà Nội").
 */
const TCVN3_HIGH =
  // 0x80–0x9F: capitals with tone marks (VN1)
  'ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ' +
  // 0xA0–0xAF
  '\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ' +
  // 0xB0–0xBF (0xB0–0xB4 are combining tone marks in VN1)
  '\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ' +
  // 0xC0–0xCF
  'ẮẦẨẪẤỀặầẩẫấậèỂẻẽ' +
  // 0xD0–0xDF
  'éẹềểễếệìỉỄẾỒĩíịò' +
  // 0xE0–0xEF
  'Ổỏõóọồổỗốộờởỡớợù' +
  // 0xF0–0xFF
  'ỖủũúụừửữứựỳỷỹýỵỐ';
const TCVN3_LOW: Record<number, string> = {
  0x01: 'Ú',
  0x02: 'Ụ',
  0x04: 'Ừ',
  0x05: 'Ử',
  0x06: 'Ữ',
  0x11: 'Ứ',
  0x12: 'Ự',
  0x13: 'Ỳ',
  0x14: 'Ỷ',
  0x15: 'Ỹ',
  0x16: 'Ý',
  0x17: 'Ỵ'
};

/** The TCVN3 table as a 256-entry array (byte → string). */
export const TCVN3_TABLE: readonly string[] = Array.from({ length: 256 }, (_, b) =>
  b >= 0x80 ? TCVN3_HIGH[b - 0x80] : (TCVN3_LOW[b] ?? String.fromCharCode(b))
);

/** Decodes TCVN3 bytes (or the char codes of a string whose characters are all ≤ U+00FF) to NFC Unicode. */
export function decodeTcvn3(input: Uint8Array | string): string {
  const parts: string[] = [];
  const n = input.length;
  const at = typeof input === 'string' ? (i: number) => input.charCodeAt(i) : (i: number) => input[i];
  let chunk = '';
  for (let i = 0; i < n; i++) {
    chunk += TCVN3_TABLE[at(i) & 0xff];
    if (chunk.length > 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('').normalize('NFC');
}

/**
 * How much a run of single-byte codes looks like TCVN3 rather than Windows-1258/Latin-1: in TCVN3 the most frequent
 * Vietnamese letters (à á ạ ả ă â ê ô ơ ư đ…) sit at 0xA1–0xAE, 0xB5–0xB9 and 0xBB–0xBE, where Windows-1258 has
 * rarely used symbols (¡ ¨ © µ ¸ » …). Returns the share of high codes in those ranges.
 */
function tcvnShare(at: (i: number) => number, n: number): number {
  let high = 0;
  let hits = 0;
  for (let i = 0; i < n; i++) {
    const c = at(i);
    if (c < 0x80) continue;
    high++;
    if ((c >= 0xa1 && c <= 0xae) || (c >= 0xb5 && c <= 0xb9) || (c >= 0xbb && c <= 0xbe)) hits++;
  }
  return high === 0 ? 0 : hits / high;
}
const TCVN_THRESHOLD = 0.2;
const SAMPLE = 1 << 16;

const COMBINING = /[\u0300-\u036f]/;

function nfc(s: string): string {
  // Normalising 40 MB costs time; only texts with combining marks (decomposed tone marks) need it.
  return COMBINING.test(s) ? s.normalize('NFC') : s;
}

function startsWith(b: Uint8Array, sig: number[]): boolean {
  if (b.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[i] !== sig[i]) return false;
  return true;
}

/** Guesses UTF-16 without a byte-order mark from the pattern of NUL bytes in mostly-ASCII text. */
function utf16WithoutBom(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenNul++;
    if (b[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.6 && evenNul < pairs * 0.1) return 'utf-16le';
  if (evenNul > pairs * 0.6 && oddNul < pairs * 0.1) return 'utf-16be';
  return null;
}

/**
 * Decodes in 64 KB slices and joins them: Chromium's TextDecoder is markedly slower on one call over tens of
 * megabytes than on slices of it; Node is fast either way.
 */
function decodeText(label: string, bytes: Uint8Array, fatal = false): string {
  const SLICE = 1 << 16;
  if (bytes.length <= SLICE) return new TextDecoder(label, { fatal }).decode(bytes);
  const d = new TextDecoder(label, { fatal });
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += SLICE)
    parts.push(d.decode(bytes.subarray(i, i + SLICE), { stream: true }));
  parts.push(d.decode());
  return parts.join('');
}

/** Detects the encoding of a CSV file's bytes and returns its text in NFC, or why it is not a CSV at all. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, code: 'empty_file', detail: '' };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return {
      ok: true,
      text: nfc(decodeText('utf-8', bytes)),
      encoding: 'utf-8-bom',
      converted: false
    };
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return {
      ok: true,
      text: nfc(decodeText('utf-16le', bytes)),
      encoding: 'utf-16le',
      converted: true
    };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return {
      ok: true,
      text: nfc(decodeText('utf-16be', bytes)),
      encoding: 'utf-16be',
      converted: true
    };
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { ok: false, code: 'not_csv', detail: 'zip' };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return { ok: false, code: 'not_csv', detail: 'xls' };
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return { ok: false, code: 'not_csv', detail: 'pdf' };
  if (bytes.indexOf(0) !== -1) {
    const u16 = utf16WithoutBom(bytes);
    if (u16) return { ok: true, text: nfc(decodeText(u16, bytes)), encoding: u16, converted: true };
    return { ok: false, code: 'not_csv', detail: 'nul' };
  }
  let text: string | null;
  try {
    text = decodeText('utf-8', bytes, true);
  } catch {
    text = null;
  }
  if (text !== null) {
    // A sheet typed in a .Vn font and saved as UTF-8 keeps TCVN3 codes as Latin-1 letters ("Hµ Néi").
    const sample = text.slice(0, SAMPLE);
    if (!/[\u0100-\uffff]/.test(sample) && /[\u0080-\u00ff]/.test(sample)) {
      if (
        tcvnShare((i) => sample.charCodeAt(i), sample.length) >= TCVN_THRESHOLD &&
        !/[\u0100-\uffff]/.test(text)
      ) {
        return { ok: true, text: decodeTcvn3(text), encoding: 'tcvn3-in-utf-8', converted: true };
      }
    }
    // Not normalised as a whole (40 MB would cost time): names are matched on keys that ignore composition, and the
    // pipeline composes the texts it keeps (headers, notes, labels).
    return { ok: true, text, encoding: bytes[0] === 0xef ? 'utf-8-bom' : 'utf-8', converted: false };
  }
  if (tcvnShare((i) => bytes[i], Math.min(bytes.length, SAMPLE)) >= TCVN_THRESHOLD) {
    return { ok: true, text: decodeTcvn3(bytes), encoding: 'tcvn3', converted: true };
  }
  // Windows-1258 writes tone marks as separate combining characters: NFC joins them into the usual letters.
  return {
    ok: true,
    text: decodeText('windows-1258', bytes).normalize('NFC'),
    encoding: 'windows-1258',
    converted: true
  };
}
