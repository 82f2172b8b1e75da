/**
 * The whole import, run identically in a Web Worker and in Node (CLI, tests):
 * decode → sniff → parse → find and map the header → a layout reader validates each row into observations, with
 * every problem reported by row and column. A workbook comes in through `importGrid` (import/workbook.ts reads
 * its cells) and goes through the same rows, readers and rules.
 */
import { CsvReader, sniffDelimiter } from './csv';
import { decodeBytes } from './decode';
import { IssueSink } from './issues';
import type { IssueCode, MessageParams } from './messages';
import { SheetRows } from './sheet';
import { ObservationTable, type ImportedObservation } from './table';
import type { ImportOptions, ImportResult, SheetInfo } from './types';

export type { ExistingRange, ImportOptions, ImportResult, Layout } from './types';
export type { ImportedObservation };

/** Longest stretch of parsing between two yields to the event loop. */
const YIELD_MS = 50;

/** Imports a CSV file (bytes, or text already decoded) into observations, reporting every problem by row/column. */
export async function importCsv(
  input: Uint8Array | ArrayBuffer | string,
  options: ImportOptions
): Promise<ImportResult> {
  const signal = options.signal;
  signal?.throwIfAborted();
  const sink = new IssueSink(options.maxIssuesPerCode ?? 1000);
  const table = new ObservationTable();
  const result = emptyResult(options.fileName ?? '', sink, table);
  const finish = () => {
    result.error_count = sink.errorCount;
    result.warning_count = sink.warningCount;
    return result;
  };

  const decoded = decodeInput(input, sink);
  if (!decoded) return finish();
  let text = decoded.text;
  if (decoded.encoding) result.encoding = decoded.encoding;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') {
    sink.add('empty_file', 0, '');
    return finish();
  }

  const delimiter = sniffDelimiter(text);
  result.delimiter = delimiter;

  const rows = new SheetRows(options, sink, result, table);
  const reader = new CsvReader(text, delimiter);
  const budget = options.chunkSize ?? 1 << 20;
  const onRow = (cells: string[], record: number) => rows.row(cells, record + 1);
  const onBadQuote = (record: number) => rows.badQuote(record + 1);
  let lastYield = Date.now();
  while (!reader.done) {
    reader.read(budget, onRow, onBadQuote);
    options.onProgress?.({
      bytes: Math.round((reader.pos / text.length) * decoded.bytes),
      rows: result.rows
    });
    if (Date.now() - lastYield >= YIELD_MS) {
      // Let the worker receive a cancel message (and the page repaint progress) between slices.
      await new Promise((resolve) => setTimeout(resolve, 0));
      lastYield = Date.now();
    }
    signal?.throwIfAborted();
  }
  endRows(rows, sink);
  return finish();
}

/** A sheet read into rows of cell texts, as a workbook front-end gives it; issues it found come with it. */
export interface Grid {
  sheets: SheetInfo[];
  sheet: string;
  /** Every row of the sheet in order, numbered as the spreadsheet numbers them (blank rows included). */
  rows: { cells: string[]; row: number }[];
  /** Problems met reading the cells (a formula without its value), or the workbook (no such sheet). */
  issues: { code: IssueCode; row: number; column: string; params: MessageParams }[];
}

/** Imports a workbook's sheet (its cells already read as texts) through the same rows, readers and rules. */
export async function importGrid(grid: Grid, options: ImportOptions): Promise<ImportResult> {
  options.signal?.throwIfAborted();
  const sink = new IssueSink(options.maxIssuesPerCode ?? 1000);
  const table = new ObservationTable();
  const result = emptyResult(options.fileName ?? '', sink, table);
  result.encoding = 'xlsx';
  result.delimiter = '';
  result.sheets = grid.sheets;
  result.sheet = grid.sheet;
  for (const issue of grid.issues) sink.add(issue.code, issue.row, issue.column, issue.params);
  if (grid.rows.length === 0 && sink.errorCount > 0) {
    result.error_count = sink.errorCount;
    return result;
  }
  const rows = new SheetRows(options, sink, result, table, true);
  let lastYield = Date.now();
  for (const { cells, row } of grid.rows) {
    rows.row(cells, row);
    if (Date.now() - lastYield >= YIELD_MS) {
      options.onProgress?.({ bytes: 0, rows: result.rows });
      await new Promise((resolve) => setTimeout(resolve, 0));
      lastYield = Date.now();
      options.signal?.throwIfAborted();
    }
  }
  endRows(rows, sink);
  result.error_count = sink.errorCount;
  result.warning_count = sink.warningCount;
  return result;
}

/** After the last row: the whole-file checks, or empty_file when no row was read. */
function endRows(rows: SheetRows, sink: IssueSink): void {
  const run = rows.end();
  if (!run) return sink.add('empty_file', 0, '');
  run.finish();
  if (run.rowsRead() === 0 && sink.errorCount === 0) sink.add('empty_file', 0, '');
}

/** The result before any row is read; the table is for code, not for JSON output, so it is not enumerable. */
function emptyResult(file: string, sink: IssueSink, table: ObservationTable): ImportResult {
  let materialised: ImportedObservation[] | null = null;
  const result = {
    file,
    encoding: 'text' as ImportResult['encoding'],
    delimiter: ',',
    layout: 'unknown' as ImportResult['layout'],
    rows: 0,
    get observations(): ImportedObservation[] {
      return (materialised ??= table.toArray());
    },
    errors: sink.errors,
    warnings: sink.warnings,
    counts: sink.counts,
    error_count: 0,
    warning_count: 0,
    sources: [] as string[],
    skipped: { rows: [], columns: [], row_count: 0 } as ImportResult['skipped'],
    title_period: null as ImportResult['title_period'],
    sheets: [] as SheetInfo[],
    sheet: ''
  };
  return Object.defineProperty(result, 'table', { value: table, enumerable: false }) as typeof result & {
    readonly table: ObservationTable;
  };
}

/** The input as text, its size in bytes (for progress), and the encoding it was decoded from; null when unreadable. */
function decodeInput(
  input: Uint8Array | ArrayBuffer | string,
  sink: IssueSink
): { text: string; bytes: number; encoding: ImportResult['encoding'] | null } | null {
  if (typeof input === 'string') return { text: input, bytes: input.length, encoding: null };
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    sink.add(decoded.code, 0, '', { detail: decoded.detail });
    return null;
  }
  if (decoded.converted) sink.add('encoding_converted', 0, '', { encoding: decoded.encoding });
  return { text: decoded.text, bytes: bytes.length, encoding: decoded.encoding };
}
