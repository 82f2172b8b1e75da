/**
 * Which feed results the build writes out (see $feeds/files): what a view of bundled data may ask for with one
 * picker change — every district on the overview, each period of an area's children, each metric across the
 * districts, and each chart at the values its embeds offer (one parameter changed from its defaults).
 */
import { buildDb } from '$lib/server/db';
import { CHARTS } from '$charts/registry';
import { areasAtLevel } from '$db/queries/areas';
import { CHART_FEEDS, type ChartId } from '$feeds/charts';
import { feedKey } from '$feeds/files';
import { childrenFeed } from '$feeds/pages';
import { MAP_METRICS } from '$model/map';
import { CHILD_METRICS, METRICS } from '$model/metrics';
import { embedValues } from '../embed/embed.server';

export type Entry = { feed: string; params: Record<string, string> };

async function list(): Promise<Entry[]> {
  const db = await buildDb();
  const areas = ['01', ...(await db.query(areasAtLevel('district'))).map((a) => a.code)];
  const out: Entry[] = areas.map((area) => ({ feed: 'overview', params: { area } }));
  for (const m of METRICS.filter((m) => m.aggregate.kind !== 'none'))
    out.push({ feed: 'compare-areas', params: { metric: m.id } });
  for (const code of areas) {
    const { periods, period: latest } = await childrenFeed.load(db, { code, period: '' });
    for (const p of periods) {
      out.push({ feed: 'area-children', params: { code, period: p.key } });
      out.push({ feed: 'children-ranked', params: { area: code, metric: 'tips', period: p.key } });
    }
    for (const metric of CHILD_METRICS)
      out.push({ feed: 'children-ranked', params: { area: code, metric, period: latest } });
  }
  for (const [id, values] of await embedValues()) {
    const d = CHARTS[id as ChartId].defaults;
    out.push({ feed: id, params: { ...d } });
    for (const param of ['area', 'metric', 'period'] as const)
      for (const v of values[param].slice(1)) out.push({ feed: id, params: { ...d, [param]: v } });
  }
  // The map keeps its period when its metric changes: every metric in every period it has.
  for (const metric of MAP_METRICS) {
    const map = await CHART_FEEDS.map.load(db, { area: '01', metric, period: '' });
    for (const p of map.shaped.periods)
      out.push({ feed: 'map', params: { area: '01', metric, period: p.key } });
  }
  // One file per (feed, params), whichever list asked for it first.
  const seen = new Set<string>();
  return out.filter((e) => {
    const k = `${e.feed}/${feedKey(e.params)}`;
    return !seen.has(k) && !!seen.add(k);
  });
}

let cache: Promise<Entry[]> | undefined;
/** Every feed result the build writes, computed once per build. */
export const prebuiltEntries = () => (cache ??= list());
