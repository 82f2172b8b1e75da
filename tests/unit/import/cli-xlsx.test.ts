import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITY_ROW, officeWorkbook, SHEET_CITY, SHEET_WARDS } from '../../fixtures/office';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'cli-xlsx-'));
const book = join(dir, 'bao-cao-ba-dinh.xlsx');
const validate = (...args: string[]) =>
  spawnSync('npx', ['tsx', 'scripts/validate.ts', ...args], { cwd: root, encoding: 'utf8' });

beforeAll(async () => writeFileSync(book, await officeWorkbook()));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each case spawns npx + tsx (1–3 s each on a busy machine).
describe('validate CLI on an .xlsx workbook', { timeout: 90_000 }, () => {
  it('reads the first sheet with a table and lists what it skipped, rows and columns as Excel names them', () => {
    const r = validate(book, '--lang', 'vi');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Trang tính:     ${SHEET_WARDS} (+ ${SHEET_CITY})`);
    expect(r.stdout).toContain('2024-H1 (dòng 6: "Kỳ báo cáo: 6 tháng đầu năm 2024")');
    expect(r.stdout).toMatch(/dòng 15, "E" \[sum_mismatch\]/);
    expect(r.stdout).toMatch(/dòng 19–20 \[signature\] Người lập biểu/);
    expect(r.stdout).toMatch(/cột A \[serial\] STT/);
  });

  it('takes --sheet and --json, in the same JSON shape as a CSV', () => {
    const r = validate(book, '--sheet', SHEET_CITY, '--json');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({
      encoding: 'xlsx',
      layout: 'wide',
      rows: 1,
      error_count: 0,
      sheet: SHEET_CITY,
      title_period: { row: 4, period: '2025-Q3' }
    });
    expect(j.sheets.map((s: { name: string }) => s.name)).toEqual([SHEET_WARDS, SHEET_CITY]);
    expect(j.skipped.rows.map((s: { from: number; reason: string }) => [s.from, s.reason])).toContainEqual([
      8,
      'total'
    ]);
    expect(j.observations.map((o: { metric: string; category: string; value: number }) => o.value)).toEqual([
      ...CITY_ROW.tips,
      CITY_ROW.disputes
    ]);
  });

  it('exits 1 naming the sheets when --sheet names none of them', () => {
    const r = validate(book, '--sheet', 'Quý IV', '--json');
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).errors[0]).toMatchObject({ code: 'unknown_sheet', row: 0 });
  });
});
