/**
 * Tables derived from `figures` for the interactive charts (Mosaic's approach): a picker change reads a few rows of
 * one of them, held in the page or found by group number in DuckDB (db/slices.ts), instead of scanning a million
 * figures.
 *
 *   fig_upper    — every figure of Hà Nội's city and districts (both structures): the areas the period-bar charts'
 *                  pickers offer; ~60k rows at 1M figures.
 *   child_totals — every area total (category '') of the 2019 structure with its parent, sorted by parent, metric
 *                  and period, so one parent's children in one period are one short key range.
 *   child_models — the models deployed, by model type, of every area of the 2019 structure with its parent (the
 *                  heatmap's commune × model type).
 *   commune_totals and map_* — the map's 2025 units for every metric and period (queries/crosswalk.ts).
 *
 * Rows are copied from `figures` unchanged (report, kind, basis, qualifier and all): a chart reading them shows the
 * same figures, with the same sources, as one reading `figures`.
 * They go stale whenever `figures` changes: call `refreshDerived` after every change of it (a rebuild, an upload's
 * commit or removal; db/uploads.ts does), outside the change's transaction. Reads wait for a build in progress.
 */
import type { Connector } from './connector';
import { slices, type ColumnKind, type Idle } from './slices';
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

type DerivedTable =
  | 'fig_upper'
  | 'child_totals'
  | 'child_models'
  | 'commune_totals'
  | 'map_periods'
  | 'map_values'
  | 'map_old'
  | 'map_dropped';

/**
 * `g`, the number of a row's (key, metric, period) in sort order: tables too large to hold in the page (~0.5M rows at
 * a million figures) are read from DuckDB by it (db/slices.ts), a range of a column the table is sorted by.
 */
const GROUP = (key: string) => `dense_rank() OVER (ORDER BY ${key}, period_start, period_end)::INTEGER AS g`;

/**
 * Tables read from DuckDB after their build (not held in the page) get the build's number in their name, so a read
 * prepared from one build's group numbers can only ever meet that build's rows: a later build makes new tables and
 * drops these once it is done (a late read then fails, never shows another area's figures).
 */
const VERSIONED = ['child_totals', 'child_models', 'map_old'] as const;
const versioned = (t: (typeof VERSIONED)[number], n: number) => `${t}_${n}`;

const BUILD: Record<DerivedTable, (n: number) => string> = {
  fig_upper: () => `CREATE OR REPLACE TABLE fig_upper AS
    SELECT * FROM figures
    WHERE area_structure IN ('hn2019', 'hn2025') AND area_level IN ('city', 'district')
    ORDER BY area_code, metric, period_start, period_end, category`,
  child_totals: (n) => `CREATE OR REPLACE TABLE ${versioned('child_totals', n)} AS
    SELECT ${GROUP('a.parent_code, f.metric')}, a.parent_code, f.*
    FROM figures f JOIN areas a ON a.structure = f.area_structure AND a.code = f.area_code
    WHERE f.area_structure = 'hn2019' AND f.category = '' AND a.parent_code <> ''
    ORDER BY g, f.area_code`,
  child_models: (n) => `CREATE OR REPLACE TABLE ${versioned('child_models', n)} AS
    SELECT ${GROUP('a.parent_code, f.metric')}, a.parent_code, f.*
    FROM figures f JOIN areas a ON a.structure = f.area_structure AND a.code = f.area_code
    WHERE f.area_structure = 'hn2019' AND f.metric = 'models' AND f.category <> '' AND a.parent_code <> ''
    ORDER BY g, f.area_code, f.category`,
  commune_totals: () => `CREATE OR REPLACE TABLE commune_totals AS ${COMMUNE_TOTALS}`,
  map_periods: () => `CREATE OR REPLACE TABLE map_periods AS ${MAP_PERIODS}`,
  map_values: () => `CREATE OR REPLACE TABLE map_values AS ${MAP_VALUES}`,
  map_old: (n) => `CREATE OR REPLACE TABLE ${versioned('map_old', n)} AS
    SELECT ${GROUP('metric')}, * FROM (${MAP_OLD}) ORDER BY g, area_code`,
  map_dropped: () => `CREATE OR REPLACE TABLE map_dropped AS ${MAP_DROPPED}`
};

/**
 * Reads of the derived tables by area or parent, metric and period. The small tables are held in the page (a read
 * from memory is far cheaper than a round trip to DuckDB's worker with a million figures loaded); the
 * ~0.5M-row ones are read from DuckDB by group number (db/slices.ts).
 */
