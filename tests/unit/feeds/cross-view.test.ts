/**
 * A figure reads the same on every page. Each page gets its data from feeds (src/lib/feeds), so this checks, for
 * every (area, metric) pair of a sample of areas and every period, that the views built from those feeds agree on
 * each cell's value, qualifier and kind, and on the comparison verdict between any two periods (which must honour
 * the report metadata /sources lists) — before and after an upload is committed:
 * the overview and /compare (overviewFeed), an area page (areaFeed, its ranks and children), /compare by areas
 * (districtsFeed), the charts (CHART_FEEDS, drawn on /charts, the area pages and the embeds) and the CSV exports.
 */
import 'fake-indexeddb/auto';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '$db/bundle';
import type { Connector } from '$db/connector';
import { refreshDerived } from '$db/derived';
import { openNodeDb } from '$db/node';
import { addReport } from '$db/uploads';
import { CANONICAL_HEADER } from '$import/canonical';
import { CHART_FEEDS } from '$feeds/charts';
import { areaFeed, childrenFeed, districtsFeed, overviewFeed, reportsFeed } from '$feeds/pages';
import { compareRows, headlines, periodKey, periodsOf } from '$model/compare';
import type { Figure } from '$model/figure';
import { HEADLINE_METRICS, requireMetric } from '$model/metrics';
import { figuresToCsv } from '$ui/export';
import { diskBundle } from '../../../src/lib/server/bundle';
import { uploadedReport } from '../../fixtures/reports';

/** The city and districts (what pickers offer), with Ba Đình (001), where the upload below lands. */
const AREAS = ['01', '001', '002', '019', '268'];
const METRICS = ['tips', 'disputes_resolved', 'patrol_turns', 'models', 'model_sites', 'awards', 'trainees'];

/** The case: a real Ba Đình 2024 total of 123 tips with one real category, beside demo communes. */
const UPLOAD = [
  CANONICAL_HEADER,
  '2024,2024-01-01,2024-12-31,001,tips,,123,exact,',
  '2024,2024-01-01,2024-12-31,001,tips,criminal,70,exact,',
  '2024,2024-01-01,2024-12-31,001,disputes_resolved,,45,more_than,trên 45 vụ'
].join('\n');

type Cell = Pick<Figure, 'value' | 'qualifier' | 'kind' | 'report_id'>;
const cell = (f: Cell) => ({ value: f.value, qualifier: f.qualifier, kind: f.kind, report: f.report_id });
const byPeriod = (fs: Figure[]) => new Map(fs.map((f) => [periodKey(f), cell(f)]));

/** Every view's reading of (area, metric)'s totals, by period key. */
async function readings(db: Connector, area: string, metric: string) {
  const totals = (fs: Figure[]) => fs.filter((f) => f.metric === metric && f.category === '');
  const [overview, page, trend] = await Promise.all([
    overviewFeed.load(db, { area }),
    areaFeed.load(db, { code: area }),
    CHART_FEEDS['metric-trend'].load(db, { area, metric, period: '' })
  ]);
  const views: Record<string, Map<string, ReturnType<typeof cell>>> = {
    overview: byPeriod(totals(overview.figures)),
    area: byPeriod(totals(page.figures)),
    'metric-trend chart': byPeriod(totals(trend.figures)),
    'metric-trend bars': new Map(
      trend.shaped.bars.filter((b) => b.total).map((b) => [b.period.key, cell(b.total!)])
    )
  };
  // The CSV export of the overview's figures, read back as a spreadsheet would.
  const csv = Papa.parse<Record<string, string>>(
    figuresToCsv(totals(overview.figures), 'vi').replace(/^\uFEFF/, ''),
    {
      header: true,
      skipEmptyLines: true
    }
  ).data;
  views['csv export'] = new Map(
    csv.map((r) => [
      `${r.period_start}/${r.period_end}`,
      { value: Number(r.value), qualifier: r.qualifier, kind: r.kind, report: r.report_id } as ReturnType<
        typeof cell
      >
    ])
  );
  if (area !== '01') {
    // A district as /compare by areas, the city page's children table and its ranked chart show it.
    const across = (await districtsFeed.load(db, { metric })).filter((f) => f.area_code === area);
    views['compare areas'] = byPeriod(across);
    const kids = new Map<string, ReturnType<typeof cell>>();
    const ranked = new Map<string, ReturnType<typeof cell>>();
    for (const p of periodsOf(across)) {
      const c = await childrenFeed.load(db, { code: '01', period: p.key });
      const t =
        c.period === p.key ? c.totals.find((x) => x.area_code === area && x.metric === metric) : undefined;
      if (t) kids.set(p.key, cell(t));
      const r = await CHART_FEEDS['children-ranked'].load(db, { area: '01', metric, period: p.key });
      const f = r.figures.find((x) => x.area_code === area);
      if (f) ranked.set(p.key, cell(f));
    }
    if (metric === 'tips' || metric === 'disputes_resolved') views['city children table'] = kids;
    views['city ranked chart'] = ranked;
  }
  return { views, overview: overview.figures, page: page.figures, ranks: page.ranks, area };
}

/** The verdict of a comparison between two periods, as a table row, a tile and an export state it. */
const verdict = (r: ReturnType<typeof compareRows>[number] | undefined) =>
  r && { verdict: r.verdict, change: r.change, pct: r.pct, note: r.pctNote, perYear: r.perYear };

