import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { arrowToCanonicalCsv, observationsToArrow } from '$import/arrow';
import { toCanonicalCsv } from '$import/canonical';
import { openNodeDb } from '$db/node';
import { createSchema } from '$db/schema';
import { run } from './helpers';

// 300 communes (two-byte indices) × 2 months, a note with a comma and quotes on some rows, some "more than".
const communes = readFileSync('data/areas/hanoi-units-2019.csv', 'utf8')
  .split('\n')
  .slice(1)
  .map((l) => l.split(','))
  .filter((c) => c[3] === 'commune')
  .slice(0, 300)
  .map((c) => c[0]);
const lines = ['period,area_code,metric,category,value,qualifier,note'];
communes.forEach((code, i) => {
  for (const p of ['2023-01', '2023-02']) {
    const note = i % 7 === 0 ? `"ghi chú ""${i}"", tháng ${p}"` : '';
    lines.push(`${p},${code},tips,,${i * 3},${i % 11 === 0 ? 'hơn' : ''},${note}`);
    lines.push(`${p},${code},patrol_turns,,${i + 0.5},,`);
  }
});
const text = lines.join('\n') + '\n';

describe('observations as Arrow', () => {
  it('round-trips to the same canonical CSV, notes and qualifiers included', async () => {
    const r = await run(text);
    expect(r.error_count).toBe(0);
    expect(r.table.length).toBe(1200);
    const ipc = observationsToArrow(r.table, 'upload-x');
    expect(arrowToCanonicalCsv(ipc)).toBe(toCanonicalCsv(r.table));
    expect(toCanonicalCsv(r.table)).toContain('"ghi chú ""7"", tháng 2023-01"');
  });

  it('appends to DuckDB as the rows of observations, in its column order', async () => {
    const r = await run(text);
    const db = await openNodeDb();
    await createSchema(db);
    await db.importArrow('observations', observationsToArrow(r.table, 'upload-x'), false);
    const rows = await db.query<Record<string, unknown>>(
      `SELECT report_id, period, period_start::VARCHAR AS period_start, period_end::VARCHAR AS period_end,
              area_code, area_level, area_structure, metric, category, value, qualifier, note
       FROM observations ORDER BY area_code, period, metric`
    );
    expect(rows).toHaveLength(1200);
    const objects = r.table
      .toArray()
      .map(({ row: _row, ...o }) => ({ report_id: 'upload-x', ...o, area_structure: 'hn2019' }))
      .sort((a, b) =>
        `${a.area_code}|${a.period}|${a.metric}`.localeCompare(`${b.area_code}|${b.period}|${b.metric}`)
      );
    expect(rows).toEqual(objects.map((o) => expect.objectContaining(o)));
  });
});
