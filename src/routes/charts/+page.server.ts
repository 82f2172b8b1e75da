import { buildDb } from '$lib/server/db';
import { CHARTS } from '$charts/registry';
import { areasAtLevel } from '$db/queries/areas';
import { CHART_FEEDS, type ChartId } from '$feeds/charts';
import { periodsFeed, reportsFeed } from '$feeds/pages';
import type { ChartData } from '$feeds/types';

/** Every registered chart at its defaults, computed at build time. */
export async function load() {
  const db = await buildDb();
  const ids = Object.keys(CHARTS) as ChartId[];
  const charts: Record<string, ChartData> = {};
  for (const id of ids) charts[id] = await CHART_FEEDS[id].load(db, CHARTS[id].defaults);
  return {
    ids,
    charts,
    districts: await db.query(areasAtLevel('district')),
    periods: await periodsFeed.load(db, {}),
    reports: await reportsFeed.load(db, {})
  };
}
