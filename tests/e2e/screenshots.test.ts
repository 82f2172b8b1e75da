/**
 * A screenshot of every registered chart, rendered in Chromium on /charts at its defaults, at 1280 px (a desktop)
 * and 390 px (a phone, `<id>.390.png`), compared with the one kept in tests/e2e/__screenshots__/. Set UPDATE_SCREENSHOTS=1 to rewrite them after an intended change (and look
 * at the new pictures before committing them).
 */
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { CHARTS } from '$charts/registry';
import { openBrowser, type Session } from './browser';
import { expectKeptScreenshot } from './kept-screenshot';

const CHART_IDS = Object.keys(CHARTS);

const baseUrl = inject('baseUrl');
const WIDTHS = [1280, 390] as const;
const sessions = new Map<number, Session>();

beforeAll(async () => {
  for (const width of WIDTHS) {
    const s = await openBrowser({ width });
    await s.page.goto(`${baseUrl}/charts`, { waitUntil: 'networkidle' });
    await s.page.addStyleTag({
      content:
        '*, *::before, *::after { transition: none !important; animation: none !important; caret-color: transparent !important; }'
    });
    sessions.set(width, s);
  }
});
afterAll(async () => {
  for (const s of sessions.values()) await s.close();
});

describe.each(WIDTHS)('every registered chart looks as kept at %i px', (width) => {
  it.each(CHART_IDS)('%s', async (id) => {
    const s = sessions.get(width)!;
    const el = s.page.locator(`#chart-${id} [data-chart="${id}"]`);
    await el.scrollIntoViewIfNeeded();
    const shot = await el.screenshot({ animations: 'disabled' });
    expectKeptScreenshot(width === 1280 ? id : `${id}.${width}`, shot);
  });
});
