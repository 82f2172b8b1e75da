import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import SmallMultiplesChart from '$charts/SmallMultiplesChart.svelte';
import Sparkline from '$charts/Sparkline.svelte';
import { barAt, latestBar } from '$charts/shape';
import { multiplesPanels } from '$feeds/shape';
import { timeSpan } from '$model/periods';
import { sparkPoints } from '$model/compare';
import { fig } from '../fixtures/figures';

// Periods that share a start (a month, its year, a five-year report) or a midpoint (2014 and 2013–2015): what a
// monthly upload beside yearly and five-year reports gives. Keyed by start or midpoint, Svelte threw
// each_key_duplicate and the chart stopped updating.
const district = { area_code: '001', area_level: 'district' as const };
const figures = [
  fig('2013-01', '2013-01-01', '2013-01-31', 'tips', '', 10, district),
  fig('2013', '2013-01-01', '2013-12-31', 'tips', '', 120, district),
  fig('2013–2018', '2013-01-01', '2018-12-31', 'tips', '', 700, district),
  fig('2014', '2014-01-01', '2014-12-31', 'tips', '', 130, district),
  fig('2013–2015', '2013-01-01', '2015-12-31', 'tips', '', 390, district)
];

describe('charts with periods that share a start or a midpoint', () => {
  it('small multiples draw a bar for every period', () => {
    const units = [{ code: '001', name: 'Ba Đình', type: 'Quận' }];
    const shaped = multiplesPanels(units as never, figures, false);
    const { container } = render(SmallMultiplesChart, {
      data: { figures, shaped, context: { areaName: 'Hà Nội' } },
      params: { area: '01', metric: 'tips', period: '' },
      lang: 'vi'
    });
    // Five bars, real data in one path: five rectangles.
    const real = container.querySelector('path[fill-opacity="1"]')!.getAttribute('d')!;
    expect(real.match(/M/g)).toHaveLength(5);
    expect(real).toContain('V64');
    expect(container.querySelector('a')?.getAttribute('aria-label')).toContain('2013–2018 700');
    // The drawing spans the first start to the latest end (2018, not 2014, the last period to start); no bar leaves it.
    expect(shaped.t1).toBe(Date.parse('2019-01-01'));
    for (const d of [...container.querySelectorAll('path')].map((p) => p.getAttribute('d')!))
      for (const [, x, w] of d.matchAll(/M([\d.]+),[\d.]+h([\d.]+)/g))
        expect(Number(x) + Number(w)).toBeLessThanOrEqual(160);
    // No time axis on the panels: the years they span are under the grid.
    expect(container.querySelector('.scale')?.textContent?.replace(/\s+/g, ' ').trim()).toMatch(
      /0–700 tin · 2013–2018$/
    );
  });

  it('a sparkline draws a point for every period', () => {
    const points = sparkPoints(figures, 'tips', '', false);
    expect(new Set(points.map((p) => p.t)).size).toBeLessThan(points.length);
    const { container } = render(Sparkline, { points });
    expect(container.querySelectorAll('circle')).toHaveLength(5);
  });

  it('the tooltip takes the shortest period under the pointer, and the latest one on focus', () => {
    const bars = multiplesPanels([{ code: '001', name: 'Ba Đình', type: 'Quận' }] as never, figures, false)
      .panels[0].bars;
    const at = (iso: string) => barAt(bars, Date.parse(iso))?.label;
    expect(at('2013-01-15')).toBe('2013-01');
    expect(at('2013-01-31')).toBe('2013-01');
    expect(at('2013-02-01')).toBe('2013');
    expect(at('2014-06-01')).toBe('2014');
    expect(at('2015-06-01')).toBe('2013–2015');
    expect(at('2017-06-01')).toBe('2013–2018');
    expect(at('2019-01-01')).toBeUndefined();
    expect(latestBar(bars)?.label).toBe('2013–2018');
    expect(latestBar([])).toBeNull();
  });

  it('a time axis spans the first start to the latest end, not the end of the last period to start', () => {
    const at = (iso: string) => new Date(`${iso}T00:00:00Z`);
    expect(
      timeSpan([
        { start: at('2013-01-01'), end: at('2019-01-01') },
        { start: at('2014-01-01'), end: at('2015-01-01') }
      ])
    ).toEqual([Date.parse('2013-01-01'), Date.parse('2019-01-01')]);
    expect(timeSpan([])).toEqual([0, 1]);
  });
});