export interface DerivedReader {
  /** One metric's figures for the city or a district (both structures), by period then category. */
  upperSeries(area: string, metric: string, totalsOnly?: boolean): Promise<Figure[]>;
  /** The totals of `parent`'s children (2019 structure) in the period `start`–`end`, or in the latest period any
   *  child has a total for when both are null; by area code. */
  childrenInPeriod(
    parent: string,
    metric: string,
    start: string | null,
    end: string | null
  ): Promise<Figure[]>;
  /** The totals of `parent`'s children across all periods, by period then area code. */
  childTotalSeries(parent: string, metric: string): Promise<Figure[]>;
  /** The models of `parent`'s children by model type in one period (or the latest, as childrenInPeriod), by area
   *  code and type. */
  childModels(parent: string, start: string | null, end: string | null): Promise<Figure[]>;
  /** The map (queries/crosswalk.ts): periods with commune totals of `metric`, oldest first… */
  mapPeriods(metric: string): Promise<MapPeriodRow[]>;
  /** …the 126 units' figures in one of them (none for a period without commune totals)… */
  mapValues(metric: string, start: string, end: string): Promise<UnitValueRow[]>;
  /** …the 2019 communes' own figures in it, and those of the communes the crosswalk leaves out. */
  mapOld(metric: string, start: string, end: string): Promise<Map<string, number>>;
  mapDropped(metric: string, start: string, end: string): Promise<DroppedRow>;
}

/** A figure's columns, as db/slices.ts reads them. */
const FIGURE: Record<keyof Figure, ColumnKind> = {
  period: 'text',
  period_start: 'date',
  period_end: 'date',
  area_code: 'text',
  area_level: 'text',
  area_structure: 'text',
  metric: 'text',
  category: 'text',
  value: 'number',
  qualifier: 'text',
  note: 'text',
  report_id: 'text',
  kind: 'text',
  basis: 'text',
  n_parts: 'number',
  n_candidates: 'number',
  series: 'text',
  period_stated: 'bool'
};

/**
 * Reads ahead of the ~0.5M-row tables while the page is idle (db/slices.ts): in a browser only (Safari has no
 * requestIdleCallback: a short timeout there). Node (the build's prerendering, the tests) reads only what it asks for.
 */
const idle: Idle | undefined =
  typeof window === 'undefined'
    ? undefined
    : typeof requestIdleCallback === 'function'
      ? (run) => requestIdleCallback(run, { timeout: 1000 })
      : (run) => setTimeout(run, 50);

/**
 * The derived tables in groups, built in this order, each read as soon as its own tables exist: the city and
 * districts first (the overview's first pick waits for them alone, not for the map's tables), then the children's
 * totals, the map, and the heatmap's models.
 */
const PARTS = {
  upper: {
    tables: ['fig_upper'],
    read: (db: Connector) => slices<Figure>(db, 'fig_upper', 'area_code', 'category', FIGURE)
  },
  kids: {
    tables: ['child_totals'],
    read: (db: Connector, n: number) =>
      slices<Figure>(db, versioned('child_totals', n), 'parent_code', 'area_code', FIGURE, 'duckdb', idle)
  },
  map: {
    tables: ['commune_totals', 'map_periods', 'map_values', 'map_old', 'map_dropped'],
    read: async (db: Connector, n: number) => {
      const [periods, values, old, dropped] = await Promise.all([
        slices<MapPeriodRow>(db, 'map_periods', 'metric', 'structure', {
          period: 'text',
          period_start: 'date',
          period_end: 'date',
          structure: 'text',
          n: 'number',
          kinds: 'text'
        }),
        slices<UnitValueRow>(db, 'map_values', 'metric', 'code', {
          code: 'text',
          name: 'text',
          value: 'number',
          qualifier: 'text',
          kind: 'text',
          report_id: 'text',
          converted: 'bool',
          approximate: 'bool',
          n_links: 'number',
          n_with_data: 'number'
        }),
        slices<{ area_code: string; value: number }>(
          db,
          versioned('map_old', n),
          'metric',
          'area_code',
          { area_code: 'text', value: 'number' },
          'duckdb',
          idle
        ),
        slices<DroppedRow>(db, 'map_dropped', 'metric', 'n', { n: 'number', value: 'number' })
      ]);
      return { periods, values, old, dropped };
    }
  },
  models: {
    tables: ['child_models'],
    read: (db: Connector, n: number) =>
      slices<Figure>(
        db,
        versioned('child_models', n),
        'parent_code',
        'area_code, category',
        FIGURE,
        'duckdb',
        idle
      )
  }
} satisfies Record<string, { tables: DerivedTable[]; read: (db: Connector, n: number) => unknown }>;

type Parts = { [K in keyof typeof PARTS]: Promise<Awaited<ReturnType<(typeof PARTS)[K]['read']>>> };

