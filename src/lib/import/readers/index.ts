/** The layout readers, asked in order which one reads a file; one more layout is one more module in this list. */
import type { Columns } from '../columns';
import type { IssueSink } from '../issues';
import type { ImportRun } from '../run';
import type { Layout } from '../types';
import { longReader } from './long';
import { EXAMPLES, reportMissing, type LayoutReader, type RowFn } from './reader';
import { wideReader } from './wide';

export type { LayoutReader, RowFn };

/** Readers in the order they are asked: long first, since a long file may also carry figure-like headers. */
export const READERS: readonly LayoutReader[] = [longReader, wideReader];

/** The reader that claims the header, or null (after reporting what a header needs). */
export function chooseReader(
  columns: Columns,
  headerRow: number,
  sink: IssueSink,
  periodGiven: boolean
): { layout: Layout; read: ((run: ImportRun) => RowFn) | null } {
  const reader = READERS.find((candidate) => candidate.claims(columns));
  if (!reader) {
    reportMissing(
      sink,
      headerRow,
      'chỉ tiêu và giá trị (metric, value), hoặc các cột số liệu như "Tổng số tin"',
      'metric and value, or figure columns such as "Tổng số tin"',
      `${EXAMPLES.long} | ${EXAMPLES.wide}`
    );
    return { layout: 'unknown', read: null };
  }
  const ok = reader.checkHeader(columns, headerRow, sink, periodGiven);
  return { layout: reader.layout, read: ok ? (run) => reader.rowReader(run) : null };
}
