import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, outsideRequests, type Session } from './browser';

const baseUrl = inject('baseUrl');
const FIX = 'tests/fixtures/upload';
// One profile for the whole file: uploads must survive reloads and a browser restart.
const profile = mkdtempSync(join(tmpdir(), 'e2e-upload-'));
const big = join(profile, '..', `upload-big-${process.pid}.csv`);
let s: Session;
const requests: string[] = [];
const consoleErrors: string[] = [];

async function open() {
  s = await openBrowser({ dir: profile });
  s.page.on('request', (r) => requests.push(r.url()));
  s.page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  s.page.on('pageerror', (e) => consoleErrors.push(String(e)));
}

beforeAll(async () => {
  // A file large enough to be cancelled while it is being validated.
  execFileSync('npx', ['tsx', 'scripts/gen-big-csv.ts', big, '400000']);
  await open();
});
afterAll(async () => {
  await s?.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(big, { force: true });
});

const job = () => s.page.locator('article.job').last();
const tipsTile = () => s.page.locator('li.tile[data-metric="tips"]');
const listText = () => s.page.locator('[data-testid="upload-list"]').innerText();

async function overviewSnapshot() {
  await s.page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
  const compare = s.page.locator('[data-chart="compare"] tbody');
  return { tile: await tipsTile().innerText(), compare: await compare.innerText() };
}

