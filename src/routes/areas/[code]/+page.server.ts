import { error } from '@sveltejs/kit';
import { buildDb } from '$lib/server/db';
import { q } from '$db/connector';
import { areaPath, childAreas } from '$db/queries/areas';
import { childTotals, siblingRanks } from '$db/queries/drill';
import { areaSeries, childSeries } from '$db/queries/series';
import { periodsOf } from '$model/compare';
import type { Figure } from '$model/figure';
import type { Report } from '$model/types';
import { reportList } from '$db/queries/reports';
import { CHARTS } from '$charts/registry';

/** Every unit of Hà Nội's 2019 structure (city, 30 districts, 579 communes) gets a prerendered page. */
export async function entries() {
  const db = await buildDb();
  const rows = await db.query<{ code: string }>(
    q(`SELECT code FROM areas WHERE structure = 'hn2019' ORDER BY code`)
  );
  return rows.map((r) => ({ code: r.code }));
}

export async function load({ params }) {
  const db = await buildDb();
  const path = await db.query(areaPath(params.code));
  if (!path.length)
    error(404, `Không có đơn vị hành chính mã ${params.code} / No area with code ${params.code}`);
  const [figures, ranks, children, reports] = await Promise.all([
    db.query(areaSeries(params.code)) as unknown as Promise<Figure[]>,
    db.query(siblingRanks(params.code)),
    db.query(childAreas(params.code)),
    db.query(reportList()) as unknown as Promise<Report[]>
  ]);
  // Children are shown for one period at a time: the latest one the children have figures for.
  const childPeriods = children.length
    ? periodsOf((await db.query(childSeries(params.code, 'tips'))) as unknown as Figure[])
    : [];
  const latest = childPeriods.at(-1);
  const totals = latest ? await db.query(childTotals(params.code, latest.start, latest.end)) : [];
  const tips = CHARTS['tips-by-category'];
  const tipsChart = await tips.load(db, { ...tips.defaults, area: params.code });
  return {
    code: params.code,
    path,
    figures,
    ranks,
    children,
    childPeriods,
    childPeriod: latest?.key ?? '',
    childTotals: totals,
    tipsChart,
    reports
  };
}
