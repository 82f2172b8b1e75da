import { buildDb } from '$lib/server/db';
import { districtsByName } from '$db/queries/areas';
import { overviewFeed, reportsFeed } from '$feeds/pages';

/** Computed at build time, so the first paint shows real figures without waiting for DuckDB. */
export async function load() {
  const db = await buildDb();
  const [overview, reports, districts] = await Promise.all([
    overviewFeed.load(db, { area: '01' }),
    reportsFeed.load(db, {}),
    db.query(districtsByName())
  ]);
  return { overview, reports, districts };
}
