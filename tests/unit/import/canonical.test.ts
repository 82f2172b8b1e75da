import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CANONICAL_HEADER, toCanonicalCsv } from '$import/canonical';
import { run } from './helpers';

const dir = new URL('../../../data/reports/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.csv') && !f.startsWith('demo'));

describe('canonical CSV', () => {
  it.each(files)('imports %s without issues and writes it back byte for byte', async (f) => {
    const bytes = readFileSync(new URL(f, dir));
    const r = await run(bytes);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(toCanonicalCsv(r.observations)).toBe(bytes.toString('utf8'));
    expect(toCanonicalCsv(r.table)).toBe(bytes.toString('utf8'));
  });

  it('writes an uploaded wide report in the long format of data/reports/', async () => {
    const r = await run(
      'Kỳ;Đơn vị;Tổng số tin;Ghi chú\n2023;Phường Phúc Xá;hơn 1.500;"theo báo cáo ""sơ bộ"", chưa đủ"\n'
    );
    expect(toCanonicalCsv(r.observations)).toBe(
      `${CANONICAL_HEADER}\n2023,2023-01-01,2023-12-31,00001,tips,,1500,more_than,"theo báo cáo ""sơ bộ"", chưa đủ"\n`
    );
  });
});
