/**
 * A derived table (db/derived.ts) read by (key, metric, period): the page keeps the row range of every group, and
 * either the table itself (`memory`) or only the ranges, reading rows from DuckDB by group number (`duckdb`).
 *
 * In memory, text is dictionary-encoded in SQL: every distinct string of the table once, each cell a two-byte code;
 * dates come as day numbers. Fetched as they are, the text columns of ~60k rows cost seconds in DuckDB's worker and
 * long tasks on the page. The page holds typed arrays and builds row objects only for the rows a chart asks for.
 * Tables of ~0.5M rows stay in DuckDB: held in the page they cost a 130–150 ms task and seconds more per build.
 */
import type { Connector, Row, SliceableTable } from './connector';

/** How a column is read: text (dictionary-encoded), a date (YYYY-MM-DD), a number, or a boolean. */
export type ColumnKind = 'text' | 'date' | 'number' | 'bool';

/** Days since 1970-01-01 of a YYYY-MM-DD date; NaN for anything else, "2019-02-30" included. */
export function epochDay(iso: string): number {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === iso ? ms / 86_400_000 : NaN;
}

let reads = 0;

const isoOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

export interface Slices<T> {
  /** Every row of (k, metric), across periods. */
  all(k: string, metric: string): Promise<T[]>;
  /** The rows of (k, metric) in one period `start`–`end`, or in the latest one when both are null. */
  period(k: string, metric: string, start: string | null, end: string | null): Promise<T[]>;
}

/**
 * Reads `table` (which has `metric`, `period_start` and `period_end`) sorted by `key`, metric, period and `then`,
 * with the row range of every (key, metric, period). `key` is a column; a table keyed by metric alone gives `metric`.
 * Table and column names are the app's own, never user input.
 */
export async function slices<T>(
  db: Connector,
  table: string,
  key: string,
  then: string,
  cols: Record<string, ColumnKind>,
  where: 'memory' | 'duckdb' = 'memory'
): Promise<Slices<T>> {
  const order = `${key}, metric, period_start, period_end`;
  const [groups, keys] = await Promise.all([
    db.queryTable(
      `SELECT (period_start - DATE '1970-01-01')::INTEGER AS s, (period_end - DATE '1970-01-01')::INTEGER AS e,
         count(*)::INTEGER AS n
       FROM ${table} GROUP BY ${order} ORDER BY ${order}`
    ),
    db.query<{ k: string; metric: string; g: number }>(
      `SELECT ${key} AS k, metric, count(DISTINCT (period_start, period_end))::INTEGER AS g
       FROM ${table} GROUP BY ALL ORDER BY ALL`
    )
  ]);
  const ints = (t: SliceableTable, j: number) => t.getChildAt(j)!.toArray() as Int32Array;
  const [s, e, n] = [ints(groups, 0), ints(groups, 1), ints(groups, 2)];
  // Row offset of each group, and the groups [first, last) of each (key, metric).
  const offset = new Float64Array(n.length + 1);
  for (let i = 0; i < n.length; i++) offset[i + 1] = offset[i] + n[i];
  const spans = new Map<string, [number, number]>();
  let g = 0;
  for (const k of keys) spans.set(`${k.k}\u0000${k.metric}`, [g, (g += k.g)]);
  if (g !== n.length) throw new Error(`${table}: ${n.length} groups, ${g} by key`);

  const read =
    where === 'memory'
      ? await inMemory<T>(db, table, `${order}, ${then}`, cols, offset)
      : byGroup<T>(db, table, then, cols);
  const span = (k: string, metric: string) => spans.get(`${k}\u0000${metric}`) ?? [0, 0];
  return {
    async all(k, metric) {
      const [g0, g1] = span(k, metric);
      return read(g0, g1);
    },
    async period(k, metric, start, end) {
      const [g0, g1] = span(k, metric);
      // Groups are in period order (start, then end), as SQL sorts them: the latest is the last.
      if (start === null && end === null) return read(Math.max(g0, g1 - 1), g1);
      const [ds, de] = [epochDay(start ?? ''), epochDay(end ?? '')];
      for (let i = g0; i < g1; i++) if (s[i] === ds && e[i] === de) return read(i, i + 1);
      return [];
    }
  };
}

type Read<T> = (g0: number, g1: number) => T[] | Promise<T[]>;

