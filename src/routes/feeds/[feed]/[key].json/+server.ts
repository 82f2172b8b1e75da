/** A feed's result as a file (see $feeds/files): written at build time for the entries of prebuilt.server.ts. */
import { error, json } from '@sveltejs/kit';
import { buildDb } from '$lib/server/db';
import { CHART_FEEDS } from '$feeds/charts';
import { feedKey, paramsOfKey } from '$feeds/files';
import { childrenFeed, districtsFeed, overviewFeed } from '$feeds/pages';
import type { FeedDef } from '$feeds/types';
import { prebuiltEntries } from '../../prebuilt.server';

export const prerender = true;

/** The feeds written as files, with the names of their params. */
const FEEDS: Record<string, { def: FeedDef<never, unknown>; names: string[] }> = {
  overview: { def: overviewFeed, names: ['area'] },
  'area-children': { def: childrenFeed, names: ['code', 'period'] },
  'compare-areas': { def: districtsFeed, names: ['metric'] },
  ...Object.fromEntries(
    Object.values(CHART_FEEDS).map((def) => [def.id, { def, names: ['area', 'metric', 'period'] }])
  )
};

export async function entries() {
  return (await prebuiltEntries()).map((e) => ({ feed: e.feed, key: feedKey(e.params)! }));
}

export async function GET({ params }) {
  const feed = FEEDS[params.feed];
  if (!feed) error(404, `No feed ${params.feed}`);
  const p = paramsOfKey(params.key, feed.names);
  if (feedKey(p) !== params.key) error(404, `No result ${params.key} of ${params.feed}`);
  return json(await feed.def.load(await buildDb(), p as never));
}
