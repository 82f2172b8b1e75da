/**
 * An embeddable chart: static HTML with the chart's SVG, and no SvelteKit client at all (`csr = false`):
 * - weight: the page is its HTML and CSS (tens of KB), never the dashboard's JS or DuckDB-WASM;
 * - sandboxed iframes (`sandbox="allow-scripts"`, opaque origin) throw on any localStorage access, which the
 *   dashboard's client (the root layout restores the language from it) would do on start.
 * What interaction an embed has comes from frame.js, a small inline script (see +page.svelte).
 */
import { buildDb } from '$lib/server/db';
import { chartById, CHARTS } from '$charts/registry';
import type { AnyChartDef } from '$charts/types';
import { chartFeed } from '$feeds/charts';
import { reportsFeed } from '$feeds/pages';
import type { ChartParams } from '$feeds/types';
import type { Lang } from '$i18n/format';
import { MESSAGES } from '$i18n/messages';
import { parseEmbedKey } from '$ui/export';
import { embedPaths, embedValues, NOT_FOUND_ID } from '../../embed.server';
import type { EntryGenerator, PageServerLoad } from './$types';

export const prerender = true;
export const csr = false;

export const entries: EntryGenerator = async () =>
  (await embedPaths()).map((p) => {
    const [, , chart, key] = p.split('/');
    return key ? { chart, key } : { chart };
  });

/** The dashboard view this chart comes from, for the "full view" link (only the overview exists so far). */
function fullView(id: string, params: ChartParams, lang: Lang): string {
  const q = new URLSearchParams();
  if (params.area !== '01') q.set('area', params.area);
  if (lang !== 'vi') q.set('lang', lang);
  const s = q.size ? `?${q}` : '';
  return `/${s}${id === 'tips-by-category' ? '#tips-by-category-title' : ''}`;
}

export const load: PageServerLoad = async ({ params: route }) => {
  const key = parseEmbedKey(route.key);
  const def = chartById(route.chart);
  const lang: Lang = key?.lang ?? 'vi';
  const charts = Object.values(CHARTS as Record<string, AnyChartDef>).map((d) => d.id);
  if (!def || !key) {
    return {
      kind: 'unknown' as const,
      lang,
      // The prerendered 404 page names no chart; frame.js names the one in the address it is served for.
      chart: route.chart === NOT_FOUND_ID ? '' : route.chart,
      charts
    };
  }
  const values = (await embedValues()).get(def.id)!;
  const params: ChartParams = { ...def.defaults };
  if (key.param) {
    if (!values[key.param].includes(key.value!))
      return { kind: 'bad' as const, lang, chart: def.id, problem: `${key.param}=${key.value}`, values };
    params[key.param] = key.value!;
  }
  const db = await buildDb();
  const [data, reports] = await Promise.all([chartFeed(def.id)!.load(db, params), reportsFeed.load(db, {})]);
  return {
    kind: 'chart' as const,
    lang,
    chart: def.id,
    params,
    defaults: def.defaults,
    values,
    data,
    reports,
    title: def.title(params, data, lang),
    fullView: fullView(def.id, params, lang),
    appTitle: MESSAGES[lang].app_title
  };
};
