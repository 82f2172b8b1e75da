/**
 * Small tables derived from `figures` for the interactive charts (Mosaic's approach): a picker change then reads a
 * table of tens of thousands of rows, or one key range of a sorted one, instead of scanning a million figures.
 *
 *   fig_upper    — every figure of Hà Nội's city and districts (both structures): the areas the period-bar charts'
 *                  pickers offer; ~60k rows at 1M figures.
 *   child_totals — every area total (category '') of the 2019 structure with its parent, sorted by parent, metric
 *                  and period, so one parent's children in one period are one short key range.
 *   child_models — the models deployed, by model type, of every area of the 2019 structure with its parent (the
 *                  heatmap's commune × model type).
 *
 * Rows are copied from `figures` unchanged (report, kind, basis, qualifier and all): a chart reading them shows the
 * same figures, with the same sources, as one reading `figures`.
 * They go stale whenever `figures` changes: call `refreshDerived` after every change of it (a rebuild, an upload's
 * commit or removal; db/uploads.ts does), outside the change's transaction. Reads wait for a build in progress.
 */
import { arrowRows, type Connector } from './connector';
import type { Figure } from '$model/figure';
import {
  COMMUNE_TOTALS,
  MAP_DROPPED,
  MAP_OLD,
  MAP_PERIODS,
  MAP_VALUES,
  type DroppedRow,
  type MapPeriodRow,
  type UnitValueRow
} from './queries/crosswalk';

// In build order: the map's tables read commune_totals.
export const DERIVED_TABLES = [
  'fig_upper',
  'child_totals',
  'child_models',
  'commune_totals',
  'map_periods',
  'map_values',
  'map_old',
  'map_dropped'
] as const;

const BUILD: Record<(typeof DERIVED_TABLES)[number], string> = {
  fig_upper: `CREATE OR REPLACE TABLE fig_upper AS
    SELECT * FROM figures
    WHERE area_structure IN ('hn2019', 'hn2025') AND area_level IN ('city', 'district')
    ORDER BY area_code, metric, period_start, period_end, category`,
  child_totals: `CREATE OR REPLACE TABLE child_totals AS
    SELECT a.parent_code, f.*
    FROM figures f JOIN areas a ON a.structure = f.area_structure AND a.code = f.area_code
    WHERE f.area_structure = 'hn2019' AND f.category = '' AND a.parent_code <> ''
    ORDER BY a.parent_code, f.metric, f.period_start, f.period_end, f.area_code`,
  child_models: `CREATE OR REPLACE TABLE child_models AS
    SELECT a.parent_code, f.*
    FROM figures f JOIN areas a ON a.structure = f.area_structure AND a.code = f.area_code
    WHERE f.area_structure = 'hn2019' AND f.metric = 'models' AND f.category <> '' AND a.parent_code <> ''
    ORDER BY a.parent_code, f.period_start, f.period_end, f.area_code, f.category`,
  commune_totals: `CREATE OR REPLACE TABLE commune_totals AS ${COMMUNE_TOTALS}`,
  map_periods: `CREATE OR REPLACE TABLE map_periods AS ${MAP_PERIODS}`,
  map_values: `CREATE OR REPLACE TABLE map_values AS ${MAP_VALUES}`,
  map_old: `CREATE OR REPLACE TABLE map_old AS ${MAP_OLD}`,
  map_dropped: `CREATE OR REPLACE TABLE map_dropped AS ${MAP_DROPPED}`
};

/**
 * The derived tables kept in memory as Arrow columns, with the row range of every (area or parent, metric, period):
 * a picker change then reads a few dozen rows here, in well under a millisecond, instead of a query to DuckDB's
 * worker (16–30 ms a round trip with a million figures loaded, most of it the worker's fixed cost).
 * Rows are converted to figures only for the range asked for.
 */
