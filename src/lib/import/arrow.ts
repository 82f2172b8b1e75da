/**
 * Observations ↔ an Arrow IPC stream shaped as DuckDB's `observations` table: what an upload hands DuckDB (appended
 * as it is, no SQL pass) and keeps in IndexedDB. Text columns are dictionary-encoded over the table's own lookup lists, so a million rows are built from
 * the typed arrays without a string per row (tens of milliseconds) and DuckDB imports them without parsing text —
 * where writing and re-reading canonical CSV cost more than the validation itself (README, Performance).
 */
import {
  DateDay,
  Dictionary,
  Int32,
  makeData,
  makeVector,
  Table,
  tableFromIPC,
  tableToIPC,
  Utf8,
  vectorFromArray,
  type Vector
} from 'apache-arrow';
import { QUALIFIERS } from '../model/types';
import { toCanonicalCsv, type CanonicalRow } from './canonical';
import { METRIC_CATEGORIES, type ObservationTable } from './table';

/** Column `indices` (one per row) into `values`, as an Arrow dictionary vector with its own id. */
function dictionary(id: number, values: string[], indices: Int32Array): Vector {
  const type = new Dictionary(new Utf8(), new Int32(), id, false);
  return makeVector(
    makeData({
      type,
      length: indices.length,
      nullCount: 0,
      data: indices,
      dictionary: vectorFromArray(values, new Utf8())
    })
  );
}

const int32 = (a: ArrayLike<number>, n: number): Int32Array => {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = a[i];
  return out;
};

/** The Blob type of observations kept as Arrow (IndexedDB: src/lib/db/uploads.ts). */
export const ARROW_TYPE = 'application/vnd.apache.arrow.stream';

const DAY_MS = 86_400_000;
const days = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

/**
 * The table's observations as an Arrow IPC stream in the columns of DuckDB's `observations` table, in its order
 * (src/lib/db/schema.ts), so DuckDB appends it as it is: report_id, period, period_start, period_end (dates),
 * area_code, area_level, area_structure, metric, category, value, qualifier, note ('' when none).
 */
export function observationsToArrow(t: ObservationTable, reportId: string): Uint8Array {
  const n = t.length;
  // A copy per column: Arrow's IPC writer miscounts the body when two columns share one index buffer.
  const index = (a: ArrayLike<number>) => int32(a, n);
  const startDays = t.periods.map((p) => days(p.start));
  const endDays = t.periods.map((p) => days(p.end));
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    start[i] = startDays[t.period[i]];
    end[i] = endDays[t.period[i]];
  }
  // Notes are rare: a dictionary of the distinct ones, '' first.
  const notes = [''];
  const noteIndex = new Map<string, number>([['', 0]]);
  const note = new Int32Array(n);
  for (const [i, text] of t.notes) {
    if (i >= n) continue;
    let k = noteIndex.get(text);
    if (k === undefined) noteIndex.set(text, (k = notes.push(text) - 1));
    note[i] = k;
  }
  const date = (data: Int32Array) =>
    makeVector(makeData({ type: new DateDay(), length: n, nullCount: 0, data }));
  const table = new Table({
    report_id: dictionary(0, [reportId], new Int32Array(n)),
    period: dictionary(
      1,
      t.periods.map((p) => p.label),
      index(t.period)
    ),
    period_start: date(start),
    period_end: date(end),
    area_code: dictionary(
      2,
      t.areas.map((a) => a.code),
      index(t.area)
    ),
    area_level: dictionary(
      3,
      t.areas.map((a) => a.level),
      index(t.area)
    ),
    area_structure: dictionary(
      4,
      t.areas.map((a) => a.structure),
      index(t.area)
    ),
    metric: dictionary(
      5,
      METRIC_CATEGORIES.map((x) => x.metric),
      index(t.mc)
    ),
    category: dictionary(
      6,
      METRIC_CATEGORIES.map((x) => x.category),
      index(t.mc)
    ),
    value: makeVector(t.value.slice(0, n)),
    qualifier: dictionary(7, [...QUALIFIERS], index(t.qualifier)),
    note: dictionary(8, notes, note)
  });
  return tableToIPC(table, 'stream');
}

/** A date column's value (a Date or milliseconds, by Arrow version) as YYYY-MM-DD. */
const isoDate = (v: unknown): string =>
  new Date(v instanceof Date ? v.getTime() : Number(v)).toISOString().slice(0, 10);

/** An upload kept as Arrow (`observationsToArrow`) back as the canonical long CSV of data/reports/. */
export function arrowToCanonicalCsv(ipc: Uint8Array): string {
  const table = tableFromIPC(ipc);
  const col = (name: string) => {
    const v = table.getChild(name);
    if (!v) throw new Error(`Arrow upload without column ${name}`);
    return v;
  };
  const cols = [
    'period',
    'period_start',
    'period_end',
    'area_code',
    'metric',
    'category',
    'value',
    'qualifier',
    'note'
  ].map(col);
  const [period, start, end, area, metric, category, value, qualifier, note] = cols;
  return toCanonicalCsv({
    length: table.numRows,
    get: (i: number): CanonicalRow => ({
      period: period.get(i),
      period_start: isoDate(start.get(i)),
      period_end: isoDate(end.get(i)),
      area_code: area.get(i),
      metric: metric.get(i),
      category: category.get(i),
      value: value.get(i),
      qualifier: qualifier.get(i),
      note: note.get(i) ?? ''
    })
  });
}
