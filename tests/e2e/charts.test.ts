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
    await metric.selectOption('tips');
    // The first change starts DuckDB (seconds): busy at once, and the notice shows once it takes longer than 150 ms.
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
    expect(await block.locator('h2, h3').first().innerText()).toMatch(/Tin báo/);
    await page.waitForURL(/children-ranked\.metric=tips/);
  });
});