function readerOf(p: Parts): DerivedReader {
  return {
    async upperSeries(area, metric, totalsOnly = false) {
      const rows = await (await p.upper).all(area, metric);
      return totalsOnly ? rows.filter((f) => f.category === '') : rows;
    },
    childrenInPeriod: async (parent, metric, start, end) => (await p.kids).period(parent, metric, start, end),
    childTotalSeries: async (parent, metric) => (await p.kids).all(parent, metric),
    childModels: async (parent, start, end) => (await p.models).period(parent, 'models', start, end),
    mapPeriods: async (metric) => (await p.map).periods.all(metric, metric),
    mapValues: async (metric, start, end) => (await p.map).values.period(metric, metric, start, end),
    mapOld: async (metric, start, end) =>
      new Map(
        (await (await p.map).old.period(metric, metric, start, end)).map((r) => [r.area_code, r.value])
      ),
    mapDropped: async (metric, start, end) =>
      (await (await p.map).dropped.period(metric, metric, start, end))[0] ?? { n: 0, value: null }
  };
}

/** Per database: the latest build — the `figures` table (catalog id) it is built from, its reader, its end. */
interface Build {
  oid: Promise<number>;
  reader: DerivedReader;
  done: Promise<void>;
}
const builds = new WeakMap<Connector, Build>();
let buildNo = 0;

/** Catalog id of the current `figures` table: a new one each time `figures` is created or replaced. */
async function figuresOid(db: Connector): Promise<number> {
  const [r] = await db.query<{ oid: number }>(
    `SELECT table_oid AS oid FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = 'figures'`
  );
  return r?.oid ?? -1;
}

/**
 * Rebuilds every table derived from `figures` (seconds at a million figures, in DuckDB's worker) and reads them, part by part. Idempotent; call it after each change of `figures`. Reads that start
 * meanwhile wait for their own part only.
 */
export function refreshDerived(db: Connector): Promise<void> {
  const n = ++buildNo;
  const oid = figuresOid(db);
  let chain: Promise<unknown> = oid;
  const parts = {} as Record<string, Promise<unknown>>;
  for (const [name, part] of Object.entries(PARTS)) {
    const p = chain.then(async () => {
      for (const t of part.tables) await db.query(BUILD[t](n));
      return part.read(db, n);
    });
    p.catch(() => undefined); // a failed part is reported by the reads that wait for it, and by `done`
    parts[name] = chain = p;
  }
  const done = chain.then(() => dropOlder(db, n));
  const b: Build = { oid, reader: readerOf(parts as Parts), done };
  builds.set(db, b);
  b.done.catch(() => builds.get(db) === b && builds.delete(db));
  return b.done;
}

/** Drops the versioned tables of builds before `n` (any left by a failed one too). */
async function dropOlder(db: Connector, n: number): Promise<void> {
  const rows = await db.query<{ t: string }>(
    `SELECT table_name AS t FROM duckdb_tables() WHERE schema_name = 'main'`
  );
  const old = new RegExp(`^(${VERSIONED.join('|')})_(\\d+)$`);
  for (const { t } of rows) {
    const m = old.exec(t);
    if (m && Number(m[2]) < n) await db.query(`DROP TABLE IF EXISTS ${t}`);
  }
}

/** The build that matches the current `figures`, started if there is none or it is stale (one catalog lookup). */
async function matching(db: Connector): Promise<Build> {
  const oid = await figuresOid(db);
  for (;;) {
    const b = builds.get(db);
    if (!b) break;
    if (
      (await b.oid.catch(() => NaN)) === oid &&
      (await b.done.then(
        () => true,
        () => false
      ))
    )
      return b;
    if (builds.get(db) === b) break; // stale or failed, and no newer build has started meanwhile
  }
  void refreshDerived(db).catch(() => undefined);
  return builds.get(db)!;
}

/**
 * Resolves once the derived tables match the current `figures` and are all read: built on first use, and rebuilt if
 * `figures` was replaced (created anew) without a `refreshDerived`. Changes to its rows are not seen here: those
 * need the call.
 */
export async function derivedReady(db: Connector): Promise<void> {
  await (
    await matching(db)
  ).done;
}

/**
 * The derived tables' reader: at once when a build has started (a picker change then waits, at most, for its own
 * part), else after the catalog lookup. A change to `figures` is seen through the `refreshDerived` that follows it —
 * not looked up here: the catalog lookup is slow in a browser holding a million-row upload.
 */
export async function derived(db: Connector): Promise<DerivedReader> {
  return (builds.get(db) ?? (await matching(db))).reader;
}

/**
 * Resolves when no build of the derived tables is running. An upload's commit rebuilds them in the background
 * (db/uploads.ts); the next change of the data waits for that build, so its statements never run inside the
 * change's transaction.
 */
export async function derivedIdle(db: Connector): Promise<void> {
  await builds.get(db)?.done.catch(() => undefined);
}
