import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, outsideRequests, type Session } from './browser';

const baseUrl = inject('baseUrl');
let s: Session;

beforeAll(async () => {
  s = await openBrowser();
});
afterAll(async () => s?.close());

describe('map of the 2025 units in Chromium against the built site', () => {
  it('prerenders the 126 unit paths, the legend and the conversion notice, without the GeoJSON', async () => {
    const html = await (await fetch(`${baseUrl}/map`)).text();
    expect(html.match(/<path class="unit/g)).toHaveLength(126);
    expect(html).toContain('Số liệu quy đổi từ đơn vị hành chính cũ');
    expect(html).toContain('53 xã, phường cũ đã sáp nhập');
    expect(html).not.toContain('"type":"Feature"');
  });

  it('shows 126 units, one keyboard stop, with the arrow keys moving to the next unit that way', async () => {
    const { page } = s;
    await page.goto(`${baseUrl}/map`, { waitUntil: 'networkidle' });
    const units = page.locator('[data-chart="map"] path.unit');
    expect(await units.count()).toBe(126);
    expect(await page.locator('[data-chart="map"] path.unit[tabindex="0"]').count()).toBe(1);
    const focusedUnit = () =>
      page.evaluate(() => {
        const el = document.activeElement as SVGGraphicsElement | null;
        const b = el?.getBBox();
        return { code: el?.getAttribute('data-code') ?? null, x: b ? b.x + b.width / 2 : NaN };
      });
    await page.locator('path.unit[data-code="00004"]').focus();
    const from = await focusedUnit();
    await page.keyboard.press('ArrowRight');
    const east = await focusedUnit();
    expect(east.code).not.toBe(from.code);
    expect(east.x).toBeGreaterThan(from.x);
    await expect.poll(() => page.locator('[data-chart="map"] .tip').innerText()).toContain('← ↑ → ↓');
    // The unit focused last takes the Tab stop.
    expect(await page.locator(`path.unit[data-code="${east.code}"]`).getAttribute('tabindex')).toBe('0');
    const bd = page.locator('path.unit[data-code="00004"]');
    expect(await bd.getAttribute('aria-label')).toMatch(
      /^Phường Ba Đình: ≈ [\d.]+ tin \(xấp xỉ, Dữ liệu minh họa\)$/
    );
    await bd.focus();
    const tip = page.locator('[data-chart="map"] .tip');
    await expect.poll(() => tip.innerText()).toContain('Phường Ba Đình');
    expect(await tip.innerText()).toContain('xấp xỉ');
    expect(await page.locator('[data-chart="map"] .map-legend li').count()).toBeGreaterThanOrEqual(6);
    expect(s.requests.some((u) => u.endsWith('.wasm') || u.endsWith('.geojson'))).toBe(false);
  });

  it('drills into a unit on click: its figure and the old communes it came from', async () => {
    const { page } = s;
    await page.locator('path.unit[data-code="00004"]').click();
    const panel = page.locator('.map-panel');
    await expect.poll(() => panel.locator('h3').innerText()).toBe('Phường Ba Đình');
    expect(await panel.innerText()).toContain('Số xấp xỉ');
    const link = panel.getByRole('link', { name: 'Phường Trúc Bạch' });
    expect(await link.getAttribute('href')).toMatch(/\/areas\/00004$/);
    await panel.getByRole('button', { name: 'Đóng' }).click();
    expect(await panel.count()).toBe(0);
  });

  it('lists all 126 units with the approximate flag in the table alternative', async () => {
    const chart = s.page.locator('[data-chart="map"]');
    await chart.getByText('Xem dạng bảng').click();
    expect(await chart.locator('table.map-table tbody tr').count()).toBe(126);
    expect(await chart.locator('table.map-table tr[data-approx]').count()).toBeGreaterThan(0);
  });

  it('shows another metric and period (from the build’s files) and keeps them in the URL', async () => {
    const { page } = s;
    await page.getByLabel('Chỉ tiêu').selectOption('disputes_resolved');
    await expect
      .poll(() => page.locator('h2#map-title').innerText(), { timeout: 45_000 })
      .toContain('Vụ mâu thuẫn');
    await page.getByLabel('Kỳ').selectOption('2019-01-01/2019-12-31');
    await expect.poll(() => page.locator('h2#map-title').innerText(), { timeout: 30_000 }).toContain('2019');
    expect(page.url()).toContain('metric=disputes_resolved');
    expect(page.url()).toContain('period=2019-01-01%2F2019-12-31');
    expect(await page.locator('path.unit').count()).toBe(126);
    // The boundaries came with the page: a reload fetches neither the GeoJSON nor the geometry again.
    expect(s.requests.some((u) => u.includes('geometry.json') || u.endsWith('.geojson'))).toBe(false);
  });

  it('opens a linked view from the URL', async () => {
    const { page } = s;
    await page.goto(`${baseUrl}/map?metric=patrol_turns&period=2020-01-01/2020-12-31`, {
      waitUntil: 'networkidle'
    });
    await expect
      .poll(() => page.locator('h2#map-title').innerText(), { timeout: 45_000 })
      .toMatch(/Lượt người tham gia tuần tra.*2020/);
  });

  it('fits a 380 px wide screen', async () => {
    const narrow = await openBrowser({ width: 380 });
    try {
      await narrow.page.goto(`${baseUrl}/map`, { waitUntil: 'networkidle' });
      const box = await narrow.page.locator('[data-chart="map"] .map svg').boundingBox();
      expect(box!.width).toBeLessThanOrEqual(380);
      expect(box!.height).toBeGreaterThan(box!.width); // Hà Nội's shape, not a flattened box
      const overflow = await narrow.page.evaluate(() => document.documentElement.scrollWidth);
      expect(overflow).toBeLessThanOrEqual(380);
    } finally {
      await narrow.close();
    }
  });

  it('made no request outside localhost and logged no console error', () => {
    expect(outsideRequests(s.requests, baseUrl)).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});
