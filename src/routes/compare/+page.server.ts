import { buildDb } from '$lib/server/db';
import { areasAtLevel } from '$db/queries/areas';
import { reportList } from '$db/queries/reports';
import { areaSeries, childSeries } from '$db/queries/series';
import type { Figure } from '$model/figure';
import type { Report } from '$model/types';

/** Both comparisons start prerendered: the city's series (two periods) and the districts' tips (one period). */
export async function load() {
  const db = await buildDb();
  const [figures, districtFigures, districts, reports] = await Promise.all([
    db.query(areaSeries('01')) as unknown as Promise<Figure[]>,
    db.query(childSeries('01', 'tips')) as unknown as Promise<Figure[]>,
    db.query(areasAtLevel('district')),
    db.query(reportList()) as unknown as Promise<Report[]>
  ]);
  return { figures, districtFigures: districtFigures.filter((f) => f.category === ''), districts, reports };
}
