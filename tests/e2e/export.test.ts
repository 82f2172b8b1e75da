import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import { openBrowser, outsideRequests, type Session } from './browser';

const baseUrl = inject('baseUrl');
let s: Session;

beforeAll(async () => {
  s = await openBrowser();
  await s.page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
});
afterAll(async () => s?.close());

/** Clicks a download button and returns the saved file's name and bytes. */
async function downloadFrom(button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([s.page.waitForEvent('download'), button.click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: readFileSync(path!) };
}

describe('export from the overview in Chromium', () => {
  const chart = () => s.page.locator('[data-chart="tips-by-category"]');

  it('downloads the tips chart’s figures as CSV: BOM, plain numbers, dated name', async () => {
    const { name, bytes } = await downloadFrom(chart().getByRole('button', { name: 'Tải số liệu dạng CSV' }));
    expect(name).toMatch(/^tips-by-category-01-2013-2024-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain(',208229,exact,');
    expect(text).toContain('Tội phạm hình sự');
  });

  it('downloads an SVG that parses as SVG, with the title and concrete colours', async () => {
    const { name, bytes } = await downloadFrom(chart().getByRole('button', { name: /SVG/ }));
    expect(name).toMatch(/\.svg$/);
    const text = bytes.toString('utf8');
    expect(text).toContain('<svg');
    expect(text).not.toContain('var(--');
    const parsed = await s.page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
      return {
        error: doc.getElementsByTagName('parsererror').length,
        root: doc.documentElement.localName,
        rects: doc.getElementsByTagName('rect').length,
        title: doc.querySelector('title')?.textContent ?? ''
      };
    }, text);
    expect(parsed).toMatchObject({ error: 0, root: 'svg' });
    expect(parsed.rects).toBeGreaterThan(10);
    expect(parsed.title).toContain('Tin báo');
  });

  it('downloads a PNG', async () => {
    const { name, bytes } = await downloadFrom(chart().getByRole('button', { name: /PNG/ }));
    expect(name).toMatch(/\.png$/);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.length).toBeGreaterThan(5000);
  });

  it('downloads the comparison table as CSV', async () => {
    const compare = s.page.locator('[data-chart="compare"]');
    expect(await compare.getByRole('button', { name: /SVG/ }).count()).toBe(0); // a table has no drawing
    const { name, bytes } = await downloadFrom(compare.getByRole('button', { name: /CSV/ }));
    expect(name).toMatch(/^compare-01-.*\.csv$/);
    const text = bytes.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\r\n')[0]).toContain('a_value');
    expect(text).toMatch(/\ntips,Tin báo của quần chúng,,,1,/);
  });

  it('made no request outside localhost, loaded no wasm, and logged no console error', () => {
    expect(outsideRequests(s.requests, baseUrl)).toEqual([]);
    expect(s.requests.some((u) => u.endsWith('.wasm'))).toBe(false);
    expect(s.consoleErrors).toEqual([]);
  });
});
