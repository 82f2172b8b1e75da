/** What the import takes and gives: its options, the stored periods it checks against, and its result. */
import type { AreaResolver } from './areas';
import type { EncodingName } from './decode';
import type { Issue, IssueCode } from './messages';
import type { ImportedObservation, ObservationTable } from './table';

/** A period already stored for an area and metric (to warn about overlapping uploads). */
export interface ExistingRange {
  area_code: string;
  metric: string;
  period_start: string;
  period_end: string;
  report: string;
}

/** How to import a file: the reference units, and what the caller knows or wants of it. */
export interface ImportOptions {
  /** Reference units (build once with createAreaResolver and reuse). */
  areas: AreaResolver;
  /** File name, echoed in the result. */
  fileName?: string;
  /** Periods already stored, for period_overlap warnings. */
  existing?: ExistingRange[];
  /** Period of every row when the file has no period column (a wide sheet for one year). */
  period?: string;
  /** Issues of one code kept in full; all are counted. Default 1000. */
  maxIssuesPerCode?: number;
  /** Called after each chunk; `bytes` is estimated from the characters parsed. */
  onProgress?: (progress: { bytes: number; rows: number }) => void;
  /** Cancels the import: the promise rejects with the signal's reason (an AbortError). */
  signal?: AbortSignal;
  /** Characters parsed between progress reports (default 1 MiB). */
  chunkSize?: number;
  /** Workbooks: the sheet to read (by name); default the first sheet with a table. */
  sheet?: string;
}

/** Why rows or columns of a sheet were not read as data. */
export type SkipReason = 'title' | 'blank' | 'serial' | 'total' | 'footnote' | 'signature';

/** Consecutive rows skipped for one reason; `text` is the first words of the first of them. */
export interface SkippedRows {
  from: number;
  to: number;
  reason: SkipReason;
  text: string;
}

/** A column skipped: `column` as issues name it, `header` its header text. */
export interface SkippedColumn {
  column: string;
  header: string;
  reason: SkipReason;
}

/** What a file skipped, so the analyst can check nothing was lost; `rows` holds at most MAX_SKIPPED entries. */
export interface Skipped {
  rows: SkippedRows[];
  columns: SkippedColumn[];
  /** Every skipped row, listed or not. */
  row_count: number;
}

/** The period read from a title row, when no column gives one. */
export interface TitlePeriod {
  row: number;
  text: string;
  period: string;
  period_start: string;
  period_end: string;
}

/** A sheet of a workbook, and whether a table was found on it. */
export interface SheetInfo {
  name: string;
  table: boolean;
}

/** The layout the header shows ('unknown' when it shows none). */
export type Layout = 'long' | 'wide' | 'unknown';

/** The figures of a file and every issue found in it. */
export interface ImportResult {
  file: string;
  encoding: EncodingName | 'text' | 'xlsx';
  delimiter: string;
  layout: Layout;
  /** Data rows read (blank lines and rows above the header not counted). */
  rows: number;
  /** The figures as objects, made on first access from `table` (a million objects cost time and memory). */
  readonly observations: ImportedObservation[];
  /** The figures by column: what a fast consumer (DuckDB insert, canonical export) should read. Not serialised. */
  readonly table: ObservationTable;
  errors: Issue[];
  warnings: Issue[];
  /** Every issue counted by code, including those beyond maxIssuesPerCode. */
  counts: Partial<Record<IssueCode, number>>;
  error_count: number;
  warning_count: number;
  /** Distinct source_url values of the file (first 100), for the report's metadata. */
  sources: string[];
  /** Rows and columns not read as data, and why. */
  skipped: Skipped;
  /** The period of every row when a title row gave it (no column did); null otherwise. */
  title_period: TitlePeriod | null;
  /** Workbooks: every sheet, and the one read (both empty for a CSV). */
  sheets: SheetInfo[];
  sheet: string;
}