/**
 * The rows of groups [g0, g1) from DuckDB: the table's `g` (1-based group number, sorted) finds them.
 * The bounds are written into the SQL, not passed as parameters: DuckDB skips the table's other segments only for
 * a constant filter (measured at 1M figures: 4–5 ms against 13–18 ms with `?`). They are our own group numbers,
 * checked to be integers, never text from a person.
 */
function byGroup<T>(db: Connector, table: string, then: string, cols: Record<string, ColumnKind>): Read<T> {
  const select = Object.entries(cols)
    .map(([c, k]) => (k === 'date' ? `${c}::VARCHAR AS ${c}` : c))
    .join(', ');
  return async (g0, g1) => {
    if (!(Number.isSafeInteger(g0) && Number.isSafeInteger(g1)))
      throw new Error(`${table}: bad group ${g0}–${g1}`);
    if (g1 <= g0) return [];
    return db.query<T & Row>(
      `SELECT ${select} FROM ${table} WHERE g > ${g0} AND g <= ${g1} ORDER BY g, ${then}`
    );
  };
}

/** The whole table in memory, text dictionary-encoded; rows built only for the groups asked for. */
async function inMemory<T>(
  db: Connector,
  table: string,
  order: string,
  cols: Record<string, ColumnKind>,
  offset: Float64Array
): Promise<Read<T>> {
  const names = Object.keys(cols);
  const texts = names.filter((c) => cols[c] === 'text');
  // Its own name per read: two builds reading the same table at once must not share codes.
  const dict = `${table}_dict_${++reads}`;
  // Ordered by value, so the list and the codes agree whichever statement reads them.
  await db.query(
    `CREATE OR REPLACE TEMP TABLE ${dict} AS
     SELECT v, (row_number() OVER (ORDER BY v) - 1)::INTEGER AS i
     FROM (SELECT DISTINCT unnest([${texts.map((c) => `${c}::VARCHAR`).join(', ')}]) AS v FROM ${table})`
  );
  // Codes in two bytes when the table has fewer than 65,536 distinct strings (it always has here): half the bytes.
  const [{ n: words }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${dict}`);
  const code = words < 65_536 ? 'USMALLINT' : 'INTEGER';
  const select = names.map((c, j) => {
    if (cols[c] === 'text') return `d${j}.i::${code} AS ${c}`;
    if (cols[c] === 'date') return `(t.${c} - DATE '1970-01-01')::INTEGER AS ${c}`;
    if (cols[c] === 'bool') return `t.${c}::UTINYINT AS ${c}`;
    return `t.${c} AS ${c}`;
  });
  const joins = names
    .map((c, j) =>
      cols[c] === 'text' ? `LEFT JOIN ${dict} d${j} ON d${j}.v IS NOT DISTINCT FROM t.${c}::VARCHAR` : ''
    )
    .join(' ');
  const [rows, list] = await Promise.all([
    db.queryTable(
      `SELECT ${select.join(', ')} FROM ${table} t ${joins} ORDER BY ${order.replace(/(\w+)/g, 't.$1')}`
    ),
    db.query<{ v: string | null }>(`SELECT v FROM ${dict} ORDER BY i`)
  ]);
  await db.query(`DROP TABLE IF EXISTS ${dict}`);
  if (offset[offset.length - 1] !== rows.numRows)
    throw new Error(`${table}: ${rows.numRows} rows, ${offset[offset.length - 1]} in groups`);
  const text = list.map((w) => w.v);
  const dates = new Map<number, string>();
  const columns = names.map((name, j) => {
    const v = rows.getChildAt(j)!;
    return {
      name,
      kind: cols[name],
      values: v.toArray() as ArrayLike<number>,
      nulls: v.nullCount > 0 ? v : null
    };
  });
  const cell = (c: (typeof columns)[number], i: number): unknown => {
    if (c.nulls && !(c.nulls as unknown as { isValid(i: number): boolean }).isValid(i)) return null;
    const x = c.values[i];
    if (c.kind === 'text') return text[x];
    if (c.kind === 'bool') return x === 1;
    if (c.kind === 'date') {
      let d = dates.get(x);
      if (d === undefined) dates.set(x, (d = isoOf(x)));
      return d;
    }
    return x;
  };
  return (g0: number, g1: number): T[] => {
    const out: T[] = [];
    for (let i = offset[g0]; i < offset[g1]; i++) {
      const r: Record<string, unknown> = {};
      for (const c of columns) r[c.name] = cell(c, i);
      out.push(r as T);
    }
    return out;
  };
}
