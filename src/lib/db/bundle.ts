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
  /** Adds more reports (the browser's stored uploads) once the bundled ones and their `figures` are in. */
  extraReports?(db: Connector): Promise<unknown>;
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
  await refreshFigures(db);
  mark('figures');
  await src.extraReports?.(db);
  mark('uploads');
  mark('ready');
}

/**
 * Tables of a prebuilt snapshot: loaded data first, then what `refreshFigures` derives from it — `leaf_counts` and
 * `candidates` too, so a browser that adds its stored uploads on start-up decides them without deriving the bundled
 * reports' candidates first (figures.ts, `ensureCandidates`).
 */
export const SNAPSHOT_TABLES = [
  'areas',
  'crosswalk',
  'reports',
  'observations',
  'area_paths',
  'leaf_counts',
  'candidates',
  'figures'
] as const;
export type SnapshotTable = (typeof SNAPSHOT_TABLES)[number];
const DERIVED: SnapshotTable[] = ['area_paths', 'leaf_counts', 'candidates', 'figures'];

/**
 * Loads the build's snapshot of every table (Arrow IPC, made at build time from the same `loadBundle`), which skips
 * parsing CSVs and deriving `figures` in the browser; `extraReports` (this browser's uploads) then add their own
 * figures (figures.ts: `addReportFigures`). Observations are always loaded: an upload's figures are decided against
 * the candidates derived from them.
 */
export async function loadSnapshot(
  db: Connector,
  fetchTable: (table: SnapshotTable) => Promise<Uint8Array>,
  extraReports?: (db: Connector) => Promise<unknown>
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
  mark('ready');
}
