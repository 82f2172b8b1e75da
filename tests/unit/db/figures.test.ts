import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '$db/bundle';
import type { Connector } from '$db/connector';
import { openNodeDb } from '$db/node';
import { areaSeries } from '$db/queries/series';
import { sumMismatches } from '$db/queries/checks';
import { reportList } from '$db/queries/reports';
import { diskBundle } from '../../../src/lib/server/bundle';
import { uploadedReport } from '../../fixtures/reports';

let db: Connector;
beforeAll(async () => {
  db = await openNodeDb();
  await loadBundle(db, diskBundle());
});

const pick = <R extends { period: string; metric: string; category: string }>(
  rows: R[],
  period: string,
  metric: string,
  category = ''
) => rows.filter((r) => r.period === period && r.metric === metric && r.category === category);

describe('figures on the bundled data', () => {
  it('shows the published 208.229 tips for Hà Nội 2013–2018, not the published total plus the demo sum', async () => {
    const rows = await db.query(areaSeries('01'));
    const [tips] = pick(rows, '2013–2018', 'tips');
    expect(tips).toMatchObject({ value: 208229, qualifier: 'exact', kind: 'published', basis: 'reported' });
    expect(tips.n_candidates).toBe(2); // the demo sum competed and lost
    expect(pick(rows, '2013–2018', 'tips', 'criminal')[0]).toMatchObject({
      value: 115301,
      kind: 'published'
    });
  });

  it('keeps the "more than" qualifier of a published figure', async () => {
    const rows = await db.query(areaSeries('01'));
    expect(pick(rows, '2013–2018', 'disputes_resolved')[0]).toMatchObject({
      value: 15000,
      qualifier: 'more_than'
    });
  });

  it('sums demo communes for a district, marked demo, with the total derived from the four categories', async () => {
    const rows = await db.query(areaSeries('001')); // Ba Đình
    const [tips] = pick(rows, '2019', 'tips');
    expect(tips).toMatchObject({ kind: 'demo', basis: 'sum_of_children' });
    const cats = ['political_security', 'criminal', 'social_evils', 'other'].map(
      (c) => pick(rows, '2019', 'tips', c)[0].value as number
    );
    expect(tips.value).toBe(cats.reduce((a, b) => a + b, 0));
  });

  it('derives communes per model type from commune data: the demo gives 174 for cluster linkage', async () => {
    const [demoCount] = await db.query({
      sql: `SELECT count(DISTINCT area_code) AS n FROM observations
            WHERE report_id = 'demo-hanoi-communes' AND period = '2013–2018' AND metric = 'models'
              AND category = 'cluster_linkage' AND value > 0`,
      params: []
    });
    expect(demoCount.n).toBe(174);
    const rows = await db.query(areaSeries('01'));
    expect(pick(rows, '2019', 'model_communes', 'cluster_linkage')[0]).toMatchObject({
      kind: 'demo',
      basis: 'sum_of_children'
    });
  });

  it('never sums a non-additive metric: the city count of models comes only from a report', async () => {
    const rows = await db.query(areaSeries('01'));
    expect(pick(rows, '2019', 'models')).toEqual([]);
    expect(pick(rows, '2013–2018', 'models')[0]).toMatchObject({ value: 290, kind: 'published' });
  });

  it('prefers the published 2023 city total over the demo sum for the same year', async () => {
    const rows = await db.query(areaSeries('01'));
    expect(pick(rows, '2023', 'tips')[0]).toMatchObject({ value: 98826, kind: 'published' });
    // categories for 2023 exist only in demo data: they stay demo-marked
    expect(pick(rows, '2023', 'tips', 'criminal')[0].kind).toBe('demo');
  });

  it('finds no sum mismatch in the bundled reports', async () => {
    expect(await db.query(sumMismatches())).toEqual([]);
  });

  it('lists every bundled report with its kind and observation count', async () => {
    const reports = await db.query(reportList());
    expect(reports.map((r) => r.id)).toContain('hn-2013-2018-review');
    expect(reports.find((r) => r.id === 'demo-hanoi-communes')).toMatchObject({
      kind: 'demo',
      observations: 52689
    });
  });
});

describe('bundled observations', () => {
  it('never give one cell twice in a report (sums of categories count rows, figures.ts relies on it)', async () => {
    const [dup] = await db.query<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM (
         SELECT 1 FROM observations
         GROUP BY report_id, period_start, period_end, area_structure, area_code, metric, category
         HAVING count(*) > 1)`
    );
    expect(dup.n).toBe(0);
  });
});

describe('partial coverage', () => {
  it('never lets two districts’ real figures stand for the city, and marks a partial sum as "more than"', async () => {
    const up = await openNodeDb();
    await loadBundle(up, {
      ...diskBundle(),
      extraReports: async (db) => {
        const csv =
          'period,period_start,period_end,area_code,metric,category,value,qualifier,note\n' +
          '2024,2024-01-01,2024-12-31,001,tips,,1111,exact,\n2024,2024-01-01,2024-12-31,002,tips,,2222,exact,\n' +
          '2022-H1,2022-01-01,2022-06-30,001,patrol_turns,,500,exact,\n';
        const { addReport } = await import('$db/uploads');
        await addReport(db, uploadedReport('up'), { csv });
      }
    });
    const city = await up.query(areaSeries('01'));
    const tips2024 = city.find((f) => f.period === '2024' && f.metric === 'tips' && f.category === '')!;
    expect(tips2024).toMatchObject({ kind: 'demo', basis: 'sum_of_children' }); // the complete demo sum, marked demo
    expect(tips2024.value).not.toBe(3333);
    // Where only a partial sum exists, it is shown as a lower bound.
    const patrolH1 = city.find((f) => f.period === '2022-H1' && f.metric === 'patrol_turns')!;
    expect(patrolH1).toMatchObject({ value: 500, qualifier: 'more_than', kind: 'uploaded' });
    // The district itself shows the uploaded real figure.
    const ba = (await up.query(areaSeries('001'))).find(
      (f) => f.period === '2024' && f.metric === 'tips' && f.category === ''
    )!;
    expect(ba).toMatchObject({ value: 1111, kind: 'uploaded', basis: 'reported' });
  }, 120_000);
});
