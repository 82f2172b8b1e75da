/**
 * Which embed pages exist. Embeds are static files (no server, no DuckDB in the reader's browser), so every
 * parameter value an embed may show is prerendered: each chart at its defaults, and one page per value of ONE
 * controllable parameter (each district for `area`, each metric with data for `metric`, each period with data
 * for `period`), in Vietnamese and English. Combinations of two changed parameters are not prerendered: that
 * would be areas × metrics × periods pages; the embed says so and links to the dashboard instead.
 */
import { buildDb } from '$lib/server/db';
import type { Connector } from '$db/connector';
import { areasAtLevel } from '$db/queries/areas';
import { areaSeries } from '$db/queries/series';
import { periodsOf } from '$model/compare';
import { CHARTS } from '$charts/registry';
import { CHART_FEEDS, type ChartId } from '$feeds/charts';
import type { AnyChartDef } from '$charts/types';
import type { Lang } from '$i18n/format';
import { embedPath, parseEmbedKey, type EmbedParam } from '$ui/export';
import { chartById } from '$charts/registry';
import { chartFeed } from '$feeds/charts';
import { reportsFeed } from '$feeds/pages';
import type { ChartParams } from '$feeds/types';
import { MESSAGES } from '$i18n/messages';

/** Valid values of each parameter of one chart (the default only, when the chart fixes that parameter). */
export type EmbedValues = Record<EmbedParam, string[]>;

/** The id under which the "no such chart" page is prerendered (build/embed/404.html; see README). */
export const NOT_FOUND_ID = '404';
export const LANGS: Lang[] = ['vi', 'en'];

async function valuesOf(db: Connector, def: AnyChartDef): Promise<EmbedValues> {
  const d = def.defaults;
  const feed = CHART_FEEDS[def.id as ChartId];
  const has = async (p: Partial<typeof d>) => (await feed.load(db, { ...d, ...p })).figures.length > 0;
  const city = await db.query(areaSeries(d.area));
  const values: EmbedValues = { area: [d.area], metric: [d.metric], period: [d.period] };
  if (def.controls.includes('area')) {
    const districts = await db.query(areasAtLevel('district'));
    values.area = [d.area, ...districts.map((r) => r.code)];
  }
  if (def.controls.includes('metric')) {
    const metrics = [...new Set(city.map((f) => f.metric))].filter((m) => m !== d.metric).sort();
    for (const m of metrics) if (await has({ metric: m })) values.metric.push(m);
  }
  if (def.controls.includes('period')) {
    for (const p of periodsOf(city.filter((f) => f.metric === d.metric)))
      if (await has({ period: p.key })) values.period.push(p.key);
  }
  return values;
}

let cache: Promise<Map<string, EmbedValues>> | undefined;

/** Valid parameter values of every registered chart, computed once per build. */
export function embedValues(): Promise<Map<string, EmbedValues>> {
  cache ??= buildDb().then(async (db) => {
    const out = new Map<string, EmbedValues>();
    for (const def of Object.values(CHARTS) as AnyChartDef[]) out.set(def.id, await valuesOf(db, def));
    return out;
  });
  return cache;
}

/** Every prerendered embed path (also read by the page-weight test through build/). */
export async function embedPaths(): Promise<string[]> {
  const paths = [`/embed/${NOT_FOUND_ID}`];
  for (const [id, values] of await embedValues()) {
    const d = (CHARTS as Record<string, AnyChartDef>)[id].defaults;
    for (const lang of LANGS) {
      paths.push(embedPath(id, d, d, lang));
      for (const param of ['area', 'metric', 'period'] as const)
        for (const v of values[param].slice(1)) paths.push(embedPath(id, { ...d, [param]: v }, d, lang));
    }
  }
  return paths;
}

/** The dashboard view this chart comes from, for the "full view" link (only the overview exists so far). */
function fullView(id: string, params: ChartParams, lang: Lang): string {
  const q = new URLSearchParams();
  if (params.area !== '01') q.set('area', params.area);
  if (lang !== 'vi') q.set('lang', lang);
  const s = q.size ? `?${q}` : '';
  return `/${s}${id === 'tips-by-category' ? '#tips-by-category-title' : ''}`;
}

/** The prerendered preview picture of an embed page (`og:image`), made by routes/og. */
export function ogImagePath(chart: string, key?: string): string {
  return `/og/${chart}${key ? `--${key}` : ''}.png`;
}

/** What an embed page (and its preview picture) shows: the chart with its data, a bad parameter, or no chart. */
export async function loadEmbed(chart: string, rawKey: string | undefined) {
  const key = parseEmbedKey(rawKey);
  const def = chartById(chart);
  const lang: Lang = key?.lang ?? 'vi';
  const charts = Object.values(CHARTS as Record<string, AnyChartDef>).map((d) => d.id);
  if (!def || !key) {
    return {
      kind: 'unknown' as const,
      lang,
      // The prerendered 404 page names no chart; frame.js names the one in the address it is served for.
      chart: chart === NOT_FOUND_ID ? '' : chart,
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
    description: def.description(params, lang),
    fullView: fullView(def.id, params, lang),
    appTitle: MESSAGES[lang].app_title
  };
}
