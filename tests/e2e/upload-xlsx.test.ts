import ExcelJS from 'exceljs';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CITY_ROW, officeWorkbook, SHEET_CITY, SHEET_WARDS } from '../fixtures/office';
import { openBrowser, outsideRequests, type Session } from './browser';

const baseUrl = inject('baseUrl');
const dir = mkdtempSync(join(tmpdir(), 'e2e-xlsx-'));
const book = join(dir, 'bao-cao-cong-an.xlsx');
let s: Session;

/** The built chunks holding exceljs (the page's and the worker's): fetched only when a workbook needs them. */
const excelChunks = ['build/_app/immutable/chunks', 'build/_app/immutable/workers/chunks'].flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith('.js') && readFileSync(join(d, f), 'utf8').includes('sharedStrings'))
    .map((f) => f)
);
const excelRequests = () => s.requests.filter((u) => excelChunks.some((f) => u.endsWith(`/${f}`)));

beforeAll(async () => {
  writeFileSync(book, await officeWorkbook());
  s = await openBrowser();
});
afterAll(async () => {
  await s?.close();
  rmSync(dir, { recursive: true, force: true });
});

const job = () => s.page.locator('article.job').last();
const tipsTile = () => s.page.locator('li.tile[data-metric="tips"]');

describe('/upload with an office workbook in Chromium', () => {
  it('finds exceljs in chunks of its own, which the overview and /upload do not load', async () => {
    expect(excelChunks).toHaveLength(2);
    await s.page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
    await s.page.goto(`${baseUrl}/upload`, { waitUntil: 'networkidle' });
    expect(excelRequests()).toEqual([]);
  });

  it('reads the first sheet, then the second on request, listing the rows it skipped', async () => {
    const { page } = s;
    await page.locator('[data-testid="upload-input"]').setInputFiles(book);
    await expect.poll(() => job().getAttribute('data-phase'), { timeout: 60_000 }).toBe('ready');
    const sheets = job().locator('[data-testid="upload-sheets"] select');
    expect(await sheets.inputValue()).toBe(SHEET_WARDS);
    expect(await job().locator('[data-testid="upload-title-period"]').innerText()).toContain('2024-H1');
    // The wrong column of the total row, named as Excel names it.
    const mismatch = job().locator('table.issues tr[data-code="sum_mismatch"] td');
    expect((await mismatch.allInnerTexts()).slice(0, 2)).toEqual(['15', 'E']);
    expect(await job().locator('[data-testid="upload-skipped"]').innerText()).toContain(
      'Dòng 19–20: phần ký tên'
    );

    await sheets.selectOption(SHEET_CITY);
    await expect
      .poll(() => job().locator('[data-testid="upload-title-period"]').innerText(), { timeout: 60_000 })
      .toContain('2025-Q3');
    await expect.poll(() => job().getAttribute('data-phase'), { timeout: 60_000 }).toBe('ready');
    expect(await sheets.inputValue()).toBe(SHEET_CITY);
    const skipped = await job().locator('[data-testid="upload-skipped"]').innerText();
    expect(skipped).toContain('Dòng 1–4: tiêu đề, quốc hiệu');
    expect(skipped).toContain('Dòng 8: dòng tổng (đối chiếu với các dòng trên) — Cộng');
    expect(skipped).toContain('Dòng 10: phần ký tên — Người lập biểu');
    expect(skipped).toContain('Cột A: số thứ tự — TT');
    expect(await job().locator('p.verdict').innerText()).toContain('Không có lỗi');
    expect(await job().locator('[data-testid="upload-observations"] tbody tr').count()).toBe(6);
    expect(excelRequests().length).toBeGreaterThan(0); // the worker's, once a workbook came
  }, 180_000);

  it('commits the second sheet, and the overview shows its figures', async () => {
    const { page } = s;
    await job().getByLabel('Nơi công bố').fill('Phòng Tham mưu, Công an TP Hà Nội');
    await job().getByLabel('Tiêu đề').fill('Số liệu quý III/2025');
    await job().getByRole('button', { name: 'Lưu vào bảng điều khiển' }).click();
    await expect.poll(() => job().getAttribute('data-phase'), { timeout: 60_000 }).toBe('committed');
    await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
    await expect.poll(() => tipsTile().innerText(), { timeout: 60_000 }).toMatch(/13\.579[\s\S]*Tải lên/);
  }, 180_000);

  it('exports the tips chart as Excel, which opens back with the uploaded numbers', async () => {
    const chart = s.page.locator('[data-chart="tips-by-category"]');
    const before = excelRequests().length;
    const button: Locator = chart.getByRole('button', { name: 'Tải số liệu dạng Excel (.xlsx)' });
    const [dl] = await Promise.all([s.page.waitForEvent('download'), button.click()]);
    expect(dl.suggestedFilename()).toMatch(/^tips-by-category-01-[\d-]+\.xlsx$/);
    expect(excelRequests().length).toBeGreaterThan(before); // the page's own chunk, on click
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await dl.path())!).buffer as ArrayBuffer);
    const ws = wb.worksheets[0];
    const values: Record<string, number> = {};
    ws.eachRow((row) => {
      const [period, , , , , category, value] = (row.values as unknown[]).slice(1);
      if (period === '2025-Q3' && typeof value === 'number') values[String(category)] = value;
    });
    expect(values).toEqual({
      '': CITY_ROW.tips[0],
      'An ninh chính trị': CITY_ROW.tips[1],
      'Tội phạm hình sự': CITY_ROW.tips[2],
      'Tệ nạn xã hội': CITY_ROW.tips[3],
      'Tin khác': CITY_ROW.tips[4]
    });
    expect(ws.getCell('A1').value).toBe('Kỳ');
  }, 120_000);

  it('sent no request outside localhost and logged no console error', () => {
    expect(outsideRequests(s.requests, baseUrl)).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});
