/**
 * The data of every registered chart: one feed per chart id (the registry in $charts holds how each is drawn).
 * Prerendering and the browser call the same `load`, so a chart reads the same before and after DuckDB starts.
 */
import { derived } from '$db/derived';
import type { Figure } from '$model/figure';
import { categoryBars, compareRows, periodsOf, type PeriodInfo } from '$model/compare';
import { areaSeries } from '$db/queries/series';
import { categoryName, requireMetric } from '$model/metrics';
import { defaultPair, heatmapRows, inPeriod, multiplesPanels, pickPeriod, ranked } from './shape';
import { mapFeed } from './map/feed';
import { areaName, childUnits, periodDates, unitMetricSeries, units } from './units';
import type {
  ChangeShape,
  ChartData,
  ChartParams,
  FeedDef,
  HeatmapShape,
  MultiplesShape,
  PeriodBarsShape,
  RankedShape
} from './types';

type ChartFeed<S> = FeedDef<ChartParams, ChartData<S>>;

/** Rates per year only when the periods shown differ in length; otherwise totals read more plainly. */
export function needsPerYear(figures: Figure[], metric: string): boolean {
  if (!requireMetric(metric).perYear) return false;
  const years = new Set(periodsOf(figures.filter((f) => f.metric === metric)).map((p) => p.years));
  return years.size > 1;
}

const periodContext = (p: PeriodInfo | undefined) =>
  p ? { periodLabel: p.label, periodStart: p.start, periodEnd: p.end } : {};

/** Bars across periods of one metric: by category, as shares, or totals only. */
function periodBars(opts: {
  id: string;
  fixedMetric?: string;
  normalize?: boolean;
  totalsOnly?: boolean;
}): ChartFeed<PeriodBarsShape> {
  return {
    id: opts.id,
    async load(db, p) {
      const metric = opts.fixedMetric ?? p.metric;
      const figures = await unitMetricSeries(db, p.area, metric, opts.totalsOnly);
      const perYear = !opts.normalize && needsPerYear(figures, metric);
      return {
        figures,
        shaped: { bars: categoryBars(figures, metric, perYear), perYear, normalize: opts.normalize },
        context: { areaName: await areaName(db, p.area) }
      };
    }
  };
}

const childrenRanked: ChartFeed<RankedShape> = {
  id: 'children-ranked',
  async load(db, p) {
    // The children's totals in the period (or the latest one), from the derived tables (db/derived.ts).
    const dates = periodDates(p.period);
    const figures = dates ? await (await derived(db)).childrenInPeriod(p.area, p.metric, ...dates) : [];
    const named = await units(db);
    const label = (code: string) => {
      const a = named.get(code);
      return a ? `${a.type} ${a.name}` : code;
    };
    const period = periodsOf(figures)[0];
    const items = ranked(
      figures.map((f) => ({
        key: f.area_code,
        label: label(f.area_code),
        value: f.value,
        qualifier: f.qualifier,
        kind: f.kind,
        href: `/areas/${f.area_code}`
      }))
    );
    return {
      figures,
      shaped: { items, unit: requireMetric(p.metric).unit },
      context: { areaName: await areaName(db, p.area), ...periodContext(period) }
    };
  }
};

const modelCommunes: ChartFeed<RankedShape> = {
  id: 'model-communes',
  async load(db, p) {
    const all = (await unitMetricSeries(db, p.area, 'model_communes')).filter((f) => f.category !== '');
    const period = pickPeriod(all, p.period);
    const figures = inPeriod(all, period);
    const m = requireMetric('model_communes');
    const items = ranked(
      figures.map((f) => ({
        key: f.category,
        label: { vi: categoryName(m, f.category, 'vi'), en: categoryName(m, f.category, 'en') },
        value: f.value,
        qualifier: f.qualifier,
        kind: f.kind
      }))
    );
    return {
      figures,
      shaped: { items, unit: m.unit },
      context: { areaName: await areaName(db, p.area), ...periodContext(period) }
    };
  }
};

const modelHeatmap: ChartFeed<HeatmapShape> = {
  id: 'model-heatmap',
  async load(db, p) {
    const dates = periodDates(p.period);
    const figures = dates ? await (await derived(db)).childModels(p.area, ...dates) : [];
    const period = periodsOf(figures)[0];
    const categories = requireMetric('models').categories.map((c) => c.id);
    const children = await childUnits(db, p.area);
    return {
      figures,
      shaped: { categories, rows: heatmapRows(children, figures, categories) },
      context: { areaName: await areaName(db, p.area), ...periodContext(period) }
    };
  }
};

const districtMultiples: ChartFeed<MultiplesShape> = {
  id: 'district-multiples',
  async load(db, p) {
    const figures = await (await derived(db)).childTotalSeries('01', p.metric);
    const children = await childUnits(db, '01');
    return {
      figures,
      shaped: multiplesPanels(children, figures, needsPerYear(figures, p.metric)),
      context: { areaName: 'Hà Nội' }
    };
  }
};

/** The change chart's data from an area's figures: periods `a` and `b` (keys), or the default pair when they are
 *  not both there. Pure, so /compare shapes the pair a person picks without a query. */
export function changeData(figures: Figure[], areaName: string, a = '', b = ''): ChartData<ChangeShape> {
  const periods = periodsOf(figures);
  const has = (k: string) => periods.some((p) => p.key === k);
  const [ka, kb] = has(a) && has(b) ? [a, b] : (defaultPair(periods, figures) ?? ['', '']);
  const pa = periods.find((p) => p.key === ka);
  const pb = periods.find((p) => p.key === kb);
  const rows = pa && pb ? compareRows(figures, pa, pb).filter((r) => r.category === '' && r.a && r.b) : [];
  return {
    figures: rows.flatMap((r) => [r.a!.figure, r.b!.figure]),
    shaped: { rows },
    context: {
      areaName,
      aLabel: pa?.label,
      aStart: pa?.start,
      aEnd: pa?.end,
      bLabel: pb?.label,
      bStart: pb?.start,
      bEnd: pb?.end
    }
  };
}

const changeBars: ChartFeed<ChangeShape> = {
  id: 'change-bars',
  async load(db, p) {
    // `period` holds both periods as `<a>~<b>` ('' for the default pair).
    const [a, b] = p.period.split('~');
    const figures = await db.query(areaSeries(p.area));
    return changeData(figures, await areaName(db, p.area), a, b);
  }
};

/** Every chart's feed, by chart id: the ids the registry must draw. */
export const CHART_FEEDS = {
  'tips-by-category': periodBars({ id: 'tips-by-category', fixedMetric: 'tips' }),
  'tips-share': periodBars({ id: 'tips-share', fixedMetric: 'tips', normalize: true }),
  'metric-trend': periodBars({ id: 'metric-trend', totalsOnly: true }),
  'children-ranked': childrenRanked,
  'model-communes': modelCommunes,
  'model-heatmap': modelHeatmap,
  'district-multiples': districtMultiples,
  map: mapFeed,
  'change-bars': changeBars
} as const;

export type ChartId = keyof typeof CHART_FEEDS;

/** The feed of the chart with this id, or undefined (for a URL naming an unknown chart). */
export function chartFeed(id: string): FeedDef<ChartParams, ChartData> | undefined {
  return Object.hasOwn(CHART_FEEDS, id)
    ? (CHART_FEEDS as Record<string, FeedDef<ChartParams, ChartData>>)[id]
    : undefined;
}
