import { buildDb } from '$lib/server/db';
import { areaSeries } from '$db/queries/series';
import { reportList } from '$db/queries/reports';
import { q } from '$db/connector';
import type { Figure } from '$model/figure';
import type { Report } from '$model/types';
import reportsMeta from '$data/reports.json';
import { CHARTS } from '$charts/registry';

/** Computed at build time, so the first paint shows real figures without waiting for DuckDB. */
export async function load() {
  const db = await buildDb();
  const tips = CHARTS['tips-by-category'];
  const [figures, reports, districts, tipsChart] = await Promise.all([
    db.query(areaSeries('01')),
    db.query(reportList()),
    db.query<{ code: string; name: string; type: string }>(
      q(`SELECT code, name, type FROM areas WHERE structure = 'hn2019' AND level = 'district' ORDER BY name`)
    ),
    tips.load(db, tips.defaults)
  ]);
  const breaks = new Map((reportsMeta as Report[]).map((r) => [r.id, r.breaks ?? []]));
  return {
    figures: figures as unknown as Figure[],
    reports: reports.map((r) => ({ ...r, breaks: breaks.get(r.id) ?? [] })) as (Report & {
      observations: number;
    })[],
    districts,
    tipsChart
  };
}
