/** Loads the bundled dataset (reports + reference areas) into a fresh database, in Node and the browser alike. */
import type { AreaStructure, Report } from '$model/types';
import type { Connector } from './connector';
import { refreshFigures } from './figures';
import { createSchema, CROSSWALK_FILE, loadAreas, loadCrosswalk, loadReport, STRUCTURES } from './schema';

export interface BundleSource {
  reports: Report[];
  /** Text of data/reports/<file>. */
  readReport(file: string): Promise<string>;
  /** Text of data/areas/<file>. */
  readArea(file: string): Promise<string>;
  /** Loads more reports (the browser's stored uploads) after the bundled ones, before `figures` is built. */
  extraReports?(db: Connector): Promise<void>;
}

/** Creates the schema, loads every area structure and bundled report, and builds `figures`. */
export async function loadBundle(db: Connector, src: BundleSource): Promise<void> {
  // Marks (antq:db:*) let the benchmark and the browser's performance panel see where start-up time goes.
  const mark = (name: string) => globalThis.performance?.mark?.(`antq:db:${name}`);
  mark('start');
  await createSchema(db);
  const structures = Object.keys(STRUCTURES) as AreaStructure[];
  const areaTexts = await Promise.all(structures.map((s) => src.readArea(STRUCTURES[s].file)));
  for (const [i, s] of structures.entries()) await loadAreas(db, s, areaTexts[i]);
  await loadCrosswalk(db, await src.readArea(CROSSWALK_FILE));
  mark('areas');
  const reportTexts = await Promise.all(src.reports.map((r) => src.readReport(r.file)));
  for (const [i, r] of src.reports.entries()) await loadReport(db, r, reportTexts[i]);
  mark('reports');
  await src.extraReports?.(db);
  mark('uploads');
  await refreshFigures(db);
  mark('figures');
}

/** Tables of a prebuilt snapshot: loaded data first, then what `refreshFigures` derives from it. */
export const SNAPSHOT_TABLES = [
  'areas',
  'crosswalk',
  'reports',
  'observations',
  'area_paths',
  'figures'
] as const;
export type SnapshotTable = (typeof SNAPSHOT_TABLES)[number];
const DERIVED: SnapshotTable[] = ['area_paths', 'figures'];

/**
 * Loads the build's snapshot of every table (Arrow IPC, made at build time from the same `loadBundle`), which skips
 * parsing CSVs and deriving `figures` in the browser. When `extraReports` (this browser's uploads) added reports,
 * `figures` is derived anew. Observations are always loaded: an upload's preview and commit rebuild `figures` from
 * them, and a rebuild from uploads alone would drop every bundled figure.
 */
export async function loadSnapshot(
  db: Connector,
  fetchTable: (table: SnapshotTable) => Promise<Uint8Array>,
  extraReports?: (db: Connector) => Promise<void>
): Promise<void> {
  const mark = (name: string) => globalThis.performance?.mark?.(`antq:db:${name}`);
  mark('start');
  await createSchema(db);
  const bytes = await Promise.all(SNAPSHOT_TABLES.map(fetchTable));
  for (const [i, table] of SNAPSHOT_TABLES.entries())
    await db.importArrow(table, bytes[i], DERIVED.includes(table));
  mark('reports');
  await extraReports?.(db);
  mark('uploads');
  const [added] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM reports WHERE kind = 'uploaded'`);
  if (added.n > 0) await refreshFigures(db);
  mark('figures');
}
