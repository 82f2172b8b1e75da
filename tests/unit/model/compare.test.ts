import { describe, expect, it } from 'vitest';
import type { Figure } from '$model/figure';
import { fig } from '../../fixtures/figures';
import { categoryBars, compareFigures, compareRows, headlines, periodsOf } from '$model/compare';

const five = (metric: string, category: string, value: number, extra: Partial<Figure> = {}) =>
  fig('2013–2018', '2013-01-01', '2018-12-31', metric, category, value, extra);
const y2023 = (metric: string, category: string, value: number, extra: Partial<Figure> = {}) =>
  fig('2023', '2023-01-01', '2023-12-31', metric, category, value, { report_id: 'r2', ...extra });

describe('compareRows', () => {
  const figures = [
    five('tips', '', 208229),
    y2023('tips', '', 98826),
    five('models', '', 290),
    y2023('models', '', 600, { qualifier: 'nearly' })
  ];
  const [a, b] = periodsOf(figures);

  it('compares a six-year total with a one-year total per year, never raw', () => {
    const tips = compareRows(figures, a, b).find((r) => r.metric === 'tips' && r.category === '')!;
    expect(tips.perYear).toBe(true);
    expect(tips.a!.shown).toBeCloseTo(208229 / 6);
    expect(tips.b!.shown).toBe(98826);
    expect(tips.change).toBeCloseTo(98826 - 208229 / 6);
  });

  it('compares a stock as it stands and marks a qualified side approximate', () => {
    const models = compareRows(figures, a, b).find((r) => r.metric === 'models')!;
    expect(models.perYear).toBe(false);
    expect(models.change).toBe(310);
    expect(models.approx).toBe(true);
  });

  it('computes no change across a declared series break, carried by the figure', () => {
    const fs = [five('models', '', 290), y2023('models', '', 175, { series: 'r2' })];
    const models = compareRows(fs, a, b).find((r) => r.metric === 'models')!;
    expect(models).toMatchObject({ verdict: 'series_break', seriesBreak: true, change: null, pct: null });
  });

  it('computes no change between a demo figure and a real one', () => {
    const fs = [five('disputes_resolved', '', 15000), y2023('disputes_resolved', '', 3000, { kind: 'demo' })];
    const [pa, pb] = periodsOf(fs);
    expect(compareRows(fs, pa, pb)[0]).toMatchObject({ mixedKinds: true, change: null });
  });

  it('says "new" instead of a percentage from zero and gives none from a tiny base', () => {
    const fs = [
      five('trainees', '', 0),
      y2023('trainees', '', 50),
      five('training_classes', '', 6),
      y2023('training_classes', '', 30)
    ];
    const [pa, pb] = periodsOf(fs);
    const rows = compareRows(fs, pa, pb);
    expect(rows.find((r) => r.metric === 'trainees')).toMatchObject({ pct: null, pctNote: 'new' });
    expect(rows.find((r) => r.metric === 'training_classes')).toMatchObject({
      pct: null,
      pctNote: 'small_base'
    });
  });
});

describe('compareFigures', () => {
  it('withholds a change across a break, between demo and real, and to or from an unstated period', () => {
    const base = five('tips', '', 208229);
    expect(compareFigures(base, y2023('tips', '', 98826, { series: 'r2' }))).toMatchObject({
      verdict: 'series_break',
      change: null,
      pct: null
    });
    expect(compareFigures(base, y2023('tips', '', 98826, { kind: 'demo' }))).toMatchObject({
      verdict: 'mixed_kinds',
      change: null
    });
    const undated = y2023('tips', '', 98826, { period_stated: false });
    for (const c of [compareFigures(base, undated), compareFigures(undated, base)])
      expect(c).toMatchObject({ verdict: 'period_unstated', change: null, pct: null, perYear: false });
    // Never a rate: the figure is compared as the source gives it, or not at all.
    expect(compareFigures(base, undated).b).toBe(98826);
  });

  it('compares a flow per year when the lengths differ, a stock as it stands', () => {
    const tips = compareFigures(five('tips', '', 208229), y2023('tips', '', 98826));
    expect(tips).toMatchObject({ verdict: 'comparable', perYear: true, b: 98826 });
    expect(tips.a).toBeCloseTo(208229 / 6);
    expect(tips.pct).toBeCloseTo(98826 / (208229 / 6) - 1);
    const models = compareFigures(five('models', '', 290), y2023('models', '', 600));
    expect(models).toMatchObject({ verdict: 'comparable', perYear: false, change: 310 });
    expect(models.pct).toBeCloseTo(310 / 290);
  });

  it('compares awards, a flow, per year: 128 over six years is about 21 a year, not 128 beside 40', () => {
    const c = compareFigures(five('awards', '', 128), y2023('awards', '', 40));
    expect(c.perYear).toBe(true);
    expect(c.a).toBeCloseTo(128 / 6);
    expect(c.change).toBeCloseTo(40 - 128 / 6);
  });

  it('compares no flow between a period and a single day: there is no rate, and raw counts mislead', () => {
    const day = fig('2025-07-11', '2025-07-11', '2025-07-11', 'awards', '', 37, { report_id: 'r3' });
    expect(compareFigures(five('awards', '', 128), day)).toMatchObject({ verdict: 'no_rate', change: null });
    // Two single days are of one length: compared as they stand.
    const other = fig('2025-08-01', '2025-08-01', '2025-08-01', 'awards', '', 40, { report_id: 'r4' });
    expect(compareFigures(day, other)).toMatchObject({ verdict: 'comparable', perYear: false, change: 3 });
  });

  it('gives no % from a zero base ("new") or a base under 10, but the change', () => {
    expect(compareFigures(y2023('trainees', '', 0), y2023('trainees', '', 50))).toMatchObject({
      change: 50,
      pct: null,
      pctNote: 'new'
    });
    expect(compareFigures(y2023('trainees', '', 0), y2023('trainees', '', 0))).toMatchObject({
      change: 0,
      pct: null,
      pctNote: null
    });
    expect(compareFigures(y2023('models', '', 6), y2023('models', '', 30))).toMatchObject({
      change: 24,
      pct: null,
      pctNote: 'small_base'
    });
  });

  it('marks a change approximate when either side is qualified', () => {
    expect(
      compareFigures(five('models', '', 290), y2023('models', '', 600, { qualifier: 'nearly' })).approx
    ).toBe(true);
  });
});

