import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '$db/bundle';
import type { Connector } from '$db/connector';
import { derived, refreshDerived } from '$db/derived';
import { previewAreaQuery } from '$db/figures';
import { openNodeDb } from '$db/node';
import { reportList } from '$db/queries/reports';
import { areaMetricSeries, areaSeries, childSeries } from '$db/queries/series';
import { stagedCandidates, stageReport, unstage } from '$db/schema';
import { addReport } from '$db/uploads';
import { compareRows, headlines, periodsOf } from '$model/compare';
import type { Figure } from '$model/figure';
import { diskBundle } from '../../../src/lib/server/bundle';
import { fig } from '../../fixtures/figures';
import { uploadedReport } from '../../fixtures/reports';

let db: Connector;
beforeAll(async () => {
  db = await openNodeDb();
  await loadBundle(db, diskBundle());
  await refreshDerived(db);
}, 120_000);

/** Every field a Figure has, by the shared fixture. */
const FIELDS = Object.keys(fig('2019', '2019-01-01', '2019-12-31', 'tips', '', 1)).sort();
const city = async () => (await db.query(areaSeries('01'))) as unknown as Figure[];
const cell = (fs: Figure[], metric: string, start: string, category = '') =>
  fs.find((f) => f.metric === metric && f.period_start === start && f.category === category)!;

describe('reports carry their metadata', () => {
  it('reportList gives each report its breaks, unstated periods and their note', async () => {
    const byId = new Map((await db.query(reportList())).map((r) => [r.id, r]));
    expect(byId.get('hn-2023-festival')).toMatchObject({
      breaks: ['awards'],
      period_unstated: ['tips'],
      period_note: expect.stringContaining('98.826')
    });
    expect(byId.get('hn-2025-cameras')).toMatchObject({ breaks: ['models'], period_unstated: [] });
    expect(byId.get('hn-2013-2018-review')).toMatchObject({
      breaks: [],
      period_unstated: [],
      period_note: ''
    });
  });
});

describe('figures carry what the comparison rule needs', () => {
  it('every query and derived read that yields figures returns the series and whether the period is stated', async () => {
    const read = await derived(db);
    const sets: Record<string, Figure[]> = {
      areaSeries: await city(),
      childSeries: (await db.query(childSeries('001', 'tips'))) as unknown as Figure[],
      areaMetricSeries: (await db.query(areaMetricSeries('00001', 'tips'))) as unknown as Figure[],
      upperSeries: await read.upperSeries('01', 'tips'),
      childrenInPeriod: await read.childrenInPeriod('001', 'tips', null, null),
      childTotalSeries: await read.childTotalSeries('001', 'tips'),
      childModels: await read.childModels('001', null, null)
    };
    for (const [name, fs] of Object.entries(sets)) {
      expect(fs.length, name).toBeGreaterThan(0);
      for (const f of fs) {
        expect(Object.keys(f).sort(), name).toEqual(FIELDS);
        expect(typeof f.series, name).toBe('string');
        expect(typeof f.period_stated, name).toBe('boolean');
      }
    }
  });

  it('gives the festival’s tips an unstated period and its awards, and the cameras’ models, their own series', async () => {
    const fs = await city();
    expect(cell(fs, 'tips', '2023-01-01')).toMatchObject({
      report_id: 'hn-2023-festival',
      period_stated: false,
      series: ''
    });
    expect(cell(fs, 'awards', '2023-01-01')).toMatchObject({
      series: 'hn-2023-festival',
      period_stated: true
    });
    expect(cell(fs, 'models', '2025-07-02')).toMatchObject({ series: 'hn-2025-cameras' });
    expect(cell(fs, 'tips', '2013-01-01')).toMatchObject({ series: '', period_stated: true });
  });

  it('compares the bundled figures by one rule whichever page asks: no change to the festival’s tips or across a break', async () => {
    const fs = await city();
    const [a] = periodsOf(fs.filter((f) => f.period_start === '2013-01-01'));
    const [b] = periodsOf(fs.filter((f) => f.period_start === '2023-01-01' && f.period_end === '2023-12-31'));
    const rows = compareRows(fs, a, b);
    const row = (metric: string) => rows.find((r) => r.metric === metric && r.category === '')!;
    expect(row('tips')).toMatchObject({ verdict: 'period_unstated', change: null, pct: null });
    expect(row('tips').b).toMatchObject({ shown: 98826, rate: false });
    expect(row('awards')).toMatchObject({ verdict: 'series_break', change: null });
    // The areas page and the overview pass nothing but the figures: the models tile says "not compared".
    const [models] = headlines(fs, ['models']);
    expect(models.change).toMatchObject({ verdict: 'series_break', change: null });
  });

  it('gives an upload’s figures (committed and in preview) the common series and a stated period', async () => {
    const csv =
      'period,period_start,period_end,area_code,metric,category,value,qualifier,note\n' +
      '2026,2026-01-01,2026-12-31,01,tips,,123,exact,\n' +
      '2026,2026-01-01,2026-12-31,01,tips,criminal,70,exact,\n';
    await ensurePreview(csv);
    await addReport(db, uploadedReport('meta-up'), { csv });
    const f = cell(await city(), 'tips', '2026-01-01');
    expect(f).toMatchObject({ report_id: 'meta-up', series: '', period_stated: true });
  });

  it('gives a report that declares an unstated period and a break figures that say so, sums of children too', async () => {
    const csv =
      'period,period_start,period_end,area_code,metric,category,value,qualifier,note\n' +
      '2024-H1,2024-01-01,2024-06-30,001,disputes_resolved,,5,exact,\n' +
      '2024-H1,2024-01-01,2024-06-30,002,disputes_resolved,,7,exact,\n';
    const report = uploadedReport('meta-unstated', {
      period_unstated: ['disputes_resolved'],
      breaks: ['disputes_resolved']
    });
    await addReport(db, report, { csv });
    // Two of the city's districts: a partial sum of children, the only candidate for the city in 2024-H1.
    const f = cell(await city(), 'disputes_resolved', '2024-01-01');
    expect(f).toMatchObject({
      basis: 'sum_of_children',
      value: 12,
      period_stated: false,
      series: 'meta-unstated'
    });
    const district = (await db.query(areaSeries('001'))).find(
      (x) =>
        x.metric === 'disputes_resolved' && x.period_start === '2024-01-01' && x.period_end === '2024-06-30'
    );
    expect(district).toMatchObject({ basis: 'reported', period_stated: false, series: 'meta-unstated' });
  });
});

/** The preview of an upload (not committed) yields figures with the new fields too. */
async function ensurePreview(csv: string) {
  const key = 'meta_preview';
  await stageReport(db, key, 'meta-preview', { csv }, 'p.csv');
  try {
    const fs = await db.query(previewAreaQuery(stagedCandidates(key), '01', 'meta-preview', '2026-11-25'));
    expect(fs.length).toBeGreaterThan(0);
    for (const f of fs) {
      expect(Object.keys(f).sort()).toEqual(FIELDS);
      expect(typeof f.period_stated).toBe('boolean');
    }
    expect(fs.find((f) => f.report_id === 'meta-preview')).toMatchObject({ series: '', period_stated: true });
  } finally {
    await unstage(db, key, 'meta-preview');
  }
}
