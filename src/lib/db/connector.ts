/** The one door to DuckDB: the browser (DuckDB-WASM in a worker) and Node (its blocking build) both implement it. */

/** A result row when a query does not say its type. Queries may name any object type (Figure, Report). */
export type Row = Record<string, unknown>;

/** A query and its positional parameters (`?`). Builders return these; nothing pastes values into SQL text. */
export interface Query<T extends object = Row> {
  sql: string;
  params: unknown[];
  /** Phantom field carrying the row type. */
  readonly _row?: T;
}

export interface Connector {
  /** Runs one statement, with parameters when given, and returns plain rows. */
  query<T extends object = Row>(q: Query<T> | string): Promise<T[]>;
  /** The same, as the Arrow table DuckDB answers with: for results kept columnar and read by slices. */
  queryTable(q: Query<object> | string): Promise<SliceableTable>;
  /** Makes bytes readable by `read_csv('name')`. */
  registerFile(name: string, data: Uint8Array | string): Promise<void>;
  dropFile(name: string): Promise<void>;
  /** Appends an Arrow IPC stream to `table` (creating it when `create`): the fast path for prebuilt tables. */
  importArrow(table: string, ipc: Uint8Array, create: boolean): Promise<void>;
  /** A query's result as an Arrow IPC stream (build-time snapshots; an upload's derived candidates, db/kept.ts). */
  exportArrow?(sql: string): Promise<Uint8Array>;
}

const ARROW_MAGIC = [65, 82, 82, 79, 87, 49]; // "ARROW1"

/**
 * The Arrow IPC stream inside an IPC file, which is how DuckDB-WASM answers a query: the file format is "ARROW1" and
 * padding, the stream format (with its end marker), a footer, the footer's length and "ARROW1" again (Arrow's
 * columnar format spec), so the stream `importArrow` takes is a slice of it — nothing decoded on the page's thread.
 */
export function ipcFileToStream(file: Uint8Array): Uint8Array {
  const n = file.length;
  const magic = n >= 18 && ARROW_MAGIC.every((b, i) => file[i] === b && file[n - 6 + i] === b);
  if (!magic) throw new Error('Not an Arrow IPC file');
  const end = n - 10 - new DataView(file.buffer, file.byteOffset + n - 10, 4).getInt32(0, true);
  if (end < 8 || end > n - 10) throw new Error('Arrow IPC file: footer out of range');
  return file.subarray(8, end);
}

/** Shapes a query for a builder. */
export function q<T extends object>(sql: string, params: unknown[] = []): Query<T> {
  return { sql, params };
}

/** The part of an Arrow column's chunk `arrowRows` reads for text: offsets into its bytes, and validity. */
interface ArrowData {
  length: number;
  nullCount: number;
  /** Int32Array and Uint8Array for text (Arrow's own type says `any`). */
  valueOffsets?: unknown;
  values?: unknown;
  getValid(i: number): boolean;
}

/** The part of an Arrow column `arrowRows` reads. */
interface ArrowColumn {
  length: number;
  nullCount: number;
  type: { typeId: number; bitWidth?: number; precision?: number };
  data: readonly ArrowData[];
  /** A typed array for numbers without nulls (Arrow's own type says `any`). */
  toArray(): unknown;
  /** False where the row's value is null. */
  isValid(i: number): boolean;
  [Symbol.iterator](): Iterator<unknown>;
}

/** The part of an Arrow table `arrowRows` reads. */
export interface ArrowTable {
  numRows: number;
  schema: { fields: { name: string }[] };
  getChildAt(i: number): ArrowColumn | null;
}

/** An Arrow table whose rows `begin`…`end - 1` can be viewed without a copy (Arrow's own `Table.slice`). */
export interface SliceableTable extends ArrowTable {
  slice(begin: number, end: number): ArrowTable;
}

