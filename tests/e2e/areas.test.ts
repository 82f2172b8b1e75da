import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, outsideRequests, type Session } from './browser';

const baseUrl = inject('baseUrl');
let s: Session;
beforeAll(async () => {
  s = await openBrowser();
});
afterAll(async () => s?.close());

describe('drill-down from city to district to commune', () => {
  it('shows the city with the published 2013–2018 tips, its 30 districts, and drills into one by its link', async () => {
    const { page } = s;
    await page.goto(`${baseUrl}/areas/01`, { waitUntil: 'networkidle' });
    expect(await page.locator('h1').innerText()).toBe('Hà Nội');
    expect(await page.locator('[data-chart="area-periods"]').innerText()).toContain('208.229');
    expect(await page.locator('[data-chart="children-table"] tbody tr').count()).toBe(30);
    await page.locator('[data-chart="children-table"] a', { hasText: 'Quận Ba Đình' }).click();
    await page.waitForURL(/\/areas\/001$/);
    expect(await page.locator('h1').innerText()).toBe('Quận Ba Đình');
    expect(await page.locator('nav.crumbs').innerText()).toContain('Hà Nội');
  });

  it('ranks the district among the 30 and sorts its communes by a column', async () => {
    const { page } = s;
    expect(await page.locator('ul.ranks').innerText()).toMatch(/\d+\/30/);
    const table = page.locator('[data-chart="children-table"]');
    await table.getByRole('button', { name: 'Tin báo của quần chúng' }).click();
    expect(await table.locator('th[aria-sort="descending"]').count()).toBe(1);
    const values = (await table.locator('tbody tr td:nth-child(2)').allInnerTexts()).map((v) =>
      Number(v.replace(/\./g, ''))
    );
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });

  it('changes the children’s period from the build’s files, without starting DuckDB', async () => {
    const { page } = s;
    const before = await page.locator('[data-chart="children-table"] tbody').innerText();
    await page.getByLabel('Kỳ:').selectOption({ label: '2019' });
    await expect
      .poll(() => page.locator('[data-chart="children-table"] h2').innerText(), { timeout: 30_000 })
      .toContain('2019');
    await expect
      .poll(() => page.locator('[data-chart="children-table"] tbody').innerText(), { timeout: 30_000 })
      .not.toBe(before);
    // The ranked chart follows the table to the same period.
    await expect
      .poll(() => page.locator('[data-chart="children-ranked"] h2').innerText(), { timeout: 30_000 })
      .toContain('2019');
    const feeds = s.requests.filter((u) => u.includes('/feeds/'));
    expect(feeds, feeds.join(' ')).toContainEqual(expect.stringMatching(/\/feeds\/area-children\/\d+~2019/));
    expect(s.requests.some((u) => u.endsWith('.wasm'))).toBe(false);
  });

  it('reaches a commune page whose breadcrumbs lead back up', async () => {
    const { page } = s;
    await page.goto(`${baseUrl}/areas/00001`, { waitUntil: 'networkidle' });
    expect(await page.locator('nav.crumbs').innerText()).toMatch(
      /Hà Nội\s*›?\s*Quận Ba Đình\s*›?\s*Phường Phúc Xá/
    );
    expect(await page.locator('[data-chart="area-periods"] [role="note"]').innerText()).toContain('minh họa');
  });

  it('stays on localhost without console errors', () => {
    expect(outsideRequests(s.requests, baseUrl)).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});
