/**
 * The rows of one sheet (a CSV, or a workbook's sheet) as the orchestrator hands them over: held until the header is
 * found among the first ones, then read by the layout's reader. Title rows above the header are skipped (a period
 * written in them is every row's when no column gives one); in a wide sheet, the rows of a printed report that are
 * not data — column numbers, totals, footnotes, the signature block — are skipped too, and every skip is listed.
 */
import { classifyHeader, type ColumnRole } from './headers';
import { isEmptyRow, mapColumns, pickHeaderRow, type Columns, type PendingRow } from './columns';
import type { IssueSink } from './issues';
import {
  findTitlePeriod,
  isFootnoteRow,
  isSerialRow,
  isSignatureRow,
  isTotalLabel,
  rowWords,
  twoLevelHeader
} from './printed';
import { chooseReader, type RowFn } from './readers';
import { TotalRowCheck } from './rules/totals';
import { columnLetter } from './rules/stray-cells';
import { ImportRun } from './run';
import type { ObservationTable } from './table';
import type { ImportOptions, ImportResult, SkipReason, Skipped } from './types';

/** Rows searched for the header (titles and notes above it in office files). */
const HEADER_SCAN = 30;
/** Entries kept in the list of skipped rows (all are counted). */
const MAX_SKIPPED = 500;

/** Consecutive skipped rows of one reason, merged into one entry. */
export class SkipList {
  readonly skipped: Skipped = { rows: [], columns: [], row_count: 0 };

  /** Notes a skipped row. */
  row(row: number, reason: SkipReason, cells: string[]): void {
    const list = this.skipped.rows;
    this.skipped.row_count++;
    const last = list[list.length - 1];
    if (last && last.reason === reason && last.to === row - 1) last.to = row;
    else if (list.length < MAX_SKIPPED) list.push({ from: row, to: row, reason, text: rowWords(cells) });
  }

  /** Notes a skipped column. */
  column(column: string, header: string, reason: SkipReason): void {
    this.skipped.columns.push({ column, header, reason });
  }
}

/** The rows of a sheet, from the first to the last, into the run its header makes. */
export class SheetRows {
  private pending: PendingRow[] = [];
  private headerSeen = false;
  private read: RowFn | null = null;
  private run: ImportRun | null = null;
  private badQuoteRows = new Set<number>();
  private skips: SkipList;
  /** Wide layout: rows of a printed report are classified before they are read. */
  private printed = false;
  private dataSeen = false;
  private footer: SkipReason | null = null;
  private unnamedFilled = new Set<number>();
  private columns: Columns | null = null;
  /** Columns with a header: a row numbering the columns numbers at least these. */
  private namedColumns = 0;

  constructor(
    private options: ImportOptions,
    private sink: IssueSink,
    private result: ImportResult,
    private table: ObservationTable,
    /** Workbooks name columns by letter (D), as Excel does; CSVs by their header text. */
    private letters = false
  ) {
    this.skips = new SkipList();
    result.skipped = this.skips.skipped;
  }

  /** Notes a row whose quotes are broken (reported when the row comes, or at the end). */
  badQuote(row: number): void {
    this.badQuoteRows.add(row);
  }

  /** Takes one parsed row; `cells` is reused by the parser, so a row kept for later is copied. */
  row(cells: string[], row: number): void {
    if (this.badQuoteRows.size > 0 && this.badQuoteRows.has(row)) {
      // The cells of a row with a broken quote are unreliable: report the row, do not guess its figures.
      this.badQuoteRows.delete(row);
      this.sink.add('bad_quotes', row, '');
      if (this.read) this.result.rows++;
      return;
    }
    if (cells.length === 1 ? cells[0].trim() === '' : isEmptyRow(cells)) {
      this.skips.row(row, 'blank', cells);
      return;
    }
    if (this.read) this.readRow(cells, row);
    else {
      this.pending.push({ cells: cells.slice(), row });
      if (this.pending.length >= HEADER_SCAN) this.decideHeader();
    }
  }

  /** After the last row: the run, or null when the file had no rows at all. */
  end(): ImportRun | null {
    if (!this.headerSeen) this.decideHeader();
    for (const row of this.badQuoteRows) this.sink.add('bad_quotes', row, '');
    const columns = this.columns;
    if (columns && this.read)
      for (const col of columns.unnamed)
        if (!this.unnamedFilled.has(col)) this.skips.column(columnLetter(col), '', 'blank');
    // Blank rows are noted as they come, titles once the header is found: list them in the sheet's order.
    this.skips.skipped.rows.sort((a, b) => a.from - b.from);
    return this.read ? this.run : null;
  }

