import { describe, expect, it } from 'vitest';
import type { Figure } from '$model/figure';
import { fig } from '../../fixtures/figures';
import { breaksOf, categoryBars, compareRows, headlines, periodsOf } from '$model/compare';

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

  it('computes no change across a declared series break', () => {
    const breaks = breaksOf([{ id: 'r2', breaks: ['models'] }]);
    const models = compareRows(figures, a, b, breaks).find((r) => r.metric === 'models')!;
    expect(models).toMatchObject({ seriesBreak: true, change: null, pct: null });
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

describe('headlines', () => {
  it('takes the latest period of each metric and the change from the one before', () => {
    const fs = [five('tips', '', 208229), y2023('tips', '', 98826)];
    const [h] = headlines(fs, ['tips']);
    expect(h.latest.value).toBe(98826);
    expect(h.previous!.value).toBe(208229);
    expect(h.change!.perYear).toBe(true);
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
  });
});
