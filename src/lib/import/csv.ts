/**
 * The CSV layer: delimiter sniffing and an RFC 4180 record scanner.
 * The scanner replaces papaparse in the hot path: on a 1M-row file papaparse's parser took 4–6× longer than this
 * single pass over char codes, and the whole import has to stay near DuckDB's read_csv time. Its output is checked
 * against papaparse (property test) and the csv-spectrum cases.
 */

export type Delimiter = ',' | ';' | '\t';
const CANDIDATES: Delimiter[] = [',', ';', '\t'];

/** Counts a character per line outside quotes, for the first `maxLines` lines. */
function countsPerLine(sample: string, ch: string, maxLines: number): number[] {
  const counts: number[] = [];
  let n = 0;
  let inQuotes = false;
  for (let i = 0; i < sample.length && counts.length < maxLines; i++) {
    const c = sample[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) {
      if (c === '\r' && sample[i + 1] === '\n') i++;
      counts.push(n);
      n = 0;
    } else if (!inQuotes && c === ch) n++;
  }
  if (n > 0 || counts.length === 0) counts.push(n);
  return counts;
}

/**
 * Picks the delimiter (',', ';' or tab) that splits the first lines most consistently: the most frequent non-zero
 * count per line, weighted by how many lines share it. Title rows above the header (common in Excel exports) have
 * few delimiters and lose the vote. Excel in Vietnamese locales writes ';', "Unicode text" writes tabs.
 */
export function sniffDelimiter(text: string): Delimiter {
  const sample = text.slice(0, 64 * 1024);
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const d of CANDIDATES) {
    const counts = countsPerLine(sample, d, 30);
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    let score = 0;
    for (const [c, f] of freq) score = Math.max(score, f * 1000 + Math.min(c, 999));
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;

/**
 * Reads records from a whole CSV text, a budget of characters at a time, so the caller can report progress and
 * yield between calls. RFC 4180: fields may be quoted, "" is a quote inside a quoted field, quoted fields may hold
 * delimiters and line breaks. Records end at LF, CRLF or CR. Lenient like papaparse: a quote inside an unquoted
 * field is text; text after a closing quote is kept and reported through `onBadQuote`, as is an unclosed quote.
 */
export class CsvReader {
  /** Characters consumed so far. */
  pos = 0;
  /** Records read so far (0-based index of the next record). */
  record = 0;
  private readonly d: number;
  private readonly cells: string[] = [];

  constructor(
    private readonly text: string,
    delimiter: string
  ) {
    this.d = delimiter.charCodeAt(0);
  }

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  /**
   * Reads whole records until at least `budget` characters are consumed or the text ends. `onRow` gets a cells
   * array that is reused for the next record (copy it to keep it) and the record's 0-based index.
   */
  read(
    budget: number,
    onRow: (cells: string[], record: number) => void,
    onBadQuote?: (record: number) => void
  ): void {
    const text = this.text;
    const n = text.length;
    const D = this.d;
    const cells = this.cells;
    let i = this.pos;
    const stop = Math.min(n, i + budget);
    while (i < stop) {
      let nc = 0;
      for (;;) {
        let c = i < n ? text.charCodeAt(i) : -1;
        if (c === QUOTE) {
          let value = '';
          let from = i + 1;
          let bad = false;
          for (;;) {
            const q = text.indexOf('"', from);
            if (q === -1) {
              value += text.substring(from);
              i = n;
              bad = true;
              break;
            }
            if (q + 1 < n && text.charCodeAt(q + 1) === QUOTE) {
              value += text.substring(from, q + 1);
              from = q + 2;
              continue;
            }
            value += text.substring(from, q);
            i = q + 1;
            break;
          }
          let k = i;
          while (k < n && text.charCodeAt(k) === SPACE) k++;
          c = k < n ? text.charCodeAt(k) : -1;
          if (c === D || c === LF || c === CR || c === -1) i = k;
          else {
            bad = true;
            let e = k;
            while (e < n) {
              const x = text.charCodeAt(e);
              if (x === D || x === LF || x === CR) break;
              e++;
            }
            value += text.substring(i, e);
            i = e;
            c = e < n ? text.charCodeAt(e) : -1;
          }
          if (bad) onBadQuote?.(this.record);
          cells[nc++] = value;
        } else {
          let e = i;
          c = -1;
          while (e < n) {
            const x = text.charCodeAt(e);
            if (x === D || x === LF || x === CR) {
              c = x;
              break;
            }
            e++;
          }
          cells[nc++] = text.substring(i, e);
          i = e;
        }
        if (c === D) {
          i++;
          continue;
        }
        if (c === CR) {
          i++;
          if (i < n && text.charCodeAt(i) === LF) i++;
        } else if (c === LF) i++;
        break;
      }
      // The array is reused: shrink it only when this record is shorter than the last.
      if (cells.length !== nc) cells.length = nc;
      onRow(cells, this.record++);
    }
    this.pos = i;
  }
}

/** Parses a whole CSV text to records (delimiter sniffed unless given). For small texts and tests. */
export function parseCsv(text: string, delimiter: string = sniffDelimiter(text)): string[][] {
  const out: string[][] = [];
  const r = new CsvReader(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, delimiter);
  while (!r.done) r.read(1 << 20, (cells) => out.push(cells.slice()));
  return out;
}
