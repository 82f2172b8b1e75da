import { describe, expect, it } from 'vitest';
import { figureChanges } from '$model/upload';
import { fig as figure } from '../../fixtures/figures';

/** A city figure; its period label is not what figureChanges compares. */
const fig = (start: string, end: string, metric: string, category: string, value: number) =>
  figure(start.slice(0, 7), start, end, metric, category, value, { report_id: 'r' });

describe('figureChanges', () => {
  it('lists the city figures an upload adds, changes or takes away, by period, metric and category', () => {
    const before = [
      fig('2019-01-01', '2019-12-31', 'tips', '', 100),
      fig('2019-01-01', '2019-12-31', 'tips', 'criminal', 40),
      fig('2018-01-01', '2018-12-31', 'tips', '', 90)
    ];
    const after = [
      fig('2019-01-01', '2019-12-31', 'tips', '', 100), // unchanged: not listed
      fig('2019-01-01', '2019-12-31', 'tips', 'criminal', 45),
      fig('2019-03-01', '2019-03-31', 'tips', '', 8),
      fig('2019-01-01', '2019-06-30', 'disputes', '', 3),
      fig('2019-01-01', '2019-06-30', 'awards', 'ubnd', 1)
    ];
    const c = figureChanges(before, after);
    expect(c.map((x) => [x.period_start, x.period_end, x.metric, x.category])).toEqual([
      ['2018-01-01', '2018-12-31', 'tips', ''], // gone
      ['2019-01-01', '2019-06-30', 'awards', 'ubnd'],
      ['2019-01-01', '2019-06-30', 'disputes', ''],
      ['2019-01-01', '2019-12-31', 'tips', 'criminal'],
      ['2019-03-01', '2019-03-31', 'tips', '']
    ]);
    expect(c[0].before?.value).toBe(90);
    expect(c[0].after).toBeUndefined();
    expect(c[3]).toMatchObject({ before: { value: 40 }, after: { value: 45 } });
    expect(c[4].before).toBeUndefined();
    expect(c[4].after?.value).toBe(8);
  });
});
