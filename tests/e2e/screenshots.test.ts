/**
 * A screenshot of every registered chart, rendered in Chromium on /charts at its defaults, at 1280 px (a desktop)
 * and 390 px (a phone, `<id>.390.png`), compared with the one kept in tests/e2e/__screenshots__/. Set UPDATE_SCREENSHOTS=1 to rewrite them after an intended change (and look
 * at the new pictures before committing them).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { CHARTS } from '$charts/registry';
import { openBrowser, type Session } from './browser';

const CHART_IDS = Object.keys(CHARTS);

const baseUrl = inject('baseUrl');
const DIR = 'tests/e2e/__screenshots__';
const OUT = 'tests/e2e/__output__';
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';
/** Share of pixels allowed to differ: antialiasing noise, not a changed bar or label. */
const TOLERANCE = 0.005;
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
    const name = width === 1280 ? id : `${id}.${width}`;
    const file = join(DIR, `${name}.png`);
    if (UPDATE || !existsSync(file)) {
      mkdirSync(DIR, { recursive: true });
      writeFileSync(file, shot);
      if (!UPDATE)
        throw new Error(`No kept screenshot for ${name}: wrote ${file}; look at it, commit it, run again`);
      return;
    }
    const [a, b] = [PNG.sync.read(readFileSync(file)), PNG.sync.read(shot)];
    expect({ width: b.width, height: b.height }, `size of ${name}`).toEqual({
      width: a.width,
      height: a.height
    });
    const diff = new PNG({ width: a.width, height: a.height });
    const n = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.1 });
    if (n / (a.width * a.height) > TOLERANCE) {
      mkdirSync(OUT, { recursive: true });
      writeFileSync(join(OUT, `${name}.actual.png`), shot);
      writeFileSync(join(OUT, `${name}.diff.png`), PNG.sync.write(diff));
    }
    expect(
      n / (a.width * a.height),
      `share of pixels that differ for ${name} (see ${OUT})`
    ).toBeLessThanOrEqual(TOLERANCE);
  });
});