  private decideHeader(): void {
    this.headerSeen = true;
    const pending = this.pending;
    this.pending = [];
    if (pending.length === 0) return;
    const pick = pickHeaderRow(pending);
    const header = pending[pick];
    for (const above of pending.slice(0, pick)) this.skips.row(above.row, 'title', above.cells);
    const two = pick + 1 < pending.length ? twoLevelHeader(header.cells, pending[pick + 1].cells) : null;
    const texts = two ? two.map((column) => column.text) : header.cells;
    const roles: (ColumnRole | null)[] = two
      ? two.map((column) => column.role)
      : texts.map((text) => classifyHeader(text));
    const names = this.letters ? texts.map((_, col) => columnLetter(col)) : undefined;
    const columns = mapColumns(texts, header.row, this.sink, { roles, names });
    this.columns = columns;
    this.namedColumns = texts.filter((text) => text.trim() !== '').length;
    const title = findTitlePeriod(pending.slice(0, pick));
    const periodColumn = columns.period >= 0 || columns.start >= 0 || columns.end >= 0;
    const useTitle = title !== null && !periodColumn && !this.options.period;
    const run = new ImportRun(columns, this.sink, this.result, this.table, this.options);
    if (useTitle) {
      run.defaultPeriod = { label: title.label, start: title.start, end: title.end };
      this.result.title_period = {
        row: title.row,
        text: title.text,
        period: title.label,
        period_start: title.start,
        period_end: title.end
      };
    }
    const chosen = chooseReader(columns, header.row, this.sink, !!this.options.period || useTitle);
    this.result.layout = chosen.layout;
    this.run = run;
    if (chosen.layout === 'wide') {
      this.printed = true;
      run.totals = new TotalRowCheck(texts.length);
      roles.forEach((role, col) => {
        if (role?.kind === 'ignore') this.skips.column(columns.headers[col], texts[col], 'serial');
      });
    }
    // A header no reader can read still counts the file's rows, so the summary says how many were not imported.
    this.read = chosen.read ? chosen.read(run) : () => run.countRow();
    for (const rest of pending.slice(pick + (two ? 2 : 1))) this.readRow(rest.cells, rest.row);
  }

  private readRow(cells: string[], row: number): void {
    const columns = this.columns!;
    if (this.printed) {
      for (const col of columns.unnamed) if ((cells[col] ?? '').trim() !== '') this.unnamedFilled.add(col);
      const skip = this.classify(cells, row, columns);
      if (skip === 'reported') return;
      if (skip) return this.skips.row(row, skip, cells);
    }
    this.read!(cells, row);
  }

  /** Why a row of a printed wide sheet is not data, 'reported' when it was reported as an error, or null (data). */
  private classify(cells: string[], row: number, columns: Columns): SkipReason | 'reported' | null {
    if (!this.dataSeen && isSerialRow(cells, this.namedColumns)) return 'serial';
    const area = [columns.name, columns.code, columns.parent].map((col) =>
      col >= 0 ? (cells[col] ?? '') : ''
    );
    const lead = cells.slice(0, 3).find((cell) => cell.trim() !== '') ?? '';
    if ([...area, lead].some(isTotalLabel)) {
      this.run!.checkTotal(cells, row);
      return 'total';
    }
    // A signature block may reach into the figure columns ("Thủ trưởng đơn vị" under column H): words, no digits.
    const anyNumber = columns.figures.some((figure) => /\d/.test(cells[figure.col] ?? ''));
    const anyFigure = anyNumber || columns.figures.some((figure) => (cells[figure.col] ?? '').trim() !== '');
    if (!anyNumber) {
      if (isSignatureRow(cells)) return (this.footer = 'signature');
      if (isFootnoteRow(cells)) return (this.footer ??= 'footnote');
      if (this.footer) return this.footer;
      if (!anyFigure && area.every((cell) => cell.trim() === '')) {
        this.run!.countRow();
        this.sink.add('unread_row', row, '', { text: rowWords(cells) });
        return 'reported';
      }
    }
    this.dataSeen = true;
    return null;
  }
}
