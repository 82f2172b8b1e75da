/**
 * Small tables derived from `figures` for the interactive charts (Mosaic's approach): a picker change then reads a
 * table of tens of thousands of rows, or one key range of a sorted one, instead of scanning a million figures.
 *
 *   fig_upper    — every figure of Hà Nội's city and districts (both structures): the areas the period-bar charts'
 *                  pickers offer; ~60k rows at 1M figures.
 *   child_totals — every area total (category '') of the 2019 structure with its parent, sorted by parent, metric
 *                  and period, so one parent's children in one period are one short key range.
 *
 * Rows are copied from `figures` unchanged (report, kind, basis, qualifier and all): a chart reading them shows the
 * same figures, with the same sources, as one reading `figures`.
 * They go stale whenever `figures` changes: call `refreshDerived` after every change of it (a rebuild, an upload's
 * commit or removal; db/uploads.ts does), outside the change's transaction. Reads wait for a build in progress.
 */
import type { Connector } from './connector';

export const DERIVED_TABLES = ['fig_upper', 'child_totals'] as const;

const BUILD: Record<(typeof DERIVED_TABLES)[number], string> = {
  fig_upper: `CREATE OR REPLACE TABLE fig_upper AS
    SELECT * FROM figures
    WHERE area_structure IN ('hn2019', 'hn2025') AND area_level IN ('city', 'district')
    ORDER BY area_code, metric, period_start, period_end, category`,
  child_totals: `CREATE OR REPLACE TABLE child_totals AS
    SELECT a.parent_code, f.*
    FROM figures f JOIN areas a ON a.structure = f.area_structure AND a.code = f.area_code
    WHERE f.area_structure = 'hn2019' AND f.category = '' AND a.parent_code <> ''
    ORDER BY a.parent_code, f.metric, f.period_start, f.period_end, f.area_code`
};

/** Per database: the latest build, and once it is done the `figures` table (catalog id) it was built from. */
interface Build {
  done: Promise<number>;
  oid?: number;
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
 * Rebuilds every table derived from `figures` (~0.1 s with the bundled data, ~0.3–1 s at a million figures).
 * Idempotent; call it after each change of `figures`. Loads that start meanwhile wait for this build.
 */
export function refreshDerived(db: Connector): Promise<void> {
  const b = {} as Build;
  b.done = (async () => {
    const oid = await figuresOid(db);
    for (const t of DERIVED_TABLES) await db.query(BUILD[t]);
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
 * Runs `read` (queries of derived tables) once they are built: at once when they are (a picker change is then one
 * round trip), else after `derivedReady`. A change to `figures` is seen through the `refreshDerived` that follows
 * it — not looked up here: the catalog lookup costs 5–50 ms in a browser holding a million-row upload.
 */
export async function fromDerived<T>(db: Connector, read: () => Promise<T>): Promise<T> {
  if (builds.get(db)?.oid === undefined) await derivedReady(db);
  return read();
}

/**
 * Resolves when no build of the derived tables is running. An upload's commit rebuilds them in the background
 * (db/uploads.ts); the next change of the data waits for that build, so its statements never run inside the
 * change's transaction.
 */
export async function derivedIdle(db: Connector): Promise<void> {
  await builds.get(db)?.done.catch(() => undefined);
}
