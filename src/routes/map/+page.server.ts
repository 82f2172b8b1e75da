import { buildDb } from '$lib/server/db';
import { reportList } from '$db/queries/reports';
import { CHARTS } from '$charts/registry';
import type { Report } from '$model/types';

/** The map of the default metric and latest period, with its paths projected here at build time. */
export async function load() {
  const db = await buildDb();
  const def = CHARTS.map;
  const chart = await def.load(db, def.defaults);
  const reports = (await db.query(reportList())) as unknown as Report[];
  return { chart, reports };
}
