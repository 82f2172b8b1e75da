import { buildDb } from '$lib/server/db';
import { areasAtLevel } from '$db/queries/areas';
import { districtsFeed, overviewFeed, reportsFeed } from '$feeds/pages';

/** Both comparisons start prerendered: the city's series (two periods) and the districts' tips (one period). */
export async function load() {
  const db = await buildDb();
  const [overview, districtFigures, districts, reports] = await Promise.all([
    overviewFeed.load(db, { area: '01' }),
    districtsFeed.load(db, { metric: 'tips' }),
    db.query(areasAtLevel('district')),
    reportsFeed.load(db, {})
  ]);
  return { overview, districtFigures, districts, reports };
}
