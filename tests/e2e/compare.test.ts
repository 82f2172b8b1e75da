import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, outsideRequests, type Session } from './browser';

const baseUrl = inject('baseUrl');
let s: Session;
beforeAll(async () => {
  s = await openBrowser();
});
afterAll(async () => s?.close());

describe('/compare', () => {
  it('compares two periods per year, sorts by % change, and keeps the state in the URL', async () => {
    const { page } = s;
    await page.goto(
      `${baseUrl}/compare?mode=periods&area=01&a=2013-01-01/2018-12-31&b=2023-01-01/2023-12-31`,
      {
        waitUntil: 'networkidle'
      }
    );
    const table = page.locator('[data-chart="compare"]');
    // The festival's 98.826 tips have no stated period: shown as given, never a rate, and not compared.
    const tips = await table.locator('tr[data-row="tips|"]').innerText();
    expect(tips).toMatch(/34\.705[\s\S]*98\.826[\s\S]*kỳ tính không được nêu/);
    expect(tips).not.toMatch(/%/);
    // Per-year comparisons with changes to sort: a district's (demo) figures in the same two periods.
    await page.goto(
      `${baseUrl}/compare?mode=periods&area=001&a=2013-01-01/2018-12-31&b=2023-01-01/2023-12-31`,
      { waitUntil: 'networkidle' }
    );
    await table.getByRole('button', { name: '%' }).click();
    const pcts = (await table.locator('tbody tr td:nth-child(5)').allInnerTexts())
      .map((v) =>
        v
          .replace(/[≈\s%]/g, '')
          .replace('−', '-')
          .replace(/\./g, '')
          .replace(',', '.')
      )
      .filter((v) => /^[+-]?\d/.test(v))
      .map(Number);
    expect(pcts.length).toBeGreaterThan(3);
    expect(pcts).toEqual([...pcts].sort((x, y) => y - x));
    expect(await page.locator('[data-chart="change-bars"] svg rect').count()).toBeGreaterThan(0);
    expect(await table.locator('svg.spark').count()).toBeGreaterThan(10);
  });

  it('compares the 30 districts in one period with share, rank and the back button restoring the view', async () => {
    const { page } = s;
    await page.getByLabel('Các địa bàn trong một kỳ').check();
    const rows = page.locator('[data-chart="compare-areas"] tbody tr');
    await expect.poll(() => rows.count()).toBe(30);
    expect(await rows.first().innerText()).toContain('1/30');
    expect(page.url()).toContain('mode=areas');
    await page.getByLabel('Chỉ tiêu:').selectOption({ label: 'Vụ mâu thuẫn, tranh chấp được hòa giải' });
    await expect
      .poll(() => page.locator('[data-chart="compare-areas"] thead').innerText(), { timeout: 30_000 })
      .toContain('mâu thuẫn');
    expect(page.url()).toContain('metric=disputes_resolved');
    await rows.first().locator('a').click();
    await page.waitForURL(/\/areas\/\d{3}$/);
    await page.goBack();
    await expect
      .poll(() => page.locator('[data-chart="compare-areas"] thead').innerText(), { timeout: 30_000 })
      .toContain('mâu thuẫn');
  });

  it('stays on localhost without console errors', () => {
    expect(outsideRequests(s.requests, baseUrl)).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});
