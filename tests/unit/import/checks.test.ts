import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BitSet } from '$import/bitset';
import { READERS } from '$import/readers';
import { run, where } from './helpers';

const H = 'period,area_code,metric,category,value';
const communes = readFileSync(new URL('../../../data/areas/hanoi-units-2019.csv', import.meta.url), 'utf8')
  .split('\n')
  .slice(1)
  .map((l) => l.split(','))
  .filter((c) => c[3] === 'commune')
  .map((c) => c[0]);

describe('BitSet', () => {
  it('remembers members far beyond its initial size', () => {
    const set = new BitSet(32);
    for (const member of [0, 31, 32, 1_000, 123_456]) {
      expect(set.has(member)).toBe(false);
      set.add(member);
      expect(set.has(member)).toBe(true);
    }
    expect(set.has(33)).toBe(false);
    expect(set.has(10_000_000)).toBe(false);
  });
});

describe('checks keep their state per (period, area) beyond the first slots', () => {
  // 400 communes in 2 periods make 800 slots: more than any check allocates up front.
  const lines: string[] = [];
  for (const period of ['2018', '2019'])
    for (const code of communes.slice(0, 400)) {
      lines.push(
        `${period},${code},tips,,10`,
        `${period},${code},tips,criminal,4`,
        `${period},${code},patrol_turns,,3`
      );
    }
  const last = communes[399];

  it('reports a duplicate and a sum mismatch in the last slot, and nothing else', async () => {
    const rows = [...lines, `2019,${last},tips,criminal,5`, `2019,${last},tips,social_evils,7`];
    const r = await run([H, ...rows].join('\n'));
    const totalRow = 1 + lines.indexOf(`2019,${last},tips,,10`) + 1;
    expect(where(r)).toEqual([
      ['duplicate', rows.length, 'value'],
      ['sum_mismatch', totalRow, 'value']
    ]);
    expect(r.errors[0].message.en).toContain(String(totalRow + 1));
    expect(r.table.length).toBe(lines.length + 1);
  });

  it('warns about an overlap once per area and metric, also in the last slot', async () => {
    const existing = [
      { area_code: last, metric: 'tips', period_start: '2019-06-01', period_end: '2019-06-30', report: 'r1' },
      {
        area_code: last,
        metric: 'models',
        period_start: '2019-01-01',
        period_end: '2019-12-31',
        report: 'r2'
      }
    ];
    const r = await run([H, ...lines].join('\n'), { existing });
    expect(r.warnings.map((w) => [w.code, w.row])).toEqual([
      ['period_overlap', 1 + lines.indexOf(`2019,${last},tips,,10`) + 1]
    ]);
  });
});

describe('layout readers', () => {
  it('are asked long first, so a metric column wins over figure columns', async () => {
    expect(READERS.map((r) => r.layout)).toEqual(['long', 'wide']);
    const r = await run('period,area_code,metric,value,Tổng số tin\n2018,00001,tips,5,7');
    expect(r.layout).toBe('long');
    expect(where(r)).toEqual([['unknown_column', 1, 'Tổng số tin']]);
    expect(r.observations.map((o) => o.value)).toEqual([5]);
  });

  it('count the rows of a file whose header no reader can read', async () => {
    const r = await run('period,area_code,note\n2018,00001,a\n2018,00004,b');
    expect(r.layout).toBe('unknown');
    expect(r.rows).toBe(2);
    expect(r.errors.map((e) => e.code)).toEqual(['missing_column']);
  });
});
