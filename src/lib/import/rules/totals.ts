/** sum_mismatch on a total row ("Tổng cộng", "Toàn quận"): each of its figures against the rows above, by column. */
import type { Qualifier } from '../../model/types';
import type { IssueSink } from '../issues';
import { parseNumber } from '../numbers';
import { isEmptyFigure } from './values';

const TOLERANCE = 1e-9;

/** The sums of each column over some rows, and whether an inexact figure ("hơn 100") makes them unfit to check. */
class ColumnSums {
  readonly sums: Float64Array;
  readonly inexact: Uint8Array;
  firstRow = 0;
  lastRow = 0;

  constructor(width: number) {
    this.sums = new Float64Array(width);
    this.inexact = new Uint8Array(width);
  }

  add(col: number, value: number, qualifier: Qualifier, row: number): void {
    this.sums[col] += value;
    if (qualifier !== 'exact') this.inexact[col] = 1;
    if (this.firstRow === 0) this.firstRow = row;
    this.lastRow = row;
  }
}

/** Sums each figure column over the data rows since the last total row, and over the whole sheet. */
export class TotalRowCheck {
  private section: ColumnSums;
  /** A grand total right after a subtotal (no data row between) is checked against every row of the sheet. */
  private sheet: ColumnSums;

  constructor(private width: number) {
    this.section = new ColumnSums(width);
    this.sheet = new ColumnSums(width);
  }

  /** Records a figure that was imported. */
  add(col: number, value: number, qualifier: Qualifier, row: number): void {
    if (col >= this.width) return;
    this.section.add(col, value, qualifier, row);
    this.sheet.add(col, value, qualifier, row);
  }

  /** Checks a total row's figure cells, reports each that differs on its row and column, and starts a new section. */
  check(sink: IssueSink, cells: string[], row: number, figureColumns: number[], headers: string[]): void {
    const rows = this.section.firstRow !== 0 ? this.section : this.sheet;
    if (rows.firstRow !== 0) {
      for (const col of figureColumns) {
        const cell = cells[col] ?? '';
        if (col >= this.width || isEmptyFigure(cell) || rows.inexact[col]) continue;
        const total = parseNumber(cell);
        if (!total.ok || total.qualifier !== 'exact') continue;
        const sum = rows.sums[col];
        if (Math.abs(sum - total.value) > TOLERANCE) {
          sink.add('sum_mismatch', row, headers[col] ?? '', {
            rows: 1,
            total: total.value,
            sum,
            from: rows.firstRow,
            to: rows.lastRow
          });
        }
      }
    }
    this.section = new ColumnSums(this.width);
  }
}