describe('compareRows and an unstated period', () => {
  it('shows the unstated side as given, never as a rate, and computes no change', () => {
    const fs = [five('tips', '', 208229), y2023('tips', '', 98826, { period_stated: false })];
    const [a, b] = periodsOf(fs);
    const tips = compareRows(fs, a, b).find((r) => r.metric === 'tips' && r.category === '')!;
    expect(tips).toMatchObject({ perYear: true, periodUnstated: true, change: null, pct: null });
    expect(tips.a).toMatchObject({ rate: true });
    expect(tips.b).toMatchObject({ shown: 98826, rate: false });
  });
});

describe('headlines', () => {
  it('takes the latest period of each metric and the change from the one before', () => {
    const fs = [five('tips', '', 208229), y2023('tips', '', 98826)];
    const [h] = headlines(fs, ['tips']);
    expect(h.latest.value).toBe(98826);
    expect(h.previous!.value).toBe(208229);
    expect(h.change!.perYear).toBe(true);
  });

  it('gives no change from the period before when the figures say they are of different series', () => {
    const fs = [five('models', '', 290), y2023('models', '', 175, { series: 'r2' })];
    const [h] = headlines(fs, ['models']);
    expect(h.change).toMatchObject({ verdict: 'series_break', change: null });
  });
});

describe('categoryBars', () => {
  it('stacks categories of one report and never stacks a total over another report’s categories', () => {
    const fs = [
      five('tips', '', 208229),
      five('tips', 'political_security', 24962),
      five('tips', 'criminal', 115301),
      five('tips', 'social_evils', 55226),
      five('tips', 'other', 12740),
      y2023('tips', '', 98826),
      y2023('tips', 'criminal', 5000, { report_id: 'demo', kind: 'demo' })
    ];
    const [b1, b2] = categoryBars(fs, 'tips', true);
    expect(b1.segments.map((s) => s.category)).toEqual([
      'political_security',
      'criminal',
      'social_evils',
      'other'
    ]);
    expect(b1.segments.reduce((t, s) => t + s.shown, 0)).toBeCloseTo(208229 / 6);
    expect(b2.segments).toEqual([
      { category: '', value: 98826, shown: 98826, qualifier: 'exact', kind: 'published' }
    ]);
    expect(b2.undated).toBe(false);
  });

  it('draws an uploaded total with its own category, never demo categories under it', () => {
    const up = { report_id: 'u1', kind: 'uploaded' as const };
    const demo = { report_id: 'demo', kind: 'demo' as const };
    const fs = [
      y2023('tips', '', 123, up),
      y2023('tips', 'criminal', 70, up),
      y2023('tips', 'political_security', 20, demo),
      y2023('tips', 'social_evils', 30, demo),
      y2023('tips', 'other', 10, demo)
    ];
    const [bar] = categoryBars(fs, 'tips', false);
    expect(bar.segments).toEqual([
      { category: 'criminal', value: 70, shown: 70, qualifier: 'exact', kind: 'uploaded' },
      { category: '', value: 53, shown: 53, qualifier: 'exact', kind: 'uploaded' }
    ]);
  });

  it('marks a bar whose period is not stated and gives it no per-year rate', () => {
    const fs = [five('tips', '', 208229), y2023('tips', '', 98826, { period_stated: false })];
    const [b1, b2] = categoryBars(fs, 'tips', true);
    expect(b1).toMatchObject({ undated: false });
    expect(b1.segments[0].shown).toBeCloseTo(208229 / 6);
    expect(b2).toMatchObject({ undated: true });
    expect(b2.segments).toEqual([
      { category: '', value: 98826, shown: 98826, qualifier: 'exact', kind: 'published' }
    ]);
  });

  it('taints a bar with an unstated period when one of its categories has one', () => {
    const fs = [y2023('tips', '', 100), y2023('tips', 'criminal', 60, { period_stated: false })];
    expect(categoryBars(fs, 'tips', false)[0].undated).toBe(true);
  });
});
