import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '$db/bundle';
import type { Connector } from '$db/connector';
import { openNodeDb } from '$db/node';
import { areaPath, childAreas } from '$db/queries/areas';
import { childTotals, siblingRanks } from '$db/queries/drill';
import { childSeries } from '$db/queries/series';
import { diskBundle } from '../../../src/lib/server/bundle';

let db: Connector;
beforeAll(async () => {
  db = await openNodeDb();
  await loadBundle(db, diskBundle());
});

describe('drill-down queries', () => {
  it('walks from a commune up to the city for breadcrumbs', async () => {
    const path = await db.query(areaPath('00001')); // Phường Phúc Xá, Ba Đình
    expect(path.map((a) => a.code)).toEqual(['01', '001', '00001']);
  });

  it('lists the 30 districts under the city and ranks each among them', async () => {
    expect(await db.query(childAreas('01'))).toHaveLength(30);
    const ranks = await db.query(siblingRanks('001'));
    const tips2019 = ranks.find((r) => r.metric === 'tips' && r.period === '2019')!;
    expect(tips2019.n).toBe(30);
    expect(tips2019.rank).toBeGreaterThanOrEqual(1);
    expect(tips2019.rank).toBeLessThanOrEqual(30);
  });

  it('gives children totals that add up to the parent’s demo sum for a period', async () => {
    const kids = await db.query(childTotals('001', '2019-01-01', '2019-12-31'));
    const tips = kids.filter((k) => k.metric === 'tips').reduce((t, k) => t + k.value, 0);
    const series = await db.query(childSeries('01', 'tips'));
    const ba = series.find((f) => f.area_code === '001' && f.period === '2019' && f.category === '')!;
    expect(tips).toBe(ba.value);
  });

  it('ranks nothing for the city, which has no siblings', async () => {
    expect(await db.query(siblingRanks('01'))).toEqual([]);
  });
});