// Arrow's Type ids of Int and Float: their values come out of a typed array unchanged (no nulls, ints of ≤ 32
// bits, floats of 32 or 64: a half float's array holds raw bits).
const INT = 2;
const FLOAT = 3;
const UTF8 = 5;
const LIST = 12;

const decoder = new TextDecoder();

/**
 * One string of a text column. Arrow decodes each with a TextDecoder call, whose fixed cost was most of reading a
 * few hundred figures on a picker change: short ASCII strings — codes, ids, dates, qualifiers — are read from
 * their char codes instead, anything else by TextDecoder as before.
 */
function utf8(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= 64) {
    let ascii = true;
    for (let i = start; i < end && ascii; i++) ascii = bytes[i] < 0x80;
    // apply takes the bytes as they are (no array copy); a Uint8Array is the ArrayLike<number> it reads.
    if (ascii)
      return String.fromCharCode.apply(null, bytes.subarray(start, end) as ArrayLike<number> as number[]);
  }
  return decoder.decode(bytes.subarray(start, end));
}

/** A text column's values, chunk by chunk from its offsets (a sliced chunk's offsets are sliced with it). */
function utf8Column(v: ArrowColumn): (string | null)[] {
  const out = new Array<string | null>(v.length);
  let k = 0;
  for (const d of v.data) {
    const o = d.valueOffsets as Int32Array;
    const b = d.values as Uint8Array;
    for (let i = 0; i < d.length; i++, k++)
      out[k] = d.nullCount > 0 && !d.getValid(i) ? null : utf8(b, o[i], o[i + 1]);
  }
  return out;
}

/**
 * Converts an Arrow table's rows to plain objects (dates as YYYY-MM-DD are selected as VARCHAR by the SQL),
 * without the column named `omit`. Column by column — each read once, numbers straight from their typed array —
 * instead of a proxy per row.
 */
export function arrowRows<T>(table: ArrowTable, omit?: string): T[] {
  const n = table.numRows;
  const all = table.schema.fields.map((f) => f.name);
  const at = all.flatMap((name, j) => (name === omit ? [] : [j]));
  const names = at.map((j) => all[j]);
  const cols = at.map((j) => {
    const v = table.getChildAt(j)!;
    const t = v.type;
    const typed =
      v.nullCount === 0 &&
      ((t.typeId === FLOAT && (t.precision ?? 0) >= 1) || (t.typeId === INT && (t.bitWidth ?? 64) <= 32));
    if (typed) return v.toArray() as ArrayLike<unknown>;
    if (t.typeId === UTF8) return utf8Column(v);
    // A list (a report's breaks) as a plain array, not Arrow's vector of it.
    if (t.typeId === LIST) return [...v].map((x) => (x == null ? x : [...(x as Iterable<unknown>)]));
    return [...v];
  });
  const rows = new Array<T>(n);
  for (let i = 0; i < n; i++) {
    const r: Record<string, unknown> = {};
    for (let j = 0; j < names.length; j++) r[names[j]] = cols[j][i];
    rows[i] = r as T;
  }
  return rows;
}

/** Table names given to importArrow are the app's own; anything else is refused. */
export function safeTableName(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe table name: ${name}`);
  return name;
}

/** Registered file names are generated by the app; anything else is refused before it reaches SQL. */
export function safeFileName(name: string): string {
  if (!/^[\w.-]+$/.test(name)) throw new Error(`Unsafe registered file name: ${name}`);
  return name;
}

/**
 * `load` run once per database, its promise kept (and dropped if it fails, so the next call tries again): for
 * reference data that never changes once a database is loaded.
 */
export function oncePerDb<T>(load: (db: Connector) => Promise<T>): (db: Connector) => Promise<T> {
  const kept = new WeakMap<Connector, Promise<T>>();
  return (db) => {
    let p = kept.get(db);
    if (!p) {
      kept.set(db, (p = load(db)));
      p.catch(() => kept.delete(db));
    }
    return p;
  };
}
