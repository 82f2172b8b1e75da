/**
 * Sheets laid out for printing and signing, as district and commune police keep them: the letterhead and title
 * above the table (with the reporting period in it), a header over two rows, a row numbering the columns, total
 * rows, footnotes and a signature block below. Pure functions over cell texts, shared by CSVs and workbooks.
 */
import { classifyHeader, resolveCategoryCell, type ColumnRole } from './headers';
import { resolvePeriod, normalisePeriodLabel } from './periods';
import { looseKey } from './text';

/** A period read from a title row. */
export interface FoundPeriod {
  row: number;
  text: string;
  label: string;
  start: string;
  end: string;
}

const DATE = String.raw`(\d{1,2}[/.-]\d{1,2}[/.-]\d{4})`;
const SPAN = new RegExp(String.raw`từ\s*(?:ngày\s*)?${DATE}\s*(?:đến|tới|-|–)\s*(?:ngày\s*)?${DATE}`, 'i');
/** Period phrases inside a longer title, most specific first. */
const PHRASES = [
  /6\s*tháng\s*(?:đầu|cuối)\s*năm\s*\d{4}/i,
  /quý\s*(?:[ivx]+|\d)\s*(?:\/|năm|-)?\s*\d{4}/i,
  /tháng\s*\d{1,2}\s*(?:\/|năm|-)\s*\d{4}/i,
  /(?:giai đoạn|năm)\s*\d{4}\s*[-–]\s*\d{4}/i,
  /năm\s*\d{4}/i
];
/** "Hà Nội, ngày 05 tháng 7 năm 2024": the date a report was signed, not its period. */
const SIGNED_ON = /ngày\s*[\d.…_]*\s*tháng\s*[\d.…_]*\s*năm/i;

/** A reporting period written in one title cell, or null. */
export function periodInTitle(text: string): { label: string; start: string; end: string } | null {
  const t = text.normalize('NFC');
  const span = SPAN.exec(t);
  if (span) {
    const r = resolvePeriod('', span[1], span[2]);
    return r.ok ? r.period : null;
  }
  if (SIGNED_ON.test(t)) return null;
  const labelled = /kỳ báo cáo\s*:?\s*(.+)$/i.exec(t);
  if (labelled) {
    const r = resolvePeriod(normalisePeriodLabel(labelled[1].trim()), '', '');
    if (r.ok) return r.period;
  }
  for (const phrase of PHRASES) {
    const m = phrase.exec(t);
    if (!m) continue;
    const r = resolvePeriod(normalisePeriodLabel(m[0].replace(/\s+/g, ' ')), '', '');
    if (r.ok) return r.period;
  }
  return null;
}

/** The first period written in the rows above the header ("Kỳ báo cáo: …" wins over a title's "năm 2023"). */
export function findTitlePeriod(rows: { cells: string[]; row: number }[]): FoundPeriod | null {
  let first: FoundPeriod | null = null;
  for (const { cells, row } of rows) {
    for (const cell of cells) {
      const text = cell.trim();
      if (text === '') continue;
      const p = periodInTitle(text);
      if (!p) continue;
      const found = { row, text, label: p.label, start: p.start, end: p.end };
      if (/kỳ báo cáo/i.test(text.normalize('NFC'))) return found;
      first ??= found;
    }
  }
  return first;
}

const TOTAL =
  /^(tongcong|cong|tong|tongso|total|grandtotal|toan(thanhpho|tp|quan|huyen|thixa|xa|phuong|diaban|tinh))$/;

/** Whether a cell names a total row ("Tổng cộng", "Cộng", "Toàn thành phố", "Toàn quận"). */
export function isTotalLabel(cell: string): boolean {
  // Most area cells of a large file start with another letter: skip the normalising for them.
  const first = cell.trimStart().charCodeAt(0) | 0x20;
  if (first !== 0x74 && first !== 0x63 && first !== 0x67) return false; // t c g: Tổng, Cộng, Grand
  const key = looseKey(cell);
  return key !== '' && TOTAL.test(key);
}

const SIGNATURE = [
  'nguoilapbieu',
  'nguoilap',
  'lapbieu',
  'thutruong',
  'noinhan',
  'kttruong',
  'truongcongan',
  'giamdoc',
  'chihuytruong',
  'xacnhan',
  'kyten',
  'kyghiro'
];
const FOOTNOTE = ['ghichu', 'chuthich', 'luuy', 'nguon'];

