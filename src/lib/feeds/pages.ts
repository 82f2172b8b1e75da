/**
 * The data of each page's views that are not registered charts: the overview's figures, an area's figures, ranks
 * and children, the districts across one period, the report catalogue. Prerendering and the browser (with this
 * browser's uploads) call the same feeds, so a page reads the same before and after DuckDB starts.
 */
import type { Connector } from '$db/connector';
import { childTotals, siblingRanks, type ChildTotal, type SiblingRank } from '$db/queries/drill';
import { reportList } from '$db/queries/reports';
import { sumMismatches, type SumMismatch } from '$db/queries/checks';
import { areaSeries, childSeries, periodList } from '$db/queries/series';
import { periodsOf, type PeriodInfo } from '$model/compare';
import type { Figure } from '$model/figure';
import type { Report } from '$model/types';
import { CHART_FEEDS } from './charts';
import type { ChartData, FeedDef, PeriodBarsShape } from './types';

/** A report as the catalogue lists it, with how many observations it holds. */
export type ListedReport = Report & { observations: number };

const tips = CHART_FEEDS['tips-by-category'];
const tipsOf = (db: Connector, area: string) => tips.load(db, { area, metric: 'tips', period: '' });

/** An area's figures across every period, and its tips chart (the overview and the area pages lead with both). */
export interface AreaFigures {
  figures: Figure[];
  tipsChart: ChartData<PeriodBarsShape>;
}

export const overviewFeed: FeedDef<{ area: string }, AreaFigures> = {
  id: 'overview',
  async load(db, { area }) {
    const [figures, tipsChart] = await Promise.all([db.query(areaSeries(area)), tipsOf(db, area)]);
    return { figures, tipsChart };
  }
};

/** An area page's own figures, its tips chart and where it ranks among its siblings. */
export const areaFeed: FeedDef<{ code: string }, AreaFigures & { ranks: SiblingRank[] }> = {
  id: 'area',
  async load(db, { code }) {
    const [figures, ranks, tipsChart] = await Promise.all([
      db.query(areaSeries(code)),
      db.query(siblingRanks(code)),
      tipsOf(db, code)
    ]);
    return { figures, ranks, tipsChart };
  }
};

/** The children's periods (those with tips figures) and their totals in one of them ('' for the latest). */
export interface ChildrenData {
  periods: PeriodInfo[];
  period: string;
  totals: ChildTotal[];
}

export const childrenFeed: FeedDef<{ code: string; period: string }, ChildrenData> = {
  id: 'area-children',
  async load(db, { code, period }) {
    const periods = periodsOf(await db.query(childSeries(code, 'tips')));
    const p = periods.find((x) => x.key === period) ?? periods.at(-1);
    const totals = p ? await db.query(childTotals(code, p.start, p.end)) : [];
    return { periods, period: p?.key ?? '', totals };
  }
};

/** The districts' totals of one metric, every period: "one period across areas". */
export const districtsFeed: FeedDef<{ metric: string }, Figure[]> = {
  id: 'compare-areas',
  async load(db, { metric }) {
    return (await db.query(childSeries('01', metric))).filter((f) => f.category === '');
  }
};

/** Every report with its metadata (bundled and, in the browser, this browser's uploads). */
export const reportsFeed: FeedDef<Record<string, never>, ListedReport[]> = {
  id: 'reports',
  load: (db) => db.query(reportList())
};

/** The /sources page: the catalogue, and the totals that differ from the sum of their parts. */
export const sourcesFeed: FeedDef<
  Record<string, never>,
  { reports: ListedReport[]; mismatches: SumMismatch[] }
> = {
  id: 'sources',
  async load(db) {
    const [reports, mismatches] = await Promise.all([db.query(reportList()), db.query(sumMismatches())]);
    return { reports, mismatches };
  }
};

/** Every period any figure has: what the /charts period pickers offer. */
export const periodsFeed: FeedDef<
  Record<string, never>,
  { period: string; period_start: string; period_end: string }[]
> = {
  id: 'periods',
  load: (db) => db.query(periodList())
};
