import { buildDb } from '$lib/server/db';
import { districtsByName } from '$db/queries/areas';
import { reviewFeed } from '$feeds/review';

/**
 * The default review (the city, its latest real period) is prerendered, so it reads and prints without DuckDB; any
 * other area or period named in the URL is loaded in the browser through the same feed.
 */
export async function load() {
  const db = await buildDb();
  const [review, districts] = await Promise.all([
    reviewFeed.load(db, { area: '01', period: '' }),
    db.query(districtsByName())
  ]);
  return { review, districts };
}