/** Whether a row holds a signature block's words ("Người lập biểu", "Thủ trưởng đơn vị", "Nơi nhận", a date). */
export function isSignatureRow(cells: string[]): boolean {
  for (const cell of cells) {
    const text = cell.trim();
    if (text === '' || text.length > 120) continue;
    if (SIGNATURE.some((w) => looseKey(text).startsWith(w))) return true;
    if (SIGNED_ON.test(text.normalize('NFC'))) return true;
  }
  return false;
}

/** Whether a row is a footnote ("Ghi chú: …", "* Số liệu ước tính", "Nguồn: …"). */
export function isFootnoteRow(cells: string[]): boolean {
  const first = cells.find((cell) => cell.trim() !== '');
  if (!first) return false;
  const text = first.trim();
  // A lone "*" is no footnote: a footnote says something.
  if (text.startsWith('*')) return /\p{L}{2,}/u.test(text);
  return FOOTNOTE.some((w) => looseKey(text).startsWith(w));
}

/**
 * Whether a row numbers the columns under the header: "(1) (2) (3)…", "A B 1 2 3…". It must number at least
 * `columns` cells (the named columns), so a data row of small figures ("1 2 3") is not taken for one.
 */
export function isSerialRow(cells: string[], columns = 3): boolean {
  const marks = cells.map((cell) => cell.trim()).filter((cell) => cell !== '');
  if (marks.length < Math.max(3, columns)) return false;
  const numbers: number[] = [];
  for (const mark of marks) {
    const m = /^\(?(\d{1,2}|[A-Z])\)?$/.exec(mark);
    if (!m) return false;
    if (/\d/.test(m[1])) numbers.push(+m[1]);
  }
  return numbers.every((n, i) => i === 0 || n === numbers[i - 1] + 1);
}

/** The first words of a row, for the list of skipped rows and for messages. */
export function rowWords(cells: string[], max = 80): string {
  const text = cells
    .map((cell) => cell.trim())
    .filter((cell) => cell !== '')
    .join(' · ');
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

/** One column of a header read over two rows: its role and its text ("Số tin báo / ANCT"). */
export interface HeaderColumn {
  role: ColumnRole | null;
  text: string;
}

const isFigure = (role: ColumnRole | null): role is Extract<ColumnRole, { kind: 'figure' }> =>
  role?.kind === 'figure';

/**
 * The header as two rows when the row under it names categories of the metrics above ("Số tin báo" merged over
 * "Tổng số | ANCT | Hình sự | TNXH | Khác"); null when the lower row is not a second header row. An upper cell
 * spans the empty cells to its right (a merged cell, as a CSV keeps it) as long as the lower row names them.
 */
export function twoLevelHeader(upper: string[], lower: string[]): HeaderColumn[] | null {
  const width = Math.max(upper.length, lower.length);
  const lowerCells = Array.from({ length: width }, (_, i) => (lower[i] ?? '').trim());
  if (lowerCells.every((cell) => cell === '')) return null;
  // A second header row holds words, never figures.
  if (lowerCells.some((cell) => /^[\d.,\s]+$/.test(cell) && /\d/.test(cell))) return null;
  const columns: HeaderColumn[] = [];
  let carried = '';
  let categories = 0;
  for (let col = 0; col < width; col++) {
    const own = (upper[col] ?? '').trim();
    const below = lowerCells[col];
    if (own !== '') carried = own;
    else if (below === '') carried = '';
    const above = own !== '' ? own : carried;
    if (above === '' || below === '' || above === below) {
      const text = above || below;
      columns.push({ role: classifyHeader(text), text });
      continue;
    }
    const top = classifyHeader(above);
    const bottom = classifyHeader(below);
    let role: ColumnRole | null = null;
    if (isFigure(top) && top.category === '') {
      const category = resolveCategoryCell(top.metric, below);
      if (category !== null) {
        role = { kind: 'figure', metric: top.metric, category };
        categories++;
      } else if (isFigure(bottom)) role = bottom;
    } else role = bottom ?? classifyHeader(`${above} ${below}`);
    columns.push({ role, text: `${above} / ${below}` });
  }
  return categories > 0 ? columns : null;
}
