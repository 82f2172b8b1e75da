import { describe, expect, it } from 'vitest';
import { barBox, barPaths, paintOrder, type Bar } from '$charts/bars';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** A bar of stacked values (a: 0..va, b: va..va+vb); `demo` marks segment b. */
const bar = (key: string, start: string, end: string, va: number, vb: number, demo = false): Bar => ({
  key,
  start: d(start),
  end: d(end),
  segments: [
    { category: 'a', colour: '#a', y0: 0, y1: va, demo: false },
    { category: 'b', colour: '#b', y0: va, y1: va + vb, demo }
  ]
});
// One pixel a day from 2014-01-01; 100 px high for 100 units, upwards.
const x = (t: Date) => (t.getTime() - d('2014-01-01').getTime()) / 86_400_000;
const y = (v: number) => 100 - v;

/** The rectangles `M x,y h w v h h -w Z` of a path, as [x, y, w, h]. */
const rects = (path: string) =>
  [...path.matchAll(/M([-\d.]+),([-\d.]+)h([-\d.]+)v([-\d.]+)h[-\d.]+Z/g)].map((m) => m.slice(1).map(Number));

describe('period bars as paths', () => {
  const year = bar('2014', '2014-01-01', '2015-01-01', 40, 20);
  const jan = bar('2014-01', '2014-01-01', '2014-02-01', 10, 5, true);
  const feb = bar('2014-02', '2014-02-01', '2014-03-01', 30, 0);

  it('paints longer periods first, so a month is drawn, and found by the pointer, over its year', () => {
    expect(paintOrder([jan, year, feb])).toEqual([1, 0, 2]);
    // Equal lengths keep their order.
    const mar = bar('2014-03', '2014-03-01', '2014-04-01', 1, 1);
    expect(paintOrder([mar, jan])).toEqual([0, 1]);
  });

  it('draws each segment once, in its colour, with the demo ones hatched over, a layer per period length', () => {
    const paths = barPaths([jan, year, feb], x, y, 2);
    expect(paths.map((p) => p.fill)).toEqual(['#a', '#b', '#a', '#b', '', '#a']);
    const [yearA, yearB, janA, janB, janHatch, febA] = paths.map((p) => rects(p.d));
    // The year: 365 days less the gap, from the base to 40, then 40 to 60.
    expect(yearA).toEqual([[1, 60, 363, 40]]);
    expect(yearB).toEqual([[1, 40, 363, 20]]);
    expect(janA).toEqual([[1, 90, 29, 10]]);
    expect(janB).toEqual([[1, 85, 29, 5]]);
    expect(janHatch).toEqual(janB);
    // February has no segment b (0 high): no empty rectangle for it.
    expect(febA).toEqual([[32, 70, 26, 30]]);
    expect(paths.flatMap((p) => rects(p.d))).toHaveLength(6);
  });

  it("gives each bar one box from its base to its stack's top, at least a pixel wide", () => {
    expect(barBox(year, x, y, 2)).toEqual({ x: 1, y: 40, width: 363, height: 60 });
    const day = bar('d', '2014-01-01', '2014-01-02', 1, 1);
    expect(barBox(day, x, y, 2).width).toBe(1);
    expect(barBox({ ...day, segments: [] }, x, y, 2).height).toBe(0);
  });
});
