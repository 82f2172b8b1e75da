import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { openBrowser, outsideRequests, type Session } from './browser';
import { expectKeptScreenshot } from './kept-screenshot';

const baseUrl = inject('baseUrl');
let s: Session;

beforeAll(async () => {
  s = await openBrowser({ width: 1000 });
});
afterAll(async () => s?.close());

const SEED = ['208.229', '24.962', '115.301', '55.226', '12.740', 'trên 15.000', 'hơn 250.000', '290', '174'];
const article = () => s.page.locator('article.review');

describe('the period review in Chromium', () => {
  it('prerenders the default review (the city, its latest real period) so it reads without DuckDB', async () => {
    const html = await (await fetch(`${baseUrl}/report`)).text();
    expect(html).toContain('Báo cáo sơ kết phong trào toàn dân bảo vệ an ninh Tổ quốc');
    expect(html).toContain('Hà Nội, năm 2023');
    expect(html).toContain('98.826');
    expect(html).toContain('gần 600');
    expect(html).toContain('<table');
  });

  it('opens a period from the URL with the seed article’s figures, loading neither Word nor anything outside', async () => {
    const { page } = s;
    await page.goto(`${baseUrl}/report?area=01&period=2013-01-01/2018-12-31`, { waitUntil: 'networkidle' });
    await expect
      .poll(() => article().innerText(), { timeout: 60_000 })
      .toContain('Hà Nội, giai đoạn 2013–2018');
    const text = await article().innerText();
    for (const n of SEED) expect(text).toContain(n);
    expect(text).toContain('số liệu minh họa');
    expect(s.requests.some((u) => /docx/i.test(u))).toBe(false);
    expect(outsideRequests(s.requests, baseUrl)).toEqual([]);
    expect(new URL(page.url()).searchParams.get('period')).toBe('2013-01-01/2018-12-31');
  });

  it('switches to English with the qualifiers translated', async () => {
    await s.page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => article().innerText()).toContain('more than 15,000 disputes');
    const text = await article().innerText();
    expect(text).toContain('208,229 tips');
    expect(text).toContain('more than 250,000');
    await s.page.evaluate(() => localStorage.removeItem('antq.lang'));
  });

  it('saves a Word document holding the same figures in a real table', async () => {
    const { page } = s;
    await page.goto(`${baseUrl}/report?period=2013-01-01/2018-12-31`, { waitUntil: 'networkidle' });
    await expect.poll(() => article().innerText(), { timeout: 60_000 }).toContain('208.229');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Tải Word (.docx)' }).click()
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    const xml = strFromU8(zip['word/document.xml']);
    for (const n of SEED) expect(xml).toContain(n);
    expect(xml).toContain('<w:tbl>');
    // The page's charts go in as pictures.
    expect(Object.keys(zip).some((k) => k.startsWith('word/media/'))).toBe(true);
  });

  it('prints as the same document on A4 without navigation or buttons (kept screenshot)', async () => {
    const { page } = s;
    await page.goto(`${baseUrl}/report`, { waitUntil: 'networkidle' });
    await page.emulateMedia({ media: 'print' });
    await page.addStyleTag({
      content: '*, *::before, *::after { transition: none !important; animation: none !important; }'
    });
    expect(await page.locator('header.top nav').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Tải Word (.docx)' }).isVisible()).toBe(false);
    expect(await page.locator('.controls select').first().isVisible()).toBe(false);
    expectKeptScreenshot('report-print', await article().screenshot({ animations: 'disabled' }));
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
  });
});
