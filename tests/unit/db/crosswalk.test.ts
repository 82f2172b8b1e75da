import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '$db/bundle';
import { q, type Connector } from '$db/connector';
import { openNodeDb } from '$db/node';
import { refreshFigures } from '$db/figures';
import { derived, refreshDerived, type DerivedReader } from '$db/derived';
import { crosswalkLinks, unitSources, unitsWithoutValues } from '$db/queries/crosswalk';
import { diskBundle } from '../../../src/lib/server/bundle';

let db: Connector;
let read: DerivedReader;
beforeAll(async () => {
  db = await openNodeDb();
  await loadBundle(db, diskBundle());
  await refreshDerived(db);
  read = await derived(db);
}, 60_000); // loading every bundled report takes a few seconds on a busy machine

const Y2019 = ['2019-01-01', '2019-12-31'] as const;
const oldFigure = async (code: string, metric = 'tips') => {
  const [f] = await db.query<{ value: number }>(
    q(
      `SELECT value FROM figures WHERE area_structure = 'hn2019' AND area_code = ? AND metric = ? AND category = ''
       AND period_start = ?::DATE AND period_end = ?::DATE`,
      [code, metric, ...Y2019]
    )
  );
  return f?.value;
};

describe('crosswalk from the 2019 communes to the 2025 units', () => {
  it('loads the 795 links of data/areas/hanoi-crosswalk-2025.csv', async () => {
    const [r] = await db.query<{ n: number; full: number; news: number }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE relation = 'full') AS full,
              count(DISTINCT new_code) AS news FROM crosswalk`
    );
    expect(r).toEqual({ n: 795, full: 327, news: 126 });
  });

  it('lists the demo periods 2013–2018 … 2024 as 2019-structure periods for tips', async () => {
    const periods = await read.mapPeriods('tips');
    expect(periods.map((p) => p.period)).toEqual([
      '2013–2018',
      ...'2019 2020 2021 2022 2023 2024'.split(' ')
    ]);
    expect(periods.every((p) => p.structure === 'hn2019' && p.n === 579)).toBe(true);
    expect(periods[0].kinds).toBe('demo');
  });

  it('gives a unit made only of full links the exact sum of its old communes', async () => {
    const rows = await read.mapValues('tips', ...Y2019);
    expect(rows).toHaveLength(126);
    const sources = unitSources(await db.query(crosswalkLinks()), await read.mapOld('tips', ...Y2019));
    expect(sources).toHaveLength(795);
    const fullOnly = rows.filter(
      (r) => r.n_links > 1 && sources.filter((s) => s.new_code === r.code).every((s) => s.relation === 'full')
    );
    expect(fullOnly.length).toBeGreaterThan(0);
    for (const u of fullOnly) {
      const parts = sources.filter((s) => s.new_code === u.code);
      let sum = 0;
      for (const p of parts) sum += (await oldFigure(p.old_code))!;
      expect(u.value).toBe(sum);
      expect(u).toMatchObject({ qualifier: 'exact', approximate: false, converted: true });
    }
  });

  it('flags a unit with a partial link as approximate ("about"), never as an exact number', async () => {
    const rows = await read.mapValues('tips', ...Y2019);
    const links = await db.query<{ new_code: string }>(
      `SELECT DISTINCT new_code FROM crosswalk WHERE relation = 'partial'`
    );
    const partial = new Set(links.map((l) => l.new_code));
    expect(partial.size).toBeGreaterThan(0);
    for (const r of rows.filter((r) => partial.has(r.code))) {
      expect(r.approximate).toBe(true);
      expect(r.qualifier).toBe('about');
    }
    // 00004 Phường Ba Đình takes Phường Trúc Bạch whole and parts of its neighbours.
    expect(rows.find((r) => r.code === '00004')).toMatchObject({ name: 'Phường Ba Đình', approximate: true });
  });

  it('keeps the demo kind and report of the old communes', async () => {
    const rows = await read.mapValues('tips', ...Y2019);
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['demo']));
    expect(new Set(rows.map((r) => r.report_id))).toEqual(new Set(['demo-hanoi-communes']));
  });

  it('never adds up to more than all the old communes; the gap is the merged communes left out', async () => {
    for (const metric of ['tips', 'disputes_resolved', 'patrol_turns']) {
      const rows = await read.mapValues(metric, ...Y2019);
      const converted = rows.reduce((t, r) => t + (r.value ?? 0), 0);
      const [all] = await db.query<{ s: number }>(
        q(
          `SELECT sum(value) AS s FROM figures WHERE area_structure = 'hn2019' AND area_level = 'commune'
           AND category = '' AND metric = ? AND period_start = ?::DATE AND period_end = ?::DATE`,
          [metric, ...Y2019]
        )
      );
      const dropped = await read.mapDropped(metric, ...Y2019);
      expect(converted).toBeLessThanOrEqual(all.s + 1e-6);
      expect(dropped.n).toBe(53);
      expect(converted + dropped.value!).toBeCloseTo(all.s, 6);
    }
  });

  it('shows no value for a period without commune figures, and nothing converted', async () => {
    expect(await read.mapValues('tips', '2025-07-01', '2025-12-31')).toEqual([]);
    expect(await read.mapDropped('tips', '2025-07-01', '2025-12-31')).toEqual({ n: 0, value: null });
    const rows = await db.query(unitsWithoutValues());
    expect(rows).toHaveLength(126);
    expect(rows.every((r) => r.value === null && !r.converted && !r.approximate)).toBe(true);
    // The old figures of a unit's communes are each commune's own.
    const old = await read.mapOld('tips', ...Y2019);
    expect(old.size).toBe(579);
    expect(old.get('00001')).toBe(await oldFigure('00001'));
  });
});

describe('the map chart (registry id "map") at build time', () => {
  it('projects 126 unit paths from the GeoJSON, simplified to a small payload, and fills them with figures', async () => {
    const { CHART_FEEDS: CHARTS } = await import('$feeds/charts');
    const { CHARTS: DEFS } = await import('$charts/registry');
    const d = await CHARTS.map.load(db, DEFS.map.defaults);
    const g = d.shaped.geometry;
    expect(g.units).toHaveLength(126);
    expect(g.units.every((u) => /^M[\d.]+,[\d.]+l[-\d.,]+z$/.test(u.d))).toBe(true);
    // The 1 MB GeoJSON becomes a few tens of KB of path data.
    expect(JSON.stringify(g).length).toBeLessThan(120_000);
    expect(g.width).toBe(600);
    expect(g.height).toBeGreaterThan(600); // Hà Nội is taller than wide
    expect(d.context.periodLabel).toBe('2024');
    expect(d.shaped.converted).toBe(true);
    expect(d.shaped.dropped.n).toBe(53);
    expect(d.figures).toHaveLength(126);
    expect(d.figures.every((f) => f.kind === 'demo' && f.area_structure === 'hn2025')).toBe(true);
    const approx = d.shaped.units.filter((u) => u.approximate);
    expect(approx.every((u) => u.qualifier === 'about' && Number.isInteger(u.value))).toBe(true);
  });

  it('leaves out metrics that do not add up across areas, falling back to tips', async () => {
    const { CHART_FEEDS: CHARTS } = await import('$feeds/charts');
    const d = await CHARTS.map.load(db, { area: '01', metric: 'model_communes', period: '' });
    expect(d.context.metric).toBe('tips');
  });
});

// Last: it adds a report to the shared database.
describe('figures reported on the 2025 units', () => {
  it('shows figures reported on the 2025 units directly, without conversion', async () => {
    await db.query(
      `INSERT INTO reports (id, title, publisher, published, url, kind, notes, file)
       VALUES ('t-2025', 't', 't', DATE '2026-01-01', '', 'uploaded', '', 't.csv')`
    );
    await db.query(
      `INSERT INTO observations VALUES ('t-2025', '2025H2', DATE '2025-07-01', DATE '2025-12-31', '00004',
         'commune', 'hn2025', 'tips', '', 42, 'exact', '')`
    );
    await refreshFigures(db);
    await refreshDerived(db);
    const rows = await (await derived(db)).mapValues('tips', '2025-07-01', '2025-12-31');
    expect(rows.find((r) => r.code === '00004')).toMatchObject({
      value: 42,
      qualifier: 'exact',
      kind: 'uploaded',
      converted: false,
      approximate: false
    });
    expect(rows.filter((r) => r.value !== null)).toHaveLength(1);
    const { CHART_FEEDS: CHARTS } = await import('$feeds/charts');
    const d = await CHARTS.map.load(db, { area: '01', metric: 'tips', period: '2025-07-01/2025-12-31' });
    expect(d.shaped.converted).toBe(false);
    expect(d.figures.map((f) => [f.area_code, f.value, f.kind])).toEqual([['00004', 42, 'uploaded']]);
  });
});

describe('map geometry (pure)', () => {
  /** Absolute points of a path written by projectMap (M x,y then relative l pairs), in tenths of a pixel. */
  const points = (d: string): string[] => {
    const [m, rel] = d.slice(1, -1).split('l');
    const num = (s: string) => Math.round(Number(s) * 10);
    let [x, y] = m.split(',').map(num);
    const out = [`${x},${y}`];
    const deltas = rel.match(/-?[\d.]+/g)!.map(num);
    for (let i = 0; i < deltas.length; i += 2) out.push(`${(x += deltas[i])},${(y += deltas[i + 1])}`);
    return out;
  };
  // A west unit whose wiggly east border is shared with two units (NE, SE) meeting it at a T junction halfway.
  // The wiggles are irregular and about a pixel wide (1 px ≈ 0.001° here), so which points survive depends on
  // where a border's simplification starts and ends: simplified per unit, the west unit would disagree with them.
  const w = Array.from({ length: 61 }, (_, i) => [105.5 + (((i * 7919) % 13) / 13) * 0.0012, 21 + i / 600]);
  const mid = [105.6, w[30][1]];
  const rings: [string, string, number[][]][] = [
    [
      '01',
      'city',
      [
        [105.4, 21],
        [105.6, 21],
        [105.6, 21.1],
        [105.4, 21.1],
        [105.4, 21]
      ]
    ],
    ['W', 'commune', [[105.4, 21], ...w, [105.4, 21.1], [105.4, 21]]],
    ['SE', 'commune', [w[0], [105.6, 21], mid, ...w.slice(0, 31).reverse()]],
    ['NE', 'commune', [w[30], mid, [105.6, 21.1], ...w.slice(30).reverse()]]
  ];
  const fc = {
    type: 'FeatureCollection' as const,
    features: rings.map(([code, level, ring]) => ({
      type: 'Feature' as const,
      properties: { code, level },
      geometry: { type: 'Polygon' as const, coordinates: [ring] }
    }))
  };

  it('fits the map to the width and simplifies a shared border the same way on both sides', async () => {
    const { projectMap } = await import('$feeds/map/geometry');
    const g = projectMap(fc, 200, 0.5);
    expect(g.units.map((u) => u.code)).toEqual(['W', 'SE', 'NE']);
    expect(g.width).toBe(200);
    expect(g.height).toBeGreaterThan(90);
    const [west, se, ne] = g.units.map((u) => points(u.d));
    const x = (p: string) => Number(p.split(',')[0]);
    const minX = Math.min(...west.map(x));
    const maxX = Math.max(...se.map(x));
    // Every point of the wiggly border is kept by both sides alike, so no slivers or gaps open between units.
    const fromWest = new Set(west.filter((p) => x(p) > minX));
    const fromEast = new Set([...se, ...ne].filter((p) => x(p) < maxX));
    expect([...fromWest].sort()).toEqual([...fromEast].sort());
    expect(fromWest.size).toBeGreaterThan(4);
    expect(fromWest.size).toBeLessThan(50); // simplified, not kept whole
    for (const u of g.units) expect(u.c[0]).toBeGreaterThan(0);
  });
});
