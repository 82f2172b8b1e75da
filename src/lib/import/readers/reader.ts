/** What a layout reader is, and the header checks the layouts share. */
import type { Columns } from '../columns';
import type { IssueSink } from '../issues';
import type { ImportRun } from '../run';

/** Reads one data row (its cells and spreadsheet row number) into the run. */
export type RowFn = (cells: string[], row: number) => void;

/** One layout of a report: which headers it claims, what it needs of them, and how it reads a row. */
export interface LayoutReader {
  layout: 'long' | 'wide';
  /** Whether a header is of this layout (readers are asked in order; the first that claims it reads the file). */
  claims(columns: Columns): boolean;
  /** Reports what the header lacks or has too much for this layout; false when rows cannot be read. */
  checkHeader(columns: Columns, headerRow: number, sink: IssueSink, periodGiven: boolean): boolean;
  /** The function that reads each data row of the file. */
  rowReader(run: ImportRun): RowFn;
}

/** Headers of each layout, shown in missing_column messages. */
export const EXAMPLES = {
  long: 'period,area_code,metric,category,value',
  wide: 'Kỳ báo cáo,Xã/Phường,Tổng số tin,Tin về an ninh chính trị'
};

/** Whether the header has an area column (a code or a name). */
export function hasArea(columns: Columns): boolean {
  return columns.code >= 0 || columns.name >= 0;
}

/** Whether every row has a period: a period column, start/end columns, or one period given for the file. */
export function hasPeriod(columns: Columns, periodGiven: boolean): boolean {
  return columns.period >= 0 || columns.start >= 0 || columns.end >= 0 || periodGiven;
}

/** Reports a column the layout needs, naming it in both languages with an example header. */
export function reportMissing(
  sink: IssueSink,
  headerRow: number,
  what_vi: string,
  what_en: string,
  example: string
): void {
  sink.add('missing_column', headerRow, '', { what_vi, what_en, example });
}
