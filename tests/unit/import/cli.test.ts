import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fx = (name: string) => `tests/fixtures/import/${name}`;
const validate = (...args: string[]) =>
  spawnSync('npx', ['tsx', 'scripts/validate.ts', ...args], { cwd: root, encoding: 'utf8' });

// Each case spawns npx + tsx (1–3 s each on a busy machine).
describe('validate CLI (npx tsx scripts/validate.ts)', { timeout: 90_000 }, () => {
  it('exits 0 on a valid file and prints a readable summary', () => {
    const r = validate(fx('wide-excel-export-vi.csv'));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Layout:\s+wide/);
    expect(r.stdout).toMatch(/Observations:\s+56/);
    expect(r.stdout).toMatch(/Delimiter:\s+";"/);
  });

  it('exits 0 with warnings only, 1 with errors; --json prints exactly one object', () => {
    const w = validate(fx('long-warnings-only.csv'), '--json');
    expect(w.status).toBe(0);
    const wj = JSON.parse(w.stdout);
    expect(wj.warnings.map((x: { code: string }) => x.code)).toEqual(['unknown_column', 'area_code_padded']);
    expect(wj.observations).toEqual([
      expect.objectContaining({
        period: '2018',
        period_start: '2018-01-01',
        period_end: '2018-12-31',
        area_code: '09550',
        metric: 'tips',
        category: '',
        value: 10,
        qualifier: 'exact'
      })
    ]);

    const e = validate(fx('long-with-errors.csv'), '--json', '--lang', 'vi');
    expect(e.status).toBe(1);
    const ej = JSON.parse(e.stdout); // throws on anything but one JSON value
    expect(Object.keys(ej)).toEqual(
      expect.arrayContaining([
        'file',
        'encoding',
        'delimiter',
        'layout',
        'rows',
        'observations',
        'errors',
        'warnings'
      ])
    );
    expect(
      ej.errors.map((x: { row: number; column: string; code: string }) => [x.row, x.column, x.code])
    ).toEqual([
      [2, 'value', 'bad_number'],
      [3, 'area_code', 'unknown_area'],
      [4, 'metric', 'unknown_metric']
    ]);
    expect(ej.errors[0].message).toContain('không phải là số'); // Vietnamese, a string
  });

  it('exits 2 when the file cannot be read', () => {
    const missing = validate(fx('no-such-file.csv'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('Cannot read');
    expect(validate(fx('')).status).toBe(2); // a directory
    const json = validate(fx('no-such-file.csv'), '--json');
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout).errors[0].code).toBe('unreadable');
  });

  it('reports a long valid file with names, ids and English names', () => {
    const r = validate(fx('long-valid.csv'), '--json');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(
      j.observations.map((o: Record<string, unknown>) => [
        o.area_code,
        o.metric,
        o.category,
        o.value,
        o.qualifier
      ])
    ).toEqual([
      ['001', 'tips', '', 1234, 'exact'],
      ['001', 'tips', 'political_security', 120, 'exact'],
      ['00001', 'disputes_resolved', '', 15000, 'more_than'],
      ['00004', 'models', 'cluster_linkage', 3, 'about']
    ]);
  });
});

describe('validate CLI refuses what it cannot check, with one answer', { timeout: 90_000 }, () => {
  const FIELDS = [
    'file',
    'encoding',
    'delimiter',
    'layout',
    'rows',
    'counts',
    'error_count',
    'warning_count',
    'sources',
    'errors',
    'warnings',
    'observations'
  ];

  it('gives a missing file the fields every report has', () => {
    const r = validate(fx('no-such-file.csv'), '--json');
    expect(r.status).toBe(2);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(expect.arrayContaining(FIELDS));
    expect(j).toMatchObject({ error_count: 1, warning_count: 0, observations: [], rows: 0 });
    expect(j.errors).toEqual([expect.objectContaining({ row: 0, column: '', code: 'unreadable' })]);
  });

  it('refuses a file over MAX_UPLOAD_MB before reading it (a 300 MB sparse file), exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-big-'));
    try {
      const big = join(dir, 'big.csv');
      execFileSync('truncate', ['-s', '300M', big]);
      const j = validate(big, '--json');
      expect(j.status).toBe(2);
      const out = JSON.parse(j.stdout); // exactly one JSON value
      expect(Object.keys(out)).toEqual(expect.arrayContaining(FIELDS));
      expect(out.errors).toEqual([expect.objectContaining({ code: 'file_too_large', row: 0 })]);
      expect(out.errors[0].message).toContain('250 MB');
      const text = validate(big, '--lang', 'vi');
      expect(text.status).toBe(2);
      expect(text.stderr).toContain('250 MB');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a device that never ends (/dev/zero) instead of reading it', () => {
    const r = validate('/dev/zero', '--json');
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout).errors[0].code).toBe('unreadable');
  });
});
