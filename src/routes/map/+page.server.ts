import { buildDb } from '$lib/server/db';
import { CHARTS } from '$charts/registry';
import { CHART_FEEDS } from '$feeds/charts';
import { reportsFeed } from '$feeds/pages';

/** The map of the default metric and latest period, with its paths projected here at build time. */
export async function load() {
  const db = await buildDb();
  const [chart, reports] = await Promise.all([
    CHART_FEEDS.map.load(db, CHARTS.map.defaults),
    reportsFeed.load(db, {})
  ]);
  return { chart, reports };
}
