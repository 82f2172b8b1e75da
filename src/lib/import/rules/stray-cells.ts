/** unknown_column (cells under an empty header), extra_cells (cells beyond the header): never dropped silently. */
import type { Columns } from '../columns';
import type { IssueSink } from '../issues';

/** A column as a spreadsheet names it (A, B, …, Z, AA…), for columns without a header. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Reports cells outside the named columns, once per unnamed column and once per row with extra cells. */
export class StrayCellCheck {
  private reported = new Set<number>();

  constructor(private columns: Columns) {}

  /** Whether rows need checking at all (most files have neither unnamed columns nor long rows). */
  applies(cells: string[]): boolean {
    return cells.length > this.columns.headers.length || this.columns.unnamed.length > 0;
  }

  /** Reports the row's cells under empty headers and beyond the header. */
  check(sink: IssueSink, cells: string[], row: number): void {
    const columns = this.columns;
    for (const col of columns.unnamed) {
      if (this.reported.has(col) || (cells[col] ?? '').trim() === '') continue;
      // Once per column: the header row is where the fix goes (give the column a header or delete it).
      this.reported.add(col);
      const name = columnLetter(col);
      sink.add('unknown_column', row, name, { column: name });
    }
    if (cells.length <= columns.headers.length) return;
    for (let i = columns.headers.length; i < cells.length; i++) {
      if (cells[i].trim() !== '') {
        sink.add('extra_cells', row, columnLetter(i));
        return;
      }
    }
  }
}