export interface DerivedReader {
  /** One metric's figures for the city or a district (both structures), by period then category. */
  upperSeries(area: string, metric: string, totalsOnly?: boolean): Figure[];
  /** The totals of `parent`'s children (2019 structure) in the period `start`–`end`, or in the latest period any
   *  child has a total for when both are null; by area code. */
  childrenInPeriod(parent: string, metric: string, start: string | null, end: string | null): Figure[];
  /** The totals of `parent`'s children across all periods, by period then area code. */
  childTotalSeries(parent: string, metric: string): Figure[];
  /** The models of `parent`'s children by model type, across all periods, by period, area code and type. */
  childModels(parent: string): Figure[];
  /** The map (queries/crosswalk.ts): periods with commune totals of `metric`, oldest first… */
  mapPeriods(metric: string): MapPeriodRow[];
  /** …the 126 units' figures in one of them (none for a period without commune totals)… */
  mapValues(metric: string, start: string, end: string): UnitValueRow[];
  /** …the 2019 communes' own figures in it, and those of the communes the crosswalk leaves out. */
  mapOld(metric: string, start: string, end: string): Map<string, number>;
  mapDropped(metric: string, start: string, end: string): DroppedRow;
}

const FIGURE_COLS = `period, period_start::VARCHAR AS period_start, period_end::VARCHAR AS period_end, area_code,
  area_level, area_structure, metric, category, value, qualifier, note, report_id, kind, basis, n_parts, n_candidates`;

/** Days since 1970-01-01 of a YYYY-MM-DD date; NaN for anything else, "2019-02-30" included. */
function epochDay(iso: string): number {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === iso ? ms / 86_400_000 : NaN;
}

/**
 * A derived table read whole (its columns `cols`), sorted by `key`, metric, period and `then`, with the row range of
 * every (key, metric, period). `key` is a column; tables with no key but the metric give `metric` again. The groups come as integers (periods as day numbers): Arrow decodes each string it reads
 * one by one, and tens of thousands of groups as text cost a >100 ms task on the page's thread at 1M figures.
 */