async function checkAgree(db: Connector, area: string, metric: string) {
  const { views, overview, page } = await readings(db, area, metric);
  const reference = views.overview;
  for (const [name, view] of Object.entries(views))
    for (const [key, got] of view)
      expect({ view: name, key, ...got }).toEqual({ view: name, key, ...reference.get(key)! });
  // Every period the overview shows is in each view that covers it (the charts show all of an area's periods).
  for (const name of ['area', 'metric-trend chart', 'csv export'])
    expect([...views[name].keys()].sort(), name).toEqual([...reference.keys()].sort());
  // Comparisons: the overview's table and the area page give the same verdict for the same two periods.
  const periods = periodsOf(overview.filter((f) => f.metric === metric && f.category === ''));
  const reports = new Map((await reportsFeed.load(db, {})).map((r) => [r.id, r]));
  // Every pair of periods, as /compare lets a person pick any two.
  for (const [a, b] of periods.flatMap((a, i) => periods.slice(i + 1).map((b) => [a, b] as const))) {
    const row = (fs: Figure[]) => compareRows(fs, a, b).find((r) => r.metric === metric && r.category === '');
    const what = `${area} ${metric} ${a.key} → ${b.key}`;
    expect(verdict(row(page)), what).toEqual(verdict(row(overview)));
    // Every verdict honours the report metadata the sources page lists.
    const r = row(page)!;
    const [fa, fb] = [r.a?.figure, r.b?.figure];
    if (!fa || !fb) continue;
    const [ra, rb] = [reports.get(fa.report_id)!, reports.get(fb.report_id)!];
    if (fa.report_id !== fb.report_id && (ra.breaks?.includes(metric) || rb.breaks?.includes(metric)))
      expect(r.verdict, what).toBe('series_break');
    if (ra.period_unstated?.includes(metric) || rb.period_unstated?.includes(metric))
      expect(r.change, what).toBeNull();
    if ((fa.kind === 'demo') !== (fb.kind === 'demo')) expect(r.change, what).toBeNull();
    if (requireMetric(metric).perYear && a.years !== b.years && r.change !== null)
      expect(r.perYear, what).toBe(true);
  }
  if (HEADLINE_METRICS.includes(metric) && periods.length > 1) {
    const tile = headlines(page, [metric])[0];
    const [a, b] = periods.slice(-2);
    const row = compareRows(overview, a, b).find((r) => r.metric === metric && r.category === '');
    expect(verdict(tile.change)).toEqual(verdict(row));
  }
}

/** An area's rank among its siblings equals its place among the values /compare by areas lists. */
async function checkRanks(db: Connector, area: string) {
  if (area === '01') return;
  const { ranks } = await areaFeed.load(db, { code: area });
  for (const r of ranks) {
    const across = (await districtsFeed.load(db, { metric: r.metric })).filter(
      (f) => `${f.period_start}/${f.period_end}` === `${r.period_start}/${r.period_end}`
    );
    const mine = across.find((f) => f.area_code === area)!;
    expect({ metric: r.metric, period: r.period, rank: r.rank, n: r.n }).toEqual({
      metric: r.metric,
      period: r.period,
      rank: 1 + across.filter((f) => f.value > mine.value).length,
      n: across.length
    });
  }
}

describe('a figure reads the same on every view', () => {
  let db: Connector;
  beforeAll(async () => {
    db = await openNodeDb();
    await loadBundle(db, diskBundle());
  });

  // Every (area, metric) pair: a sample missed the one pair (the city's tips) where a rule is all that stands
  // between the festival's figure and a +184% change.
  const everyCell = async () => {
    for (const area of AREAS)
      for (const metric of METRICS) {
        await checkAgree(db, area, metric);
        await checkRanks(db, area);
      }
  };

  it('on the bundled data', everyCell);

  it('after an upload is committed: counted in every view, ranks and the catalogue included', async () => {
    await addReport(db, uploadedReport('upload-ba-dinh', { file: 'ba-dinh.csv' }), { csv: UPLOAD });
    await refreshDerived(db);
    // The cases a reader met: Ba Đình's own page, its rank, /compare by areas, the city's ranked chart.
    await checkAgree(db, '001', 'tips');
    await checkAgree(db, '001', 'disputes_resolved');
    await checkRanks(db, '001');
    const page = await areaFeed.load(db, { code: '001' });
    const tips2024 = page.figures.find(
      (f) => f.metric === 'tips' && f.category === '' && f.period === '2024'
    );
    expect(tips2024).toMatchObject({ value: 123, kind: 'uploaded' });
    expect((await reportsFeed.load(db, {})).map((r) => r.id)).toContain('upload-ba-dinh');
    // The uploaded category is drawn beside its total; no other report's categories stack under that total.
    const chart = await CHART_FEEDS['tips-by-category'].load(db, { area: '001', metric: 'tips', period: '' });
    const bar = chart.shaped.bars.find((b) => b.period.label === '2024')!;
    expect(bar.segments.find((s) => s.category === 'criminal')).toMatchObject({
      value: 70,
      kind: 'uploaded'
    });
    expect(bar.segments.every((s) => s.kind === 'uploaded')).toBe(true);
    expect(bar.segments.reduce((t, s) => t + s.value, 0)).toBe(123);
    await everyCell();
  });
});
