import { spawnSync } from 'node:child_process';
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