async function slices<T = Figure>(
  db: Connector,
  table: string,
  key: string,
  then: string,
  cols = FIGURE_COLS
) {
  const order = `${key}, metric, period_start, period_end`;
  const [rows, groups, keys] = await Promise.all([
    db.queryTable(`SELECT ${cols} FROM ${table} ORDER BY ${order}, ${then}`),
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
  const col = (name: number) => groups.getChildAt(name)!.toArray() as Int32Array;
  const [s, e, n] = [col(0), col(1), col(2)];
  // Row offset of each group, and the groups [first, last) of each (key, metric).
  const offset = new Float64Array(n.length + 1);
  for (let i = 0; i < n.length; i++) offset[i + 1] = offset[i] + n[i];
  if (offset[n.length] !== rows.numRows)
    throw new Error(`${table}: ${rows.numRows} rows, ${offset[n.length]} in groups`);
  const spans = new Map<string, [number, number]>();
  let g = 0;
  for (const k of keys) spans.set(`${k.k}\u0000${k.metric}`, [g, (g += k.g)]);
  if (g !== n.length) throw new Error(`${table}: ${n.length} groups, ${g} by key`);

  const read = (g0: number, g1: number) => (g1 > g0 ? arrowRows<T>(rows.slice(offset[g0], offset[g1])) : []);
  return {
    /** Every row of (k, metric), across periods. */
    all(k: string, metric: string): T[] {
      const [g0, g1] = spans.get(`${k}\u0000${metric}`) ?? [0, 0];
      return read(g0, g1);
    },
    /** The rows of (k, metric) in one period: `start`–`end`, or the latest (groups are in period order). */
    period(k: string, metric: string, start: string | null, end: string | null): T[] {
      const [g0, g1] = spans.get(`${k}\u0000${metric}`) ?? [0, 0];
      if (start === null && end === null) return read(Math.max(g0, g1 - 1), g1);
      const [ds, de] = [epochDay(start ?? ''), epochDay(end ?? '')];
      for (let i = g0; i < g1; i++) if (s[i] === ds && e[i] === de) return read(i, i + 1);
      return [];
    }
  };
}

async function loadReader(db: Connector): Promise<DerivedReader> {
  const [upper, kids, models] = await Promise.all([
    slices(db, 'fig_upper', 'area_code', 'category'),
    slices(db, 'child_totals', 'parent_code', 'area_code'),
    slices(db, 'child_models', 'parent_code', 'area_code, category')
  ]);
  const DATES = `period_start::VARCHAR AS period_start, period_end::VARCHAR AS period_end`;
  const [periods, values, old, dropped] = await Promise.all([
    slices<MapPeriodRow>(db, 'map_periods', 'metric', 'structure', `period, ${DATES}, structure, n, kinds`),
    slices<UnitValueRow>(
      db,
      'map_values',
      'metric',
      'code',
      'code, name, value, qualifier, kind, report_id, converted, approximate, n_links, n_with_data'
    ),
    slices<{ area_code: string; value: number }>(db, 'map_old', 'metric', 'area_code', 'area_code, value'),
    slices<DroppedRow>(db, 'map_dropped', 'metric', 'n', 'n, value')
  ]);
  return {
    upperSeries(area, metric, totalsOnly = false) {
      const rows = upper.all(area, metric);
      return totalsOnly ? rows.filter((f) => f.category === '') : rows;
    },
    childrenInPeriod: (parent, metric, start, end) => kids.period(parent, metric, start, end),
    childTotalSeries: (parent, metric) => kids.all(parent, metric),
    childModels: (parent) => models.all(parent, 'models'),
    mapPeriods: (metric) => periods.all(metric, metric),
    mapValues: (metric, start, end) => values.period(metric, metric, start, end),
    mapOld: (metric, start, end) =>
      new Map(old.period(metric, metric, start, end).map((r) => [r.area_code, r.value])),
    mapDropped: (metric, start, end) => dropped.period(metric, metric, start, end)[0] ?? { n: 0, value: null }
  };
}

/** Per database: the latest build, and once it is done the `figures` table (catalog id) it was built from. */
interface Build {
  done: Promise<number>;
  oid?: number;
  reader?: DerivedReader;
}
const builds = new WeakMap<Connector, Build>();

/** Catalog id of the current `figures` table: a new one each time `figures` is created or replaced. */
async function figuresOid(db: Connector): Promise<number> {
  const [r] = await db.query<{ oid: number }>(
    `SELECT table_oid AS oid FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = 'figures'`
  );
  return r?.oid ?? -1;
}

/**
 * Rebuilds every table derived from `figures` (~0.1 s with the bundled data, ~0.3–1 s at a million figures) and
 * reads them into memory. Idempotent; call it after each change of `figures`. Loads that start meanwhile wait for
 * this build.
 */
export function refreshDerived(db: Connector): Promise<void> {
  const b = {} as Build;
  b.done = (async () => {
    const oid = await figuresOid(db);
    for (const t of DERIVED_TABLES) await db.query(BUILD[t]);
    b.reader = await loadReader(db);
    return (b.oid = oid);
  })();
  builds.set(db, b);
  b.done.catch(() => builds.get(db) === b && builds.delete(db));
  return b.done.then(() => undefined);
}

/**
 * Resolves once the derived tables match the current `figures`: built on first use, and rebuilt if `figures` was
 * replaced (created anew) without a `refreshDerived` — one catalog lookup. Changes to its rows are not seen here:
 * those need the call.
 */
export async function derivedReady(db: Connector): Promise<void> {
  const oid = await figuresOid(db);
  for (;;) {
    const b = builds.get(db);
    if (!b) break;
    if ((await b.done.catch(() => NaN)) === oid) return;
    if (builds.get(db) === b) break; // stale, and no newer build has started meanwhile
  }
  await refreshDerived(db);
}

/**
 * The derived tables' reader: at once when they are built (a picker change then asks nothing of DuckDB), else
 * after `derivedReady`. A change to `figures` is seen through the `refreshDerived` that follows it — not looked up
 * here: the catalog lookup costs 5–50 ms in a browser holding a million-row upload.
 */
export async function derived(db: Connector): Promise<DerivedReader> {
  let b = builds.get(db);
  if (b?.reader === undefined) {
    await derivedReady(db);
    b = builds.get(db);
  }
  return b!.reader!;
}

/**
 * Resolves when no build of the derived tables is running. An upload's commit rebuilds them in the background
 * (db/uploads.ts); the next change of the data waits for that build, so its statements never run inside the
 * change's transaction.
 */
export async function derivedIdle(db: Connector): Promise<void> {
  await builds.get(db)?.done.catch(() => undefined);
}
