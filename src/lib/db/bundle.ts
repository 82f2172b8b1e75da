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
  await createSchema(db);
  const structures = Object.keys(STRUCTURES) as AreaStructure[];
  const areaTexts = await Promise.all(structures.map((s) => src.readArea(STRUCTURES[s].file)));
  for (const [i, s] of structures.entries()) await loadAreas(db, s, areaTexts[i]);
  await loadCrosswalk(db, await src.readArea(CROSSWALK_FILE));
  const reportTexts = await Promise.all(src.reports.map((r) => src.readReport(r.file)));
  for (const [i, r] of src.reports.entries()) await loadReport(db, r, reportTexts[i]);
  await src.extraReports?.(db);
  await refreshFigures(db);
}
