/**
 * Observations ↔ an Arrow IPC stream shaped as DuckDB's `observations` table: what an upload hands DuckDB (appended
 * as it is, no SQL pass) and keeps in IndexedDB. Text columns are dictionary-encoded over the table's own lookup lists, so a million rows are built from
 * the typed arrays without a string per row (tens of milliseconds) and DuckDB imports them without parsing text —
 * where writing and re-reading canonical CSV cost more than the validation itself (README, Performance).
 */
import {
  DateDay,
  Dictionary,
  Int8,
  Int16,
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
import { CANONICAL_HEADER, toCanonicalCsv, type CanonicalRow } from './canonical';
import { METRIC_CATEGORIES, type ObservationTable } from './table';

/**
 * A text column as an Arrow dictionary: row i is `perKey[keys[i]]` (`keys` null: every row is perKey[0]). Repeated
 * values share one dictionary entry, and the indices go into the narrowest integer type that holds them — a byte
 * for levels, metrics or qualifiers, two for areas or periods — so a million rows make ~30 MB of Arrow, not ~55.
 * Each column gets its own index buffer: Arrow's IPC writer miscounts the body when two columns share one.
 */
function column(id: number, perKey: readonly string[], keys: ArrayLike<number> | null, n: number): Vector {
  const values: string[] = [];
  const position = new Map<string, number>();
  const keyTo = perKey.map((v) => {
    let k = position.get(v);
    if (k === undefined) position.set(v, (k = values.push(v) - 1));
    return k;
  });
  const [indexType, data] =
    values.length <= 127
      ? [new Int8(), new Int8Array(n)]
      : values.length <= 32767
        ? [new Int16(), new Int16Array(n)]
        : [new Int32(), new Int32Array(n)];
  if (keys) for (let i = 0; i < n; i++) data[i] = keyTo[keys[i]];
  return makeVector(
    makeData({
      type: new Dictionary(new Utf8(), indexType, id, false),
      length: n,
      nullCount: 0,
      data,
      dictionary: vectorFromArray(values, new Utf8())
    })
  );
}

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
  const startDays = t.periods.map((p) => days(p.start));
  const endDays = t.periods.map((p) => days(p.end));
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    start[i] = startDays[t.period[i]];
    end[i] = endDays[t.period[i]];
  }
  // Notes are rare: '' for every row but those that have one.
  const notes = [''];
  const noteKey = new Int32Array(n);
  for (const [i, text] of t.notes) if (i < n) noteKey[i] = notes.push(text) - 1;
  const date = (data: Int32Array) =>
    makeVector(makeData({ type: new DateDay(), length: n, nullCount: 0, data }));
  const mcs = METRIC_CATEGORIES;
  const table = new Table({
    report_id: column(0, [reportId], null, n),
    period: column(
      1,
      t.periods.map((p) => p.label),
      t.period,
      n
    ),
    period_start: date(start),
    period_end: date(end),
    area_code: column(
      2,
      t.areas.map((a) => a.code),
      t.area,
      n
    ),
    area_level: column(
      3,
      t.areas.map((a) => a.level),
      t.area,
      n
    ),
    area_structure: column(
      4,
      t.areas.map((a) => a.structure),
      t.area,
      n
    ),
    metric: column(
      5,
      mcs.map((x) => x.metric),
      t.mc,
      n
    ),
    category: column(
      6,
      mcs.map((x) => x.category),
      t.mc,
      n
    ),
    value: makeVector(t.value.slice(0, n)),
    qualifier: column(7, QUALIFIERS, t.qualifier, n),
    note: column(8, notes, noteKey, n)
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
  const cols = CANONICAL_HEADER.split(',').map(col);
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
