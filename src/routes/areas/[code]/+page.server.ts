import { error } from '@sveltejs/kit';
import { buildDb } from '$lib/server/db';
import { areaCodes, areaPath, childAreas } from '$db/queries/areas';
import { CHART_FEEDS } from '$feeds/charts';
import { areaFeed, childrenFeed, reportsFeed } from '$feeds/pages';

/** Every unit of Hà Nội's 2019 structure (city, 30 districts, 579 communes) gets a prerendered page. */
export async function entries() {
  const db = await buildDb();
  return db.query(areaCodes());
}

/** The children are ranked by tips first; a person picks another metric on the page. */
const FIRST_METRIC = 'tips';

export async function load({ params }) {
  const db = await buildDb();
  const code = params.code;
  const path = await db.query(areaPath(code));
  if (!path.length) error(404, `Không có đơn vị hành chính mã ${code} / No area with code ${code}`);
  const [area, children, reports, kids] = await Promise.all([
    areaFeed.load(db, { code }),
    db.query(childAreas(code)),
    reportsFeed.load(db, {}),
    // Children are shown for one period at a time: the latest one the children have figures for.
    childrenFeed.load(db, { code, period: '' })
  ]);
  const ranked = await CHART_FEEDS['children-ranked'].load(db, {
    area: code,
    metric: FIRST_METRIC,
    period: kids.period
  });
  return { code, path, area, children, kids, ranked, metric: FIRST_METRIC, reports };
}
