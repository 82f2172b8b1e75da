/**
 * A figure reads the same on every page, in both languages, before and after an upload: the cases a new user met
 * (a declared change of definition honoured on one page only, a figure of unstated period drawn as a year and
 * compared, an upload missing from ranks, the areas comparison, the ranked chart, the chart's categories and the
 * sources page).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, type Session } from './browser';

const baseUrl = inject('baseUrl');
const profile = mkdtempSync(join(tmpdir(), 'e2e-truth-'));
const file = join(profile, '..', `ba-dinh-2024-${process.pid}.csv`);
let s: Session;

beforeAll(async () => {
  writeFileSync(
    file,
    [
      'period,period_start,period_end,area_code,metric,category,value,qualifier,note',
      '2024,2024-01-01,2024-12-31,001,tips,,123,exact,',
      '2024,2024-01-01,2024-12-31,001,tips,criminal,70,exact,'
    ].join('\n')
  );
  s = await openBrowser({ dir: profile });
});
afterAll(async () => {
  await s?.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(file, { force: true });
});

const text = (sel: string) => s.page.locator(sel).first().innerText();
const go = (path: string) => s.page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });

describe('one figure, one rule, on every page', () => {
  it('says a declared change of definition is not compared, on the overview and the city page alike', async () => {
    for (const path of ['/', '/areas/01']) {
      await go(path);
      const models = await text('li.tile[data-metric="models"]');
      expect(models, path).toMatch(/không so sánh/);
      expect(models, path).not.toMatch(/%/);
    }
  });

  it('never gives the festival’s tips, whose period the source does not state, a per-year change', async () => {
    await go('/compare');
    const row = await text('[data-chart="compare"] tbody tr');
    expect(row).toContain('kỳ tính không được nêu');
    expect(row).not.toMatch(/184/);
    await go('/');
    expect(await text('li.tile[data-metric="tips"]')).not.toMatch(/184/);
  });

  it('counts a committed upload on every page: ranks, areas comparison, ranked chart, categories, sources', async () => {
    const { page } = s;
    await go('/upload');
    await page.locator('[data-testid="upload-input"]').setInputFiles(file);
    const job = page.locator('article.job').last();
    await expect.poll(() => job.getAttribute('data-phase'), { timeout: 60_000 }).toBe('ready');
    await job.getByLabel('Nơi công bố').fill('Công an quận Ba Đình');
    await job.getByLabel('Tiêu đề').fill('Báo cáo năm 2024');
    await job.getByRole('button', { name: 'Lưu vào bảng điều khiển' }).click();
    await expect.poll(() => job.getAttribute('data-phase'), { timeout: 90_000 }).toBe('committed');

    // Ba Đình's page: the uploaded total, and its rank among the districts from the same figures.
    await go('/areas/001');
    await expect.poll(() => text('li.tile[data-metric="tips"]'), { timeout: 60_000 }).toContain('123');
    await expect.poll(() => text('ul.ranks'), { timeout: 60_000 }).toMatch(/Tin báo[^:]*: hạng \d+\/30/i);
    const rank = Number(/Tin báo[^:]*: hạng (\d+)\/30/i.exec(await text('ul.ranks'))![1]);

    // /compare by areas, 2024: Ba Đình at 123, in the place its rank says.
    await go('/compare?mode=areas&metric=tips&period=2024-01-01/2024-12-31');
    const rowOf = page.locator('[data-chart="compare-areas"] tbody tr', { hasText: 'Ba Đình' });
    await expect.poll(() => rowOf.innerText(), { timeout: 60_000 }).toContain('123');
    expect(await rowOf.innerText()).toContain(String(rank));

    // The city's ranked chart of its districts in 2024 draws the same 123.
    await go('/areas/01');
    await page.locator('section.children select').first().selectOption('2024-01-01/2024-12-31');
    await expect
      .poll(() => page.locator('[data-chart="children-ranked"]').innerText(), { timeout: 60_000 })
      .toMatch(/Ba Đình[\s\S]*123/);

    // The tips chart of Ba Đình draws the uploaded category under its total, and no demo category beside it.
    await go('/areas/001');
    const chart = page.locator('[data-chart="tips-by-category"]');
    await chart.getByText(/Xem dạng bảng/).click();
    await expect.poll(() => chart.locator('table').innerText(), { timeout: 60_000 }).toMatch(/2024[\s\S]*70/);

    // /sources lists the upload, and the source line under the chart names it.
    await go('/sources');
    await expect
      .poll(() => page.locator('ol.reports').innerText(), { timeout: 60_000 })
      .toContain('Báo cáo năm 2024');
    await go('/areas/001');
    await expect
      .poll(() => chart.locator('.source').innerText(), { timeout: 60_000 })
      .toContain('Công an quận Ba Đình');
  });

  it('reads the same in English', async () => {
    await go('/areas/001?lang=en');
    await expect.poll(() => text('li.tile[data-metric="tips"]'), { timeout: 60_000 }).toContain('123');
    await go('/areas/01?lang=en');
    expect(await text('li.tile[data-metric="models"]')).toMatch(/not compar/i);
  });
});
