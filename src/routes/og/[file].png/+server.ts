/**
 * The preview picture (`og:image`) of every embed page, prerendered beside it: /og/<chart>[--<key>].png for
 * /embed/<chart>[/<key>]. The chart component is rendered on the server as the embed page renders it, and its
 * SVG drawn to PNG by resvg ($lib/server/og).
 */
import { render } from 'svelte/server';
import { chartById, chartMeta } from '$charts/registry';
import { MESSAGES } from '$i18n/messages';
import { formatDate } from '$i18n/format';
import { ogPng } from '$lib/server/og';
import { embedPaths, loadEmbed, NOT_FOUND_ID } from '../../embed/embed.server';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = async () =>
  (await embedPaths())
    .filter((p) => p !== `/embed/${NOT_FOUND_ID}`)
    .map((p) => ({ file: p.slice('/embed/'.length).replace('/', '--') }));

export const GET: RequestHandler = async ({ params }) => {
  const [chart, key] = params.file.split('--');
  const e = await loadEmbed(chart, key);
  const def = chartById(chart);
  if (e.kind !== 'chart' || !def) return new Response('no such chart', { status: 404 });
  const t = MESSAGES[e.lang];
  const meta = chartMeta(def, e.params, e.data, e.lang);
  const demo = e.data.figures.some((f) => f.kind === 'demo');
  const used = e.reports.filter((r) => e.data.figures.some((f) => f.report_id === r.id));
  const source = `${t.source}: ${used.map((r) => `${r.publisher.split(' — ')[0].split(' (')[0]}, ${formatDate(r.published, e.lang)}`).join('; ')}`;
  const { body } = render(def.component, { props: { data: e.data, params: e.params, lang: e.lang } });
  const png = ogPng({
    title: e.title,
    subtitle: meta.areaPeriod,
    unit: `${t.export_unit}: ${meta.unit}`,
    demo: demo ? `⚠ ${t.demo_explainer}` : '',
    source,
    markup: body
  });
  return new Response(png as BodyInit, { headers: { 'content-type': 'image/png' } });
};