describe('/upload in Chromium', () => {
  let before: { tile: string; compare: string };

  it('starts empty: nothing stored, the overview shows the bundled figures', async () => {
    before = await overviewSnapshot();
    expect(before.tile).not.toContain('Tải lên');
    await s.page.goto(`${baseUrl}/upload`, { waitUntil: 'networkidle' });
    expect(await listText()).toContain('Chưa có báo cáo nào');
    // The import worker loads the reference units while a person is still picking a file.
    await expect
      .poll(() => requests.filter((u) => /hanoi-units-2025[^/]*\.csv/.test(u)).length, { timeout: 10_000 })
      .toBeGreaterThan(0);
  });

  it('reports errors by row and column, blocks the commit, and changes nothing', async () => {
    const { page } = s;
    await page.locator('[data-testid="upload-input"]').setInputFiles(`${FIX}/bad-long.csv`);
    await expect.poll(() => job().getAttribute('data-phase'), { timeout: 30_000 }).toBe('ready');
    const table = job().locator('table.issues');
    const neg = table.locator('tr[data-code="negative_value"]');
    expect(await neg.locator('td').allInnerTexts()).toEqual([
      '2',
      'value',
      'negative_value',
      expect.stringContaining('Số liệu âm (-5)')
    ]);
    expect(await table.locator('tr[data-code="unknown_metric"] td').nth(0).innerText()).toBe('3');
    expect(await table.locator('tr[data-code="unknown_metric"] td').nth(1).innerText()).toBe('metric');
    expect(await job().getByRole('button', { name: 'Lưu vào bảng điều khiển' }).isDisabled()).toBe(true);
    // The row number opens the source around it.
    await neg.getByRole('button', { name: '2' }).click();
    await expect
      .poll(() => job().locator('.source .line.focus').innerText())
      .toContain('2025-H1,01,tips,,-5');
    await job().getByRole('button', { name: 'Hủy' }).click();
    await expect.poll(() => job().getAttribute('data-phase')).toBe('cancelled');
    expect(await listText()).toContain('Chưa có báo cáo nào');
    expect(await overviewSnapshot()).toEqual(before);
  });

  it('refuses a file over the size limit before reading it, saying how to split it', async () => {
    const { page } = s;
    // Sparse: 300 MB on paper, nothing on disk.
    const huge = join(profile, '..', `huge-${process.pid}.csv`);
    execFileSync('truncate', ['-s', '300M', huge]);
    try {
      await page.goto(`${baseUrl}/upload`, { waitUntil: 'networkidle' });
      await page.locator('[data-testid="upload-input"]').setInputFiles(huge);
      await expect.poll(() => job().getAttribute('data-phase')).toBe('failed');
      const alert = await job().getByRole('alert').innerText();
      expect(alert).toContain(`huge-${process.pid}.csv nặng 300 MB, quá giới hạn 250 MB`);
      expect(alert).toContain('tách thành nhiều tệp');
      expect(await listText()).toContain('Chưa có báo cáo nào');
    } finally {
      rmSync(huge, { force: true });
    }
  });

  it('cancels a large file mid-way and stores nothing', async () => {
    const { page } = s;
    await page.goto(`${baseUrl}/upload`, { waitUntil: 'networkidle' });
    await page.locator('[data-testid="upload-input"]').setInputFiles(big);
    await expect
      .poll(() => job().locator('progress').getAttribute('value'), { timeout: 30_000 })
      .not.toBe('0');
    await job().getByRole('button', { name: 'Hủy' }).click();
    await expect.poll(() => job().getAttribute('data-phase')).toBe('cancelled');
    expect(await job().innerText()).toContain('không có gì được lưu');
    await page.reload({ waitUntil: 'networkidle' });
    expect(await listText()).toContain('Chưa có báo cáo nào');
    expect(await overviewSnapshot()).toEqual(before);
  });

  it('previews, commits, and then every page shows the upload, marked, after reload and restart', async () => {
    const { page } = s;
    await page.goto(`${baseUrl}/upload`, { waitUntil: 'networkidle' });
    await page.locator('[data-testid="upload-input"]').setInputFiles(`${FIX}/valid-long.csv`);
    await expect.poll(() => job().getAttribute('data-phase'), { timeout: 30_000 }).toBe('ready');
    expect(await job().locator('dl.facts').innerText()).toMatch(/utf-8[\s\S]*dạng dài[\s\S]*8/);
    const h1 = job().locator('[data-testid="upload-changes"] tr[data-row="2025-H1|tips|"]');
    await expect.poll(() => h1.innerText(), { timeout: 60_000 }).toMatch(/—\s+51\.234\s+Tải lên/);
    // Real district figures for 2024 beat the demo communes' sums.
    expect(await job().locator('[data-testid="upload-observations"] tbody tr').count()).toBe(8);
    expect(await job().locator('[data-testid="upload-observations"]').innerText()).toContain('Quận Ba Đình');

    await job().getByLabel('Nơi công bố').fill('Công an TP Hà Nội');
    await job().getByLabel('Tiêu đề').fill('Sơ kết 6 tháng đầu năm 2025');
    await job().getByRole('button', { name: 'Lưu vào bảng điều khiển' }).click();
    await expect.poll(() => job().getAttribute('data-phase'), { timeout: 60_000 }).toBe('committed');
    await expect.poll(listText).toContain('valid-long.csv');
    expect(await listText()).toMatch(/8 dòng/);
    expect(await page.locator('[data-testid="upload-list"] pre').textContent()).toMatch(
      // The id is fixed when the file is added (its rows are staged under it for the preview): from the file name.
      /"id": "upload-\d{14}-valid-long-[0-9a-f]{8}"[\s\S]*"title": "Sơ kết 6 tháng đầu năm 2025"[\s\S]*"kind": "uploaded"/
    );

    // Its derived candidates go into its record just after the commit (db/kept.ts).
    const kept = () =>
      page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open('antq-uploads');
            open.onsuccess = () => {
              const all = open.result.transaction('reports').objectStore('reports').getAll();
              all.onsuccess = () => {
                resolve(all.result.filter((r) => r.derived?.rows > 0).length);
                open.result.close();
              };
            };
          })
      );
    await expect.poll(kept, { timeout: 30_000 }).toBe(1);

    await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
    await expect.poll(() => tipsTile().innerText(), { timeout: 60_000 }).toMatch(/51\.234[\s\S]*Tải lên/);

    // A browser restart keeps it.
    await s.close();
    await open();
    await s.page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
    await expect.poll(() => tipsTile().innerText(), { timeout: 60_000 }).toMatch(/51\.234[\s\S]*Tải lên/);
    // Its candidates were kept with it at commit and loaded, not derived again (db/kept.ts).
    expect(await s.page.evaluate(() => performance.getEntriesByName('antq:db:upload-kept').length)).toBe(1);
    await s.page.goto(`${baseUrl}/areas/001`, { waitUntil: 'networkidle' });
    await expect
      .poll(() => s.page.locator('[data-chart="area-periods"]').innerText(), { timeout: 60_000 })
      .toContain('1.111');
    // /charts' period pickers offer the uploaded periods, and its source lines name the upload.
    await s.page.goto(`${baseUrl}/charts`, { waitUntil: 'networkidle' });
    await expect
      .poll(() => s.page.locator('#chart-children-ranked .controls').innerText(), { timeout: 60_000 })
      .toContain('2025-H1');
    await expect
      .poll(() => s.page.locator('#chart-tips-by-category').innerText(), { timeout: 60_000 })
      .toMatch(/Công an TP Hà Nội, [^;]*\(Tải lên\)/);
  }, 300_000);

  it('downloads the stored upload as the canonical CSV of data/reports/', async () => {
    const { page } = s;
    await page.goto(`${baseUrl}/upload`, { waitUntil: 'networkidle' });
    await expect.poll(listText).toContain('valid-long.csv');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="upload-list"]').getByRole('button', { name: 'Tải CSV' }).click()
    ]);
    expect(download.suggestedFilename()).toMatch(/^upload-\d{14}-valid-long-[0-9a-f]{8}\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8');
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('period,period_start,period_end,area_code,metric,category,value,qualifier,note');
    expect(lines).toHaveLength(9);
    expect(lines).toContain('2025-H1,2025-01-01,2025-06-30,01,tips,,51234,exact,');
  }, 120_000);

  it('removes the upload: the list and the overview are as before', async () => {
    const { page } = s;
    await page.goto(`${baseUrl}/upload`, { waitUntil: 'networkidle' });
    await expect.poll(listText).toContain('valid-long.csv');
    await page.locator('[data-testid="upload-list"]').getByRole('button', { name: 'Xóa' }).click();
    await expect.poll(listText, { timeout: 60_000 }).toContain('Chưa có báo cáo nào');
    expect(await overviewSnapshot()).toEqual(before);
  }, 120_000);

  it('sent no request outside localhost and logged no console error', () => {
    expect(outsideRequests(requests, baseUrl)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
