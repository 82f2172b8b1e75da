import { buildDb } from '$lib/server/db';
import { CHARTS, type ChartId } from '$charts/registry';
import type { ChartData } from '$charts/types';
import { areasAtLevel } from '$db/queries/areas';
import { reportList } from '$db/queries/reports';
import { periodList } from '$db/queries/series';
import type { Report } from '$model/types';

/** Every registered chart at its defaults, computed at build time. */
export async function load() {
  const db = await buildDb();
  const ids = Object.keys(CHARTS) as ChartId[];
  const charts: Record<string, ChartData> = {};
  for (const id of ids) charts[id] = await CHARTS[id].load(db, CHARTS[id].defaults);
  return {
    ids,
    charts,
    districts: await db.query(areasAtLevel('district')),
    periods: await db.query(periodList()),
    reports: (await db.query(reportList())) as unknown as Report[]
  };
}
