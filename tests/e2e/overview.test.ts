import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, outsideRequests, type Session } from './browser';

const baseUrl = inject('baseUrl');
let s: Session;

beforeAll(async () => {
  s = await openBrowser();
});
afterAll(async () => s?.close());

describe('overview in Chromium against the built site', () => {
  it('prerenders the published 2013–2018 tips with their four categories and source, before any script runs', async () => {
    const html = await (await fetch(`${baseUrl}/`)).text();
    expect(html).toContain('208.229');
    for (const v of ['24.962', '115.301', '55.226', '12.740']) expect(html).toContain(v);
    expect(html).toContain('Cổng thông tin Ủy ban MTTQ Việt Nam TP Hà Nội');
    expect(html).toContain('<svg'); // the chart itself is in the HTML
  });

  it('shows 208.229 tips for 2013–2018 with its four categories in the table alternative', async () => {
    const { page } = s;
    await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
    const chart = page.locator('[data-chart="tips-by-category"]');
    await chart.getByText('Xem dạng bảng').click();
    const rows = chart.locator('table tbody tr', { hasText: '2013–2018' });
    await expect.poll(() => rows.count()).toBe(5);
    const text = (await rows.allInnerTexts()).join('\n');
    expect(text).toMatch(/Tin báo của quần chúng\s+208\.229/);
    for (const [cat, v] of [
      ['An ninh chính trị', '24.962'],
      ['Tội phạm hình sự', '115.301'],
      ['Tệ nạn xã hội', '55.226'],
      ['Tin khác', '12.740']
    ]) {
      expect(text).toMatch(new RegExp(`${cat}\\s+${v.replace('.', '\\.')}`));
    }
    const compare = page.locator('[data-chart="compare"] tr[data-row="tips|"]');
    await expect.poll(() => compare.innerText()).toContain('208.229');
    await expect
      .poll(() => page.locator('[data-chart="compare"] tr[data-row="disputes_resolved|"]').innerText())
      .toContain('> 15.000');
  });

  it('marks demo data wherever the chart shows it', async () => {
    const chart = s.page.locator('[data-chart="tips-by-category"]');
    expect(await chart.getByRole('note').innerText()).toContain('minh họa');
    expect(await chart.locator('path.hatch').count()).toBeGreaterThan(0);
  });

  it('lets the keyboard reach each period bar, whose name reads out its values', async () => {
    const chart = s.page.locator('[data-chart="tips-by-category"]');
    // The bars in time order (`data-i`); in the page they are in paint order, the longest periods first.
    const n = await chart.locator('.bar').count();
    const bar = (i: number) => chart.locator(`.bar[data-i="${i}"]`);
    expect(n).toBeGreaterThan(2);
    // One Tab stop for all the bars, the latest period; the arrow keys, Home and End move between periods.
    expect(await chart.locator('.bar[tabindex="0"]').count()).toBe(1);
    expect(await bar(n - 1).getAttribute('tabindex')).toBe('0');
    await bar(n - 1).focus();
    const focused = () => s.page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    const last = await focused();
    await s.page.keyboard.press('ArrowLeft');
    expect(await focused()).toBe(await bar(n - 2).getAttribute('aria-label'));
    await s.page.keyboard.press('Home');
    expect(await focused()).toContain('2013–2018');
    await expect.poll(() => chart.locator('.tip').innerText()).toContain('Tội phạm hình sự');
    expect(await chart.locator('.tip').innerText()).toContain('← → Home End');
    // The bar focused last takes the Tab stop.
    expect(await bar(0).getAttribute('tabindex')).toBe('0');
    await s.page.keyboard.press('End');
    expect(await focused()).toBe(last);
  });

  it('switches to English, formats numbers the English way, and remembers the choice after reload', async () => {
    const { page } = s;
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect
      .poll(() => page.locator('h2#tips-by-category-title').innerText())
      .toContain('Tips from citizens');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('[data-chart="compare"] tr[data-row="tips|"]').innerText()).toContain(
      '208,229'
    );
    await page.reload({ waitUntil: 'networkidle' });
    await expect
      .poll(() => page.locator('h2#tips-by-category-title').innerText())
      .toContain('Tips from citizens');
    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
    await expect.poll(() => page.locator('h2#tips-by-category-title').innerText()).toContain('Tin báo');
  });

  it('keeps the chosen periods in the URL', async () => {
    const { page } = s;
    await page.goto(`${baseUrl}/?a=2019-01-01/2019-12-31&b=2024-01-01/2024-12-31`, {
      waitUntil: 'networkidle'
    });
    const head = await page.locator('[data-chart="compare"] thead').innerText();
    expect(head).toContain('2019');
    expect(head).toContain('2024');
  });

  it('answers another area from the build’s file of it, without wasm, and shows that district’s demo figures', async () => {
    const { page } = s;
    await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
    expect(s.requests.some((u) => u.endsWith('.wasm'))).toBe(false); // the first view needs no wasm
    await page.getByLabel('Địa bàn').selectOption({ label: 'Quận Ba Đình' });
    await expect
      .poll(() => page.locator('h2#tips-by-category-title').innerText(), { timeout: 30_000 })
      .toContain('Ba Đình');
    await expect
      .poll(() => page.locator('[data-metric="tips"] .value').innerText(), { timeout: 30_000 })
      .not.toBe('45.841');
    expect(s.requests.some((u) => u.endsWith('/feeds/overview/001.json'))).toBe(true);
    expect(s.requests.some((u) => u.endsWith('.wasm'))).toBe(false);
    expect(page.url()).toContain('area=001');
  });

  it('made no request outside localhost and logged no console error', () => {
    expect(outsideRequests(s.requests, baseUrl)).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});

describe('sources page', () => {
  it('lists every report with publisher, date and kind, and the definition notes', async () => {
    const { page } = s;
    await page.goto(`${baseUrl}/sources`, { waitUntil: 'networkidle' });
    const items = page.locator('ol.reports > li');
    expect(await items.count()).toBe(5);
    const demo = page.locator('#demo-hanoi-communes');
    expect(await demo.innerText()).toContain('Minh họa (giả lập)');
    expect(await page.locator('#hn-2013-2018-review').innerText()).toContain('15/01/2020');
    expect(await page.locator('body').innerText()).toContain('không cùng một chuỗi');
  });
});
