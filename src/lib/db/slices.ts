/**
 * A derived table (db/derived.ts) read by (key, metric, period): the page keeps the row range of every group, and
 * either the table itself (`memory`) or only the ranges, reading rows from DuckDB by group number (`duckdb`).
 *
 * In memory, text is dictionary-encoded in SQL: every distinct string of the table once, each cell a two-byte code;
 * dates come as day numbers. Fetched as they are, the text columns of ~60k rows cost seconds in DuckDB's worker and
 * long tasks on the page. The page holds typed arrays and builds row objects only for the rows a chart asks for.
 * Tables of ~0.5M rows stay in DuckDB: held in the page they cost a 130–150 ms task and seconds more per build.
 * Of those, the page keeps the groups it has read and reads ahead, while idle, those one picker change away
 * (`byGroup`).
 */
import { arrowRows, type Connector, type SliceableTable } from './connector';

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
 * Read from DuckDB (`duckdb`), the table must be stored in that order, `g` first (created with that ORDER BY).
 * Table and column names are the app's own, never user input.
 */
export async function slices<T>(
  db: Connector,
  table: string,
  key: string,
  then: string,
  cols: Record<string, ColumnKind>,
  where: 'memory' | 'duckdb' = 'memory',
  idle?: Idle
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
  const span = (k: string, metric: string) => spans.get(`${k}\u0000${metric}`) ?? [0, 0];
  /** The group of (k, metric) in the period of group `i`, or -1. */
  const samePeriod = (k: string, metric: string, i: number) => {
    const [g0, g1] = span(k, metric);
    for (let j = g0; j < g1; j++) if (s[j] === s[i] && e[j] === e[i]) return j;
    return -1;
  };
  /**
   * The groups one picker change away from (k, metric) in group `i`'s period: its other periods, then every key of
   * the metric and every metric of the key (every metric, for a table keyed by the metric itself) in that period and
   * in their latest, which a view falls back to when they lack the period.
   */
  const nearby = (k: string, metric: string, i: number): number[] => {
    const out: number[] = [];
    for (const o of keys) {
      const related = key === 'metric' || o.k === k || o.metric === metric;
      if (related && !(o.k === k && o.metric === metric))
        out.push(samePeriod(o.k, o.metric, i), span(o.k, o.metric)[1] - 1);
    }
    // Then the other periods, nearest in the picker's list first.
    const [g0, g1] = span(k, metric);
    const periods = Array.from({ length: g1 - g0 }, (_, j) => g0 + j);
    out.push(...periods.sort((a, b) => Math.abs(a - i) - Math.abs(b - i)));
    return [...new Set(out.filter((j) => j >= 0 && j !== i))];
  };

  const read =
    where === 'memory'
      ? await inMemory<T>(db, table, `${order}, ${then}`, cols, offset)
      : byGroup<T>(db, table, cols, n, idle);
  return {
    async all(k, metric) {
      const [g0, g1] = span(k, metric);
      return read(g0, g1);
    },
    async period(k, metric, start, end) {
      const [g0, g1] = span(k, metric);
      // Groups are in period order (start, then end), as SQL sorts them: the latest is the last.
      let i = -1;
      if (start === null && end === null) i = g1 > g0 ? g1 - 1 : -1;
      else {
        const [ds, de] = [epochDay(start ?? ''), epochDay(end ?? '')];
        for (let j = g0; j < g1 && i < 0; j++) if (s[j] === ds && e[j] === de) i = j;
      }
      if (i < 0) return [];
      return read(i, i + 1, () => nearby(k, metric, i));
    }
  };
}

/** Runs a function once the page is idle (requestIdleCallback in a browser). */
export type Idle = (run: () => void) => void;

/** Reads groups [g0, g1); `nearby`, when given, names the groups worth reading ahead while the page is idle. */
type Read<T> = (g0: number, g1: number, nearby?: () => number[]) => T[] | Promise<T[]>;

/** Cells (rows × columns) a table read from DuckDB keeps in the page, and reads ahead at most at once. */
const KEEP_CELLS = 1_000_000;
const AHEAD_CELLS = 100_000;

/**
 * The rows of groups [g0, g1) from DuckDB: the table's `g` (1-based group number, sorted) finds them.
 * The bounds are written into the SQL, not passed as parameters: DuckDB skips the table's other segments only for
 * a constant filter (with `?` a read scans the whole table). They are our own group numbers,
 * checked to be integers, never text from a person.
 * No ORDER BY: the table was created sorted by g and `then`, and DuckDB keeps a table's insertion order in a scan
 * without one (its default `preserve_insertion_order`), and a sort would be a large part of each round trip.
 *
 * Groups once read are kept in the page (up to KEEP_CELLS, least recently used out first): a build's tables
 * never change, and the next build reads through a new `slices`. With `idle`, a read of one group also reads the
 * groups `nearby` while the page is idle, so that the next change of any one picker (another area, metric or
 * period) is answered from the page instead of a round trip to DuckDB's worker, which is most of a change's time
 * with a million figures loaded. What is read ahead stays columnar (Arrow) until a view asks for it: made into
 * objects at once, tens of thousands of rows would be a long task. Rows are frozen: callers share them.
 */
