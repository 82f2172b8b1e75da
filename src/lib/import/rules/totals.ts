/** sum_mismatch on a total row ("Tổng cộng", "Toàn quận"): each of its figures against the rows above, by column. */
import type { Qualifier } from '../../model/types';
import type { IssueSink } from '../issues';
import { parseNumber } from '../numbers';
import { isEmptyFigure } from './values';

const TOLERANCE = 1e-9;

/** Sums each figure column over the data rows since the last total row. */
export class TotalRowCheck {
  private sums = new Map<number, number>();
  private inexact = new Set<number>();
  /** Sums of every data row of the file: a grand total right after a subtotal is checked against these. */
  private allSums = new Map<number, number>();
  private allInexact = new Set<number>();
  private firstRow = 0;
  private lastRow = 0;
  private fileFirstRow = 0;

  /** Records a figure that was imported. */
  add(col: number, value: number, qualifier: Qualifier, row: number): void {
    this.sums.set(col, (this.sums.get(col) ?? 0) + value);
    this.allSums.set(col, (this.allSums.get(col) ?? 0) + value);
    if (qualifier !== 'exact') {
      this.inexact.add(col);
      this.allInexact.add(col);
    }
    if (this.firstRow === 0) this.firstRow = row;
    if (this.fileFirstRow === 0) this.fileFirstRow = row;
    this.lastRow = row;
  }

  /** Checks a total row's figure cells, reports each that differs on its row and column, and starts a new section. */
  check(sink: IssueSink, cells: string[], row: number, figureColumns: number[], headers: string[]): void {
    const section = this.firstRow !== 0;
    const sums = section ? this.sums : this.allSums;
    const inexact = section ? this.inexact : this.allInexact;
    const from = section ? this.firstRow : this.fileFirstRow;
    if (from !== 0) {
      for (const col of figureColumns) {
        const cell = cells[col] ?? '';
        if (isEmptyFigure(cell) || inexact.has(col)) continue;
        const total = parseNumber(cell);
        if (!total.ok || total.qualifier !== 'exact') continue;
        const sum = sums.get(col) ?? 0;
        if (Math.abs(sum - total.value) > TOLERANCE) {
          sink.add('sum_mismatch', row, headers[col] ?? '', {
            rows: 1,
            total: total.value,
            sum,
            from,
            to: section ? this.lastRow : row - 1
          });
        }
      }
    }
    this.sums = new Map();
    this.inexact = new Set();
    this.firstRow = 0;
  }
}
