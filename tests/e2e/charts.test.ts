import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, type Session } from './browser';

const baseUrl = inject('baseUrl');
let s: Session;
beforeAll(async () => {
  // Narrow, where the pickers fill the row and a notice in its corner would cover one.
  s = await openBrowser({ width: 420 });
});
afterAll(async () => s?.close());

describe('/charts', () => {
  it('marks a reloading chart busy, says so under its pickers when it is slow, and keeps the view in the URL', async () => {
    const { page } = s;
    await page.goto(`${baseUrl}/charts`, { waitUntil: 'networkidle' });
    const block = page.locator('#chart-children-ranked');
    const metric = block.locator('.controls label:nth-of-type(2) select');
    expect(await block.getAttribute('aria-busy')).toBe('false');
    // One change from the defaults is answered from the build's files, without DuckDB.
    await block.locator('.controls label:nth-of-type(1) select').selectOption('001');
    await page.waitForFunction(
      () => document.querySelector('#chart-children-ranked')!.getAttribute('aria-busy') === 'false'
    );
    expect(await block.locator('h2, h3').first().innerText()).toMatch(/Ba Đình/);
    expect(s.requests.some((u) => u.endsWith('.wasm'))).toBe(false);
    // A second change makes a view no file holds: it starts DuckDB (seconds), busy at once, and the notice shows
    // once it takes longer than 150 ms.
    await metric.selectOption('tips');
    expect(await block.getAttribute('aria-busy')).toBe('true');
    const notice = block.getByRole('status');
    await notice.waitFor({ state: 'visible' });
    expect(await notice.innerText()).toMatch(/Đang tải/);
    // Under the pickers, not over one of them.
    const n = (await notice.boundingBox())!;
    for (const select of await block.locator('.controls select').all()) {
      const b = (await select.boundingBox())!;
      expect(n.y >= b.y + b.height || n.x >= b.x + b.width || n.x + n.width <= b.x).toBe(true);
    }
    await page.waitForFunction(
      () => document.querySelector('#chart-children-ranked')!.getAttribute('aria-busy') === 'false',
      null,
      {
        timeout: 60_000
      }
    );
    expect(await notice.count()).toBe(0);
    expect(await block.locator('h2, h3').first().innerText()).toMatch(/Tin báo.*Ba Đình/);
    expect(s.requests.some((u) => u.endsWith('.wasm'))).toBe(true);
    await page.waitForURL(/children-ranked\.metric=tips/);
  });

  it('small multiples show the figure under the pointer, and the latest one on keyboard focus', async () => {
    const { page } = s;
    await page.goto(`${baseUrl}/charts`, { waitUntil: 'networkidle' });
    const panel = page.locator('#chart-district-multiples li').first();
    const svg = panel.locator('svg');
    await panel.scrollIntoViewIfNeeded();
    const box = (await svg.boundingBox())!;
    const tip = panel.getByRole('status');
    expect(await tip.count()).toBe(0);
    // The prerendered page, no DuckDB: the tooltip reads the figures already drawn.
    await page.mouse.move(box.x + box.width * 0.05, box.y + box.height / 2);
    const first = await tip.innerText();
    expect(first).toMatch(/^2\d{3}[^:]*: [\d.,]+ /);
    expect(await svg.locator('rect.hover').count()).toBe(1);
    await page.mouse.move(box.x + box.width * 0.97, box.y + box.height / 2);
    const last = await tip.innerText();
    expect(last).not.toBe(first);
    // Every figure the tooltip shows is one the panel's name reads out.
    const label = (await panel.locator('a').getAttribute('aria-label'))!;
    for (const text of [first, last]) expect(label).toContain(text.split(/ [^\d.,]+$/)[0].replace(': ', ' '));
    await page.mouse.move(0, 0);
    expect(await tip.count()).toBe(0);
    await panel.locator('a').focus();
    expect(await tip.innerText()).toBe(last);
  });
});
