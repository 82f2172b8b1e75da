/**
 * An embeddable chart: static HTML with the chart's SVG, and no SvelteKit client at all (`csr = false`):
 * - weight: the page is its HTML and CSS (tens of KB), never the dashboard's JS or DuckDB-WASM;
 * - sandboxed iframes (`sandbox="allow-scripts"`, opaque origin) throw on any localStorage access, which the
 *   dashboard's client (the root layout restores the language from it) would do on start.
 * What interaction an embed has comes from frame.js, a small inline script (see +page.svelte).
 */
import { embedPaths, loadEmbed, ogImagePath } from '../../embed.server';
import type { EntryGenerator, PageServerLoad } from './$types';

export const prerender = true;
export const csr = false;

export const entries: EntryGenerator = async () =>
  (await embedPaths()).map((p) => {
    const [, , chart, key] = p.split('/');
    return key ? { chart, key } : { chart };
  });

export const load: PageServerLoad = async ({ params: route }) => {
  const e = await loadEmbed(route.chart, route.key);
  return e.kind === 'chart' ? { ...e, ogImage: ogImagePath(route.chart, route.key) } : e;
};
