import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ChoroplethMap from '$charts/ChoroplethMap.svelte';
import MapTable from '$charts/layers/MapTable.svelte';
import { classify, classLabels } from '$charts/map/classes';
import type { MapShape, MapUnit } from '$feeds/map/shape';
import type { ChartData } from '$charts/types';

const square = (x: number) => `M${x},0l10,0,0,10-10,0z`;
const unit = (code: string, name: string, value: number | null, extra: Partial<MapUnit> = {}): MapUnit => ({
  code,
  name,
  value,
  qualifier: value === null ? null : 'exact',
  kind: value === null ? null : 'demo',
  converted: value !== null,
  approximate: false,
  from: [],
  ...extra
});
const values = [100, 250, 800, 1200, 2500, 4000, 9000, 15000];
const units: MapUnit[] = [
  ...values.map((v, i) =>
    unit(`0000${i}`, `Phường P${i}`, v, { from: [[`1000${i}`, `Phường Cũ ${i}`, 1, v]] })
  ),
  unit('00010', 'Phường Ba Đình', 1234, {
    qualifier: 'about',
    approximate: true,
    from: [
      ['00004', 'Phường Trúc Bạch', 1, 1000],
      ['00007', 'Phường Cống Vị', 2, 468]
    ]
  }),
  unit('00011', 'Xã Trống', null)
];
const shaped: MapShape = {
  geometry: {
    width: 120,
    height: 10,
    outline: 'M0,0l120,0,0,10-120,0z',
    units: units.map((u, i) => ({ code: u.code, d: square(i * 10), c: [i * 10 + 5, 5] }))
  },
  units,
  periods: [],
  unit: { vi: 'tin', en: 'tips' },
  converted: true,
  dropped: { n: 53, value: 4247 }
};
const data: ChartData<MapShape> = { figures: [], shaped, context: { areaName: 'Hà Nội' } };
const params = { area: '01', metric: 'tips', period: '' };

describe('ChoroplethMap', () => {
  it('draws one focusable path per unit, named with its value, qualifier and demo marker', () => {
    const { container } = render(ChoroplethMap, { data, params, lang: 'vi' });
    const paths = container.querySelectorAll('path.unit');
    expect(paths).toHaveLength(10);
    // Every unit can take focus; one of them (the first) takes Tab, the arrow keys reach the others.
    expect([...paths].map((p) => p.getAttribute('tabindex'))).toEqual(['0', ...Array(9).fill('-1')]);
    const bd = screen.getByRole('button', { name: /Phường Ba Đình/ });
    expect(bd.getAttribute('aria-label')).toBe('Phường Ba Đình: ≈ 1.234 tin (xấp xỉ, Dữ liệu minh họa)');
    expect(screen.getByRole('button', { name: 'Xã Trống: Chưa có số liệu' })).toHaveAttribute(
      'fill',
      '#d9d9d9'
    );
  });

  it('renders the legend classes with vi-VN bounds, and keys for approximate and missing units', () => {
    render(ChoroplethMap, { data, params, lang: 'vi' });
    const legend = screen.getByRole('group', { name: /Chú giải/ });
    const expected = classLabels(classify(units.flatMap((u) => (u.value === null ? [] : [u.value]))), 'vi');
    expect(expected.length).toBeGreaterThanOrEqual(5);
    const items = within(legend).getAllByRole('listitem');
    expect(items.slice(0, expected.length).map((li) => li.textContent?.trim())).toEqual(expected);
    expect(expected.some((l) => /\d\.\d{3}/.test(l))).toBe(true); // 1.200-style thousands
    expect(legend).toHaveTextContent('≈ xấp xỉ');
    expect(legend).toHaveTextContent('Chưa có số liệu');
  });

  it('formats the legend the English way in English', () => {
    render(ChoroplethMap, { data, params, lang: 'en' });
    expect(screen.getByRole('group', { name: /Legend/ })).toHaveTextContent(/\d,\d{3}/);
  });

  it('hatches the approximate unit and says the figures are converted from the old units', () => {
    const { container } = render(ChoroplethMap, { data, params, lang: 'vi' });
    const bd = container.querySelector('path[data-code="00010"]')!;
    expect(bd.getAttribute('fill')).toMatch(/^url\(#.+-h\d\)$/);
    expect(bd).toHaveClass('approx');
    expect(container.querySelector('path[data-code="00000"]')!.getAttribute('fill')).toMatch(/^rgb|^#/);
    expect(screen.getByText(/Số liệu quy đổi từ đơn vị hành chính cũ/)).toBeInTheDocument();
    expect(container).toHaveTextContent('53 xã, phường cũ đã sáp nhập');
  });

  it('shows a tooltip on keyboard focus and opens the side panel on Enter', async () => {
    const { container } = render(ChoroplethMap, { data, params, lang: 'vi' });
    const bd = screen.getByRole('button', { name: /Phường Ba Đình/ });
    await fireEvent.focus(bd);
    expect(container.querySelector('.tip')).toHaveTextContent('≈ 1.234 tin');
    await fireEvent.keyDown(bd, { key: 'Enter' });
    const panel = container.querySelector('.map-panel') as HTMLElement;
    expect(within(panel).getByRole('heading', { name: 'Phường Ba Đình' })).toBeInTheDocument();
    expect(within(panel).getByRole('link', { name: 'Phường Trúc Bạch' })).toHaveAttribute(
      'href',
      '/areas/00004'
    );
    expect(panel).toHaveTextContent('một phần: 1/2 × 468');
    expect(panel).toHaveTextContent('Số xấp xỉ');
  });
});

describe('MapTable', () => {
  it('lists every unit with its value and the approximate flag', () => {
    render(MapTable, { data, params, lang: 'vi' });
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(10);
    const bd = screen.getByRole('row', { name: /Phường Ba Đình/ });
    expect(bd).toHaveTextContent('≈ 1.234');
    expect(bd).toHaveTextContent('≈ xấp xỉ');
    expect(screen.getByRole('row', { name: /Phường P0/ })).not.toHaveTextContent('xấp xỉ');
    expect(screen.getByRole('row', { name: /Xã Trống/ })).toHaveTextContent('Chưa có số liệu');
  });
});
