import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '$db/bundle';
import { arrowRows, type Connector } from '$db/connector';
import { derived, derivedReady, refreshDerived, type DerivedReader } from '$db/derived';
import { refreshFigures } from '$db/figures';
import { openNodeDb } from '$db/node';
import { childAreas } from '$db/queries/areas';
import { areaMetricSeries, areaSeries, childSeries } from '$db/queries/series';
import { loadReport } from '$db/schema';
import { CHART_FEEDS as CHARTS } from '$feeds/charts';
import { inPeriod, pickPeriod } from '$feeds/shape';
import type { Figure } from '$model/figure';
import { diskBundle } from '../../../src/lib/server/bundle';
import { uploadedReport } from '../../fixtures/reports';

let db: Connector;
let read: DerivedReader;
beforeAll(async () => {
  db = await openNodeDb();
  await loadBundle(db, diskBundle());
  await refreshDerived(db);
  read = await derived(db);
}, 120_000);

const Y2019 = ['2019-01-01', '2019-12-31'] as const;
const sameFigures = (a: object[], b: object[]) => expect(a).toEqual(b);

describe('tables derived from figures', () => {
  it('upperSeries gives the city and district figures exactly as figures does, source and qualifier kept', async () => {
    for (const area of ['01', '001', '282']) {
      const all = await db.query(areaSeries(area));
      for (const metric of ['tips', 'disputes_resolved', 'model_communes']) {
        const want = all.filter((f) => f.metric === metric);
        if (metric === 'tips') expect(want.length).toBeGreaterThan(0);
        sameFigures(await read.upperSeries(area, metric), want);
        sameFigures(await db.query(areaMetricSeries(area, metric)), want);
        sameFigures(
          await read.upperSeries(area, metric, true),
          want.filter((f) => f.category === '')
        );
        sameFigures(
          await db.query(areaMetricSeries(area, metric, { totalsOnly: true })),
          want.filter((f) => f.category === '')
        );
      }
    }
    // The city's published 208.229 tips of 2013–2018, with its report.
    const [tips] = (await read.upperSeries('01', 'tips', true)).filter((f) => f.period === '2013–2018');
    expect(tips).toMatchObject({ value: 208229, qualifier: 'exact', kind: 'published', basis: 'reported' });
    expect(tips.report_id).toBeTruthy();
  });

  it("childrenInPeriod gives each child's total of one period, as childSeries filtered in JS does", async () => {
    for (const parent of ['01', '001']) {
      for (const metric of ['tips', 'disputes_resolved']) {
        const all = (await db.query(childSeries(parent, metric))) as unknown as Figure[];
        for (const key of ['', `${Y2019[0]}/${Y2019[1]}`]) {
          const want = inPeriod(all, pickPeriod(all, key)).filter((f) => f.category === '');
          expect(want.length).toBeGreaterThan(0);
          const rows = await read.childrenInPeriod(
            parent,
            metric,
            key ? Y2019[0] : null,
            key ? Y2019[1] : null
          );
          sameFigures(
            rows,
            [...want].sort((a, b) => a.area_code.localeCompare(b.area_code))
          );
        }
      }
    }
  });

  it('childrenInPeriod gives nothing for a period no child has, or a date that does not exist', async () => {
    expect(await read.childrenInPeriod('001', 'tips', '1999-01-01', '1999-12-31')).toEqual([]);
    expect(await read.childrenInPeriod('001', 'tips', '2019-02-30', '2019-12-31')).toEqual([]);
    expect(await read.childrenInPeriod('nowhere', 'tips', null, null)).toEqual([]);
    expect(await read.upperSeries('01', 'no_such_metric')).toEqual([]);
  });

  it("childTotalSeries gives the districts' totals across periods, as childSeries filtered in JS does", async () => {
    const all = await db.query(childSeries('01', 'tips'));
    sameFigures(
      await read.childTotalSeries('01', 'tips'),
      all.filter((f) => f.category === '')
    );
  });

  it("childModels gives the children's models by type in one period, as childSeries filtered in JS does", async () => {
    for (const parent of ['001', '017']) {
      const all = (await db.query(childSeries(parent, 'models'))) as unknown as Figure[];
      for (const key of ['', `${Y2019[0]}/${Y2019[1]}`]) {
        const want = inPeriod(all, pickPeriod(all, key)).filter((f) => f.category !== '');
        expect(want.length).toBeGreaterThan(0);
        sameFigures(await read.childModels(parent, key ? Y2019[0] : null, key ? Y2019[1] : null), want);
      }
    }
    expect(await read.childModels('nowhere', null, null)).toEqual([]);
  });

  it('the heatmap and the small multiples list the children as SQL orders them by name', async () => {
    const heat = await CHARTS['model-heatmap'].load(db, { area: '001', metric: 'models', period: '' });
    const kids = await db.query(childAreas('001'));
    // Every child with a model, once (the chart orders them by their models).
    const withModels = new Set(heat.figures.map((f) => f.area_code));
    expect(heat.shaped.rows.map((r) => r.key).sort()).toEqual(
      kids
        .map((a) => a.code)
        .filter((c) => withModels.has(c))
        .sort()
    );
    expect(heat.figures.length).toBeGreaterThan(0);
    expect(heat.figures.every((f) => f.category !== '' && f.period === heat.context.periodLabel)).toBe(true);
    const multiples = await CHARTS['district-multiples'].load(db, { area: '01', metric: 'tips', period: '' });
    const districts = (await db.query(childAreas('01'))).map((a) => a.code);
    const shown = multiples.shaped.panels.map((p) => p.key);
    expect(shown).toEqual(districts.filter((c) => shown.includes(c)));
    expect(shown.length).toBeGreaterThan(20);
  });

  it('children-ranked loads the same bars, figures and title as before the derived tables', async () => {
    const data = await CHARTS['children-ranked'].load(db, { area: '001', metric: 'tips', period: '' });
    const all = (await db.query(childSeries('001', 'tips'))) as unknown as Figure[];
    const latest = pickPeriod(all, '')!;
    expect(data.context).toMatchObject({ areaName: 'Quận Ba Đình', periodLabel: latest.label });
    expect(data.figures).toHaveLength(inPeriod(all, latest).filter((f) => f.category === '').length);
    const items = data.shaped.items;
    expect(items[0].href).toMatch(/^\/areas\/\d{5}$/);
    expect(items.map((i) => i.value)).toEqual([...items.map((i) => i.value)].sort((a, b) => b - a));
    expect(items.every((i) => typeof i.label === 'string' && /^(Phường|Xã|Thị trấn) /.test(i.label))).toBe(
      true
    );
    const names = new Map((await db.query(childAreas('001'))).map((a) => [a.code, `${a.type} ${a.name}`]));
    expect(items.map((i) => i.label)).toEqual(items.map((i) => names.get(i.key)));
    const bad = await CHARTS['children-ranked'].load(db, { area: '001', metric: 'tips', period: 'x/y' });
    expect(bad.figures).toEqual([]);
  });

  it('are rebuilt when figures is replaced, even without a call to refreshDerived', async () => {
    const up = await openNodeDb();
    await loadBundle(up, diskBundle());
    await derivedReady(up);
    const before = await (await derived(up)).upperSeries('001', 'tips', true);
    expect(before.some((f) => f.period === '2024-Q3')).toBe(false);
    await loadReport(
      up,
      uploadedReport('up-derived'),
      'period,period_start,period_end,area_code,metric,category,value,qualifier,note\n' +
        '2024-Q3,2024-07-01,2024-09-30,00001,tips,,7,more_than,\n'
    );
    await refreshFigures(up);
    await derivedReady(up); // finds figures replaced (a new table) and rebuilds
    const after = await derived(up);
    const [ba] = (await after.upperSeries('001', 'tips', true)).filter((f) => f.period === '2024-Q3');
    expect(ba).toMatchObject({
      value: 7,
      qualifier: 'more_than',
      kind: 'uploaded',
      basis: 'sum_of_children'
    });
    const kids = await after.childrenInPeriod('001', 'tips', null, null);
    expect(kids).toEqual([
      expect.objectContaining({ area_code: '00001', period: '2024-Q3', value: 7, report_id: 'up-derived' })
    ]);
  }, 120_000);
});

