/**
 * Exports ready to publish: on a phone-width /charts, each chart's SVG and PNG carry the title, the area and
 * period, the unit, the legend, the demo notice and the whole source line, with no text outside the picture;
 * the PNG is the SVG at 2×, and the file name says the chart, area and period.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import { PNG } from 'pngjs';
import { openBrowser, type Session } from './browser';

const baseUrl = inject('baseUrl');
let s: Session;

beforeAll(async () => {
  s = await openBrowser({ width: 390 });
  await s.page.goto(`${baseUrl}/charts`, { waitUntil: 'networkidle' });
});
afterAll(async () => s?.close());

async function downloadFrom(button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([s.page.waitForEvent('download'), button.click()]);
  return { name: dl.suggestedFilename(), bytes: readFileSync((await dl.path())!) };
}

const CASES = [
  ['tips-by-category', 'tin/năm', /^tips-by-category-01-2013-2024-\d{4}-\d{2}-\d{2}\.svg$/],
  ['children-ranked', 'vụ', /^children-ranked-01-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}-.*\.svg$/],
  ['model-heatmap', 'mô hình', /^model-heatmap-001-.*\.svg$/],
  ['change-bars', '%', /^change-bars-01-.*\.svg$/]
] as const;

describe('exported SVG and PNG at 390 px', () => {
  it.each(CASES)('%s carries its texts, all inside the picture', async (id, unit, file) => {
    const frame = s.page.locator(`#chart-${id} [data-chart="${id}"]`);
    const { name, bytes } = await downloadFrom(frame.getByRole('button', { name: /SVG/ }));
    expect(name).toMatch(file);
    const svg = bytes.toString('utf8');
    const source = (await frame.locator('.source').textContent())!.replace(/\s+/g, ' ').trim();
    const report = await s.page.evaluate((text) => {
      const host = document.createElement('div');
      host.style.cssText = 'position:absolute;left:0;top:0';
      host.innerHTML = text.replace(/^<\?xml[^>]*>/, '');
      document.body.append(host);
      const root = host.querySelector('svg')!;
      const box = root.getBoundingClientRect();
      const outside = [...root.querySelectorAll('text')]
        .map((t) => ({ t: t.textContent ?? '', r: t.getBoundingClientRect() }))
        .filter(
          ({ r }) =>
            r.width &&
            (r.left < box.left - 0.5 ||
              r.right > box.right + 0.5 ||
              r.top < box.top - 0.5 ||
              r.bottom > box.bottom + 0.5)
        )
        .map(({ t }) => t);
      const all = [...root.querySelectorAll('text')].map((t) => t.textContent).join(' ');
      host.remove();
      return { outside, all, width: box.width, height: box.height };
    }, svg);
    expect(report.outside).toEqual([]);
    const title = (await frame.locator('h2').textContent())!.trim();
    expect(report.all.replace(/\s+/g, ' ')).toContain(title);
    expect(report.all).toContain(`Đơn vị: ${unit}`);
    expect(report.all).toContain('Số liệu minh họa (giả lập), không phải số liệu thật.');
    expect(report.all.replace(/\s+/g, ' ')).toContain(source);

    const png = await downloadFrom(frame.getByRole('button', { name: /PNG/ }));
    expect(png.name).toMatch(/\.png$/);
    const img = PNG.sync.read(png.bytes);
    expect([img.width, img.height]).toEqual([Math.ceil(report.width * 2), Math.ceil(report.height * 2)]);
  });
});
