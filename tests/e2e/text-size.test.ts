/**
 * Chart text stays readable on a phone: at 390 px every text of every registered chart (on /charts, with scripts,
 * and in its embed, without) renders at 11 CSS px or more: an SVG text's computed font-size times the SVG's scale,
 * and the HTML text drawn with the chart (legends, panel names, the map's notes).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHARTS } from '$charts/registry';
import { openBrowser, type Session } from './browser';

const baseUrl = inject('baseUrl');
const CHART_IDS = Object.keys(CHARTS);
const MIN = 11;
let s: Session;

beforeAll(async () => {
  s = await openBrowser({ width: 390 });
});
afterAll(async () => s?.close());

/** The smallest rendered text in the charts under `root`, with the text that has it. */
export async function smallestText(page: Page, root: string) {
  return page.evaluate((sel) => {
    const sizes: { size: number; text: string; chart: string }[] = [];
    for (const frame of document.querySelectorAll<HTMLElement>(sel)) {
      for (const el of frame.querySelectorAll<SVGTextElement>('svg text')) {
        if (el.closest('details')) continue;
        const box = el.getBoundingClientRect();
        if (!box.width || !el.textContent?.trim()) continue;
        const ctm = el.getScreenCTM();
        const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 1;
        sizes.push({
          size: parseFloat(getComputedStyle(el).fontSize) * scale,
          text: el.textContent.trim().slice(0, 40),
          chart: frame.dataset.chart ?? ''
        });
      }
      // HTML text of the chart itself: not its heading, buttons, table alternative or source line.
      for (const el of frame.querySelectorAll<HTMLElement>('*')) {
        if (el.closest('svg, header, details, .source, .actions') || el.matches('h2, [hidden]')) continue;
        const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim());
        if (!own || !el.getClientRects().length) continue;
        sizes.push({
          size: parseFloat(getComputedStyle(el).fontSize),
          text: el.textContent!.trim().slice(0, 40),
          chart: frame.dataset.chart ?? ''
        });
      }
    }
    sizes.sort((a, b) => a.size - b.size);
    return { count: sizes.length, smallest: sizes.slice(0, 3) };
  }, root);
}

describe('chart text at 390 px', () => {
  it.each(CHART_IDS)('%s on /charts is at least 11 px', async (id) => {
    if (!s.page.url().endsWith('/charts'))
      await s.page.goto(`${baseUrl}/charts`, { waitUntil: 'networkidle' });
    const r = await smallestText(s.page, `#chart-${id} [data-chart="${id}"]`);
    console.log(`/charts ${id}: ${r.count} texts, smallest ${JSON.stringify(r.smallest[0])}`);
    expect(r.smallest[0]?.size ?? MIN, JSON.stringify(r.smallest)).toBeGreaterThanOrEqual(MIN - 0.01);
  });
  it.each(CHART_IDS)('%s embed without scripts is at least 11 px', async (id) => {
    await s.page.goto(`${baseUrl}/embed/${id}`, { waitUntil: 'networkidle' });
    const r = await smallestText(s.page, '[data-chart]');
    console.log(`/embed/${id}: ${r.count} texts, smallest ${JSON.stringify(r.smallest[0])}`);
    expect(r.count).toBeGreaterThan(0);
    expect(r.smallest[0].size, JSON.stringify(r.smallest)).toBeGreaterThanOrEqual(MIN - 0.01);
  });
});