describe('a later build of the derived tables', () => {
  it("leaves an older reader failing, never reading the new build's rows", async () => {
    const up = await openNodeDb();
    await loadBundle(up, diskBundle());
    await refreshDerived(up);
    const older = await derived(up);
    const held = await older.childrenInPeriod('001', 'tips', null, null);
    expect(held).not.toEqual([]);
    await refreshDerived(up);
    // Its group numbers point into tables of its own build, dropped once the new one was done: what it has not
    // read yet fails; what it read, it keeps (its own build's rows, never the new build's).
    await expect(older.childrenInPeriod('002', 'tips', null, null)).rejects.toThrow();
    expect(await older.childrenInPeriod('001', 'tips', null, null)).toEqual(held);
    const left = await up.query<{ t: string }>(
      `SELECT table_name AS t FROM duckdb_tables() WHERE regexp_matches(table_name, '^(child_totals|child_models|map_old)_')`
    );
    expect(left).toHaveLength(3);
    const newer = await derived(up);
    expect(await newer.childrenInPeriod('001', 'tips', null, null)).toEqual(
      await read.childrenInPeriod('001', 'tips', null, null)
    );
  }, 120_000);
});

describe('arrowRows', () => {
  it('gives the same plain rows as reading Arrow row by row, nulls and every type kept', async () => {
    const sql = `SELECT * FROM (VALUES
        (1::INTEGER, 2.5::DOUBLE, 'a', true, 10::BIGINT, NULL::INTEGER, 1.5::FLOAT, DATE '2020-01-02'),
        (2, NULL, NULL, false, 20, 3, 2.5, NULL)) t(i, d, s, b, big, ni, f, dt)`;
    const rows = await db.query(sql);
    expect(rows).toEqual([
      { i: 1, d: 2.5, s: 'a', b: true, big: 10, ni: null, f: 1.5, dt: Date.UTC(2020, 0, 2) },
      { i: 2, d: null, s: null, b: false, big: 20, ni: 3, f: 2.5, dt: null }
    ]);
    expect(Object.getPrototypeOf(rows[0])).toBe(Object.prototype);
    expect(arrowRows({ numRows: 0, schema: { fields: [] }, getChildAt: () => null })).toEqual([]);
  });

  it('reads text of any kind, from whole tables and from slices of them', async () => {
    const long = 'x'.repeat(70);
    const texts = ['', 'tips', '2013–2018', 'Hà Nội', 'Phường Thuỷ', long, null, '🙂 ok', `${long}ệ`];
    // Over two Arrow chunks (DuckDB answers in batches of 2048 rows), so slices cross a chunk's edge.
    const table = await db.queryTable({
      sql: `SELECT i::INTEGER AS i, list_value(${texts.map(() => '?::VARCHAR').join(', ')})[1 + i % 9] AS s
            FROM range(5000) t(i) ORDER BY i`,
      params: texts
    });
    const want = (i: number) => ({ i, s: texts[i % 9] });
    expect(arrowRows(table)).toEqual(Array.from({ length: 5000 }, (_, i) => want(i)));
    expect(arrowRows(table.slice(2040, 2060))).toEqual(Array.from({ length: 20 }, (_, i) => want(2040 + i)));
    expect(arrowRows({ numRows: 0, schema: { fields: [] }, getChildAt: () => null })).toEqual([]);
  });
});