function byGroup<T>(
  db: Connector,
  table: string,
  cols: Record<string, ColumnKind>,
  sizes: Int32Array,
  idle?: Idle
): Read<T> {
  const select = Object.entries(cols)
    .map(([c, k]) => (k === 'date' ? `${c}::VARCHAR AS ${c}` : c))
    .join(', ');
  /** A group's rows: a range of the Arrow table a read brought, made into objects when first asked for. */
  interface Kept {
    table: SliceableTable;
    from: number;
    to: number;
    rows?: readonly T[];
  }
  const rowsOf = (k: Kept): readonly T[] =>
    (k.rows ??= arrowRows<T>(k.table.slice(k.from, k.to), 'g').map((r) => Object.freeze(r)));
  const kept = new Map<number, Kept>();
  const width = Object.keys(cols).length;
  let keptCells = 0;
  const pending = new Map<number, Promise<Map<number, Kept>>>();
  const keep = (i: number, k: Kept) => {
    const old = kept.get(i);
    keptCells += (k.to - k.from - (old ? old.to - old.from : 0)) * width;
    kept.delete(i);
    kept.set(i, k);
    for (const [j, o] of kept) {
      if (keptCells <= KEEP_CELLS) break;
      kept.delete(j);
      keptCells -= (o.to - o.from) * width;
    }
  };
  /** One query for groups [a, b): a range of `g`, which DuckDB reads by skipping the table's other segments. */
  const fetch = (a: number, b: number) => {
    const p = db.queryTable(`SELECT ${select}, g FROM ${table} WHERE g > ${a} AND g <= ${b}`).then((t) => {
      // The rows come in the table's order, so each group's are one range.
      const gs = t.getChildAt(t.schema.fields.length - 1)!.toArray() as Int32Array;
      const got = new Map<number, Kept>();
      for (let i = a; i < b; i++) got.set(i, { table: t, from: 0, to: 0 });
      for (let j = 0; j < gs.length;) {
        const k = got.get(gs[j] - 1);
        let end = j + 1;
        while (end < gs.length && gs[end] === gs[j]) end++;
        if (!k || k.to > 0) throw new Error(`${table}: group ${gs[j] - 1} out of order`);
        [k.from, k.to, j] = [j, end, end];
      }
      for (const [i, k] of got) keep(i, k);
      return got;
    });
    const done = p.finally(() => {
      for (let i = a; i < b; i++) if (pending.get(i) === done) pending.delete(i);
    });
    for (let i = a; i < b; i++) pending.set(i, done);
    return done;
  };
  /** The groups neither kept nor being read, as runs of adjacent ones [a, b), in the order of `groups`. */
  const runsOf = (groups: number[]) => {
    const todo = [...new Set(groups)].filter((i) => !kept.has(i) && !pending.has(i));
    const first = new Map(todo.map((i, j) => [i, j]));
    const runs: [number, number][] = [];
    for (const i of [...todo].sort((x, y) => x - y)) {
      if (!(Number.isSafeInteger(i) && i >= 0)) throw new Error(`${table}: bad group ${i}`);
      const last = runs.at(-1);
      if (last && last[1] === i) last[1] = i + 1;
      else runs.push([i, i + 1]);
    }
    const rank = ([a, b]: [number, number]) =>
      Math.min(...Array.from({ length: b - a }, (_, j) => first.get(a + j)!));
    return runs.sort((x, y) => rank(x) - rank(y));
  };
  /**
   * Reads ahead, one run of groups at a time: a query of groups scattered over the table has DuckDB read every
   * row of a large table, a range only its segments, an order of magnitude faster. A person's next change
   * then waits for one short query at most, and stops what is left (`gen`).
   */
  let gen = 0;
  const ahead = async (nearby: () => number[], my: number) => {
    let cells = 0;
    const want = nearby().filter(
      (i) => !kept.has(i) && !pending.has(i) && (cells += sizes[i] * width) <= AHEAD_CELLS
    );
    for (const [a, b] of runsOf(want)) {
      if (my !== gen) return;
      if (!pending.has(a) && !kept.has(a)) await fetch(a, b).catch(() => undefined);
    }
  };
  return async (g0, g1, nearby) => {
    if (!(Number.isSafeInteger(g0) && Number.isSafeInteger(g1)))
      throw new Error(`${table}: bad group ${g0}–${g1}`);
    if (g1 <= g0) return [];
    const my = ++gen;
    const want = Array.from({ length: g1 - g0 }, (_, j) => g0 + j);
    for (const [a, b] of runsOf(want)) void fetch(a, b).catch(() => undefined); // awaited through `pending`
    // Each group's rows, or the read that brings them, taken now: a read ahead may drop kept rows meanwhile.
    const sources = want.map((i) => kept.get(i) ?? pending.get(i)!);
    const parts: (readonly T[])[] = [];
    for (const [j, i] of want.entries()) {
      const src = sources[j];
      const k = src instanceof Promise ? (await src).get(i) : src;
      if (!k) throw new Error(`${table}: group ${i} was not read`);
      if (kept.get(i) === k) {
        // Used: the last to be dropped.
        kept.delete(i);
        kept.set(i, k);
      }
      parts.push(rowsOf(k));
    }
    if (nearby && idle) idle(() => void ahead(nearby, my));
    return parts.flat();
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
    if (c.nulls && !c.nulls.isValid(i)) return null;
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
