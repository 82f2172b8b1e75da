/**
 * The whole import, run identically in a Web Worker and in Node (CLI, tests):
 * decode → sniff → parse → find and map the header → a layout reader validates each row into observations, with
 * every problem reported by row and column.
 */
import { mapColumns, isEmptyRow, pickHeaderRow, type PendingRow } from './columns';
import { CsvReader, sniffDelimiter } from './csv';
import { decodeBytes } from './decode';
import { IssueSink } from './issues';
import { chooseReader, type RowFn } from './readers';
import { ImportRun } from './run';
import { ObservationTable, type ImportedObservation } from './table';
import type { ImportOptions, ImportResult } from './types';

export type { ExistingRange, ImportOptions, ImportResult, Layout } from './types';
export type { ImportedObservation };

/** Rows searched for the header (titles and notes above it in office files). */
const HEADER_SCAN = 30;
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

  const rows = new DataRows(options, sink, result, table);
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
  const run = rows.end();
  if (!run) {
    sink.add('empty_file', 0, '');
    return finish();
  }
  run.finish();
  if (result.rows === 0 && sink.errorCount === 0) sink.add('empty_file', 0, '');
  return finish();
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
    sources: [] as string[]
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

/** The parsed rows of a file: held until the header is found among the first ones, then read by its layout. */
class DataRows {
  private pending: PendingRow[] = [];
  private headerSeen = false;
  private read: RowFn | null = null;
  private run: ImportRun | null = null;
  private badQuoteRows = new Set<number>();

  constructor(
    private options: ImportOptions,
    private sink: IssueSink,
    private result: ImportResult,
    private table: ObservationTable
  ) {}

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
    if (cells.length === 1 ? cells[0].trim() === '' : isEmptyRow(cells)) return;
    if (this.read) this.read(cells, row);
    else {
      this.pending.push({ cells: cells.slice(), row });
      if (this.pending.length >= HEADER_SCAN) this.decideHeader();
    }
  }

  /** After the last row: the run, or null when the file had no rows at all. */
  end(): ImportRun | null {
    if (!this.headerSeen) this.decideHeader();
    for (const row of this.badQuoteRows) this.sink.add('bad_quotes', row, '');
    return this.read ? this.run : null;
  }

  private decideHeader(): void {
    this.headerSeen = true;
    const pending = this.pending;
    this.pending = [];
    if (pending.length === 0) return;
    const pick = pickHeaderRow(pending);
    const header = pending[pick];
    const columns = mapColumns(header.cells, header.row, this.sink);
    const run = new ImportRun(columns, this.sink, this.result, this.table, this.options);
    const chosen = chooseReader(columns, header.row, this.sink, !!this.options.period);
    this.result.layout = chosen.layout;
    this.run = run;
    // A header no reader can read still counts the file's rows, so the summary says how many were not imported.
    this.read = chosen.read ? chosen.read(run) : () => run.countRow();
    for (const rest of pending.slice(pick + 1)) this.read(rest.cells, rest.row);
  }
}
