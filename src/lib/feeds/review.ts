/**
 * The period review's data: the area's figures in every period (so the review finds the previous comparable one),
 * its children's totals in the period, the charts it shows and the report catalogue (sources, series breaks).
 * The build prerenders the default review with it; the browser loads any other area or period, and uploads,
 * through the same `load`.
 */
import { childTotals } from '$db/queries/drill';
import { reportList } from '$db/queries/reports';
import { areaSeries } from '$db/queries/series';
import type { PeriodInfo } from '$model/compare';
import type { Figure } from '$model/figure';
import { reviewPeriods } from '$model/review-doc';
import type { ChildFigure } from '$model/review';
import { CHART_FEEDS } from './charts';
import type { ListedReport } from './pages';
import type { ChartData, FeedDef, PeriodBarsShape, RankedShape } from './types';
import { areaName, childUnits } from './units';

export interface ReviewParams {
  area: string;
  /** A period key `start/end`, or '' for the default (the latest real period that spans time). */
  period: string;
}

export interface ReviewData {
  area: { code: string; label: string };
  /** The period resolved: the one asked for if the area has figures in it, else the default. */
  period: string;
  periods: PeriodInfo[];
  figures: Figure[];
  children: { code: string; label: string }[];
  childTotals: ChildFigure[];
  reports: ListedReport[];
  charts: {
    tips: ChartData<PeriodBarsShape>;
    children: ChartData<RankedShape>;
    models: ChartData<RankedShape>;
  };
}

export const reviewFeed: FeedDef<ReviewParams, ReviewData> = {
  id: 'review',
  async load(db, { area, period }) {
    const [figures, label, units, reports] = await Promise.all([
      db.query(areaSeries(area)),
      areaName(db, area),
      childUnits(db, area),
      db.query(reportList())
    ]);
    const { periods, default: fallback } = reviewPeriods(figures);
    const p = periods.find((x) => x.key === period) ?? periods.find((x) => x.key === fallback);
    const key = p?.key ?? '';
    const chart = { area, period: key };
    const [totals, tips, children, models] = await Promise.all([
      p ? db.query(childTotals(area, p.start, p.end)) : Promise.resolve([]),
      CHART_FEEDS['tips-by-category'].load(db, { ...chart, metric: 'tips' }),
      CHART_FEEDS['children-ranked'].load(db, { ...chart, metric: 'tips' }),
      CHART_FEEDS['model-communes'].load(db, { ...chart, metric: 'model_communes' })
    ]);
    return {
      area: { code: area, label },
      period: key,
      periods,
      figures,
      children: units.map((u) => ({ code: u.code, label: `${u.type} ${u.name}` })),
      childTotals: totals,
      reports,
      charts: { tips, children, models }
    };
  }
};
