/**
 * The one list of charts: id → component, texts, defaults and controls. Presentation only: each chart's data comes
 * from the feed of the same id ($feeds/charts), and the ids must match (checked below).
 * Dashboard pages, embeds and screenshot tests all read charts from here, so a chart is defined once.
 */
import type { ChartId } from '$feeds/charts';
import { requireMetric } from '$model/metrics';
import { formatPeriod, type Lang } from '$i18n/format';
import { MESSAGES } from '$i18n/messages';
import CategoryPeriodsChart from './CategoryPeriodsChart.svelte';
import RankedBarsChart from './RankedBarsChart.svelte';
import ModelHeatmapChart from './ModelHeatmapChart.svelte';
import SmallMultiplesChart from './SmallMultiplesChart.svelte';
import ChangeBarsChart from './ChangeBarsChart.svelte';
import { mapChart } from './map/def';
import type {
  AnyChartDef,
  ChangeShape,
  ChartData,
  ChartDef,
  ChartParams,
  HeatmapShape,
  MultiplesShape,
  PeriodBarsShape,
  RankedShape
} from './types';

const city = (p: Partial<ChartParams> = {}): ChartParams => ({
  area: '01',
  metric: 'tips',
  period: '',
  ...p
});
const periodLabel = (data: ChartData, lang: Lang) => {
  const { periodLabel: label, periodStart: start, periodEnd: end } = data.context;
  return label && start && end ? formatPeriod(label, start, end, lang) : MESSAGES[lang].no_data;
};
/** Bars across periods of one metric: by category, as shares, or totals only. */
function periodBars(opts: {
  id: string;
  fixedMetric?: string;
  normalize?: boolean;
  totalsOnly?: boolean;
}): ChartDef<PeriodBarsShape> {
  return {
    id: opts.id,
    title: (p, d, lang) => {
      const m = requireMetric(p.metric);
      const t = MESSAGES[lang];
      const what = opts.totalsOnly
        ? m[lang]
        : opts.normalize
          ? `${m[lang]}: ${t.share_by_category}`
          : `${m[lang]} ${t.by_category}`;
      return `${what} — ${d.context.areaName}`;
    },
    description: (p, lang) =>
      MESSAGES[lang][
        opts.normalize
          ? 'share_desc'
          : requireMetric(p.metric).perYear
            ? 'tips_chart_desc'
            : 'stock_chart_desc'
      ],
    defaults: city({ metric: opts.fixedMetric ?? 'tips' }),
    controls: opts.fixedMetric ? ['area'] : ['area', 'metric'],
    unit: (p, d, lang) =>
      opts.normalize
        ? '%'
        : requireMetric(p.metric).unit[lang] + (d.shaped.perYear ? MESSAGES[lang].per_year : ''),
    component: CategoryPeriodsChart
  };
}

const childrenRanked: ChartDef<RankedShape> = {
  id: 'children-ranked',
  title: (p, d, lang) =>
    `${requireMetric(p.metric)[lang]} ${MESSAGES[lang].by_unit} — ${d.context.areaName}, ${periodLabel(d, lang)}`,
  description: (_p, lang) => MESSAGES[lang].ranked_desc,
  defaults: city({ metric: 'disputes_resolved' }),
  controls: ['area', 'metric', 'period'],
  unit: (_p, d, lang) => d.shaped.unit[lang],
  component: RankedBarsChart
};

const modelCommunes: ChartDef<RankedShape> = {
  id: 'model-communes',
  title: (_p, d, lang) =>
    `${MESSAGES[lang].model_communes_title} — ${d.context.areaName}, ${periodLabel(d, lang)}`,
  description: (_p, lang) => MESSAGES[lang].model_communes_desc,
  defaults: city({ metric: 'model_communes' }),
  controls: ['area', 'period'],
  unit: (_p, d, lang) => d.shaped.unit[lang],
  component: RankedBarsChart
};

const modelHeatmap: ChartDef<HeatmapShape> = {
  id: 'model-heatmap',
  title: (_p, d, lang) => `${MESSAGES[lang].heatmap_title} — ${d.context.areaName}, ${periodLabel(d, lang)}`,
  description: (_p, lang) => MESSAGES[lang].heatmap_desc,
  defaults: city({ area: '001', metric: 'models' }),
  controls: ['area', 'period'],
  unit: (_p, _d, lang) => requireMetric('models').unit[lang],
  component: ModelHeatmapChart
};

const districtMultiples: ChartDef<MultiplesShape> = {
  id: 'district-multiples',
  title: (p, _d, lang) => `${requireMetric(p.metric)[lang]} — ${MESSAGES[lang].multiples_title}`,
  description: (_p, lang) => MESSAGES[lang].multiples_desc,
  defaults: city({ metric: 'tips' }),
  controls: ['metric'],
  unit: (p, d, lang) =>
    requireMetric(p.metric).unit[lang] + (d.shaped.perYear ? MESSAGES[lang].per_year : ''),
  component: SmallMultiplesChart
};

const changeBars: ChartDef<ChangeShape> = {
  id: 'change-bars',
  title: (_p, d, lang) => {
    const c = d.context;
    const side = (l?: string, s?: string, e?: string) => (l && s && e ? formatPeriod(l, s, e, lang) : '–');
    return `${MESSAGES[lang].change_chart_title} — ${c.areaName}: ${side(c.aLabel, c.aStart, c.aEnd)} → ${side(c.bLabel, c.bStart, c.bEnd)}`;
  },
  description: (_p, lang) => MESSAGES[lang].change_chart_desc,
  defaults: city({ metric: 'tips' }),
  controls: ['area'],
  unit: () => '%',
  component: ChangeBarsChart
};

export const CHARTS = {
  'tips-by-category': periodBars({ id: 'tips-by-category', fixedMetric: 'tips' }),
  'tips-share': periodBars({ id: 'tips-share', fixedMetric: 'tips', normalize: true }),
  'metric-trend': periodBars({ id: 'metric-trend', totalsOnly: true }),
  'children-ranked': childrenRanked,
  'model-communes': modelCommunes,
  'model-heatmap': modelHeatmap,
  'district-multiples': districtMultiples,
  map: mapChart,
  'change-bars': changeBars
} as const satisfies Record<ChartId, AnyChartDef>;

export type { ChartId };

/** The chart with this id, or undefined (for a URL naming an unknown chart). */
export function chartById(id: string): AnyChartDef | undefined {
  return Object.hasOwn(CHARTS, id) ? (CHARTS as Record<string, AnyChartDef>)[id] : undefined;
}

/** What a chart's exported file and preview picture say beside the drawing: where and when, and the unit. */
export function chartMeta(def: AnyChartDef, params: ChartParams, data: ChartData, lang: Lang) {
  const starts = data.figures.map((f) => f.period_start).sort();
  const ends = data.figures.map((f) => f.period_end).sort();
  const span =
    data.context.periodLabel && data.context.periodStart && data.context.periodEnd
      ? periodLabel(data, lang)
      : starts.length
        ? `${starts[0].slice(0, 4)}–${ends.at(-1)!.slice(0, 4)}`
        : '';
  const area = data.context.areaName;
  return {
    areaPeriod: [area, span].filter(Boolean).join(', '),
    unit: def.unit(params, data, lang),
    /** File name stem: chart, area code, period. */
    file: [
      def.id,
      params.area,
      (data.context.periodStart ? `${data.context.periodStart}_${data.context.periodEnd}` : span).replace(
        /–/g,
        '-'
      )
    ]
      .filter(Boolean)
      .join('-')
  };
}
