/**
 * The one list of charts: id → component, the queries that feed it, how rows are shaped, and its texts.
 * Dashboard pages, embeds and screenshot tests all read charts from here, so a chart is defined once.
 */
import { oncePerDb, type Connector } from '$db/connector';
import { allAreas, type AreaRow } from '$db/queries/areas';
import { areaMetricSeries } from '$db/queries/series';
import { derived } from '$db/derived';
import type { Figure } from '$model/figure';
import { categoryBars, periodsOf, type PeriodInfo } from '$model/compare';
import { categoryName, requireMetric } from '$model/metrics';
import { formatPeriod, type Lang } from '$i18n/format';
import { MESSAGES } from '$i18n/messages';
import CategoryPeriodsChart from './CategoryPeriodsChart.svelte';
import RankedBarsChart from './RankedBarsChart.svelte';
import { heatmapRows, inPeriod, multiplesPanels, pickPeriod, ranked, type RankedItem } from './shape';
import ModelHeatmapChart from './ModelHeatmapChart.svelte';
import SmallMultiplesChart from './SmallMultiplesChart.svelte';
import { mapChart } from './map/def';
import type {
  AnyChartDef,
  ChartData,
  ChartDef,
  ChartParams,
  HeatmapShape,
  MultiplesShape,
  PeriodBarsShape
} from './types';

/** Rates per year only when the periods shown differ in length; otherwise totals read more plainly. */
export function needsPerYear(figures: Figure[], metric: string): boolean {
  if (!requireMetric(metric).perYear) return false;
  const years = new Set(periodsOf(figures.filter((f) => f.metric === metric)).map((p) => p.years));
  return years.size > 1;
}

// Reference units never change once a database is loaded: one query per database, then lookups in memory.
const units = oncePerDb((db) => db.query(allAreas()).then((rows) => new Map(rows.map((a) => [a.code, a]))));

/** The units directly under `parent` (2019 structure), by name as SQL's ORDER BY name sorts them (code points). */
async function childUnits(db: Connector, parent: string): Promise<AreaRow[]> {
  const all = [...(await units(db)).values()].filter((a) => a.parent_code === parent);
  return all.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** "Quận Ba Đình": unit names are proper names in both languages, so the Vietnamese type word stays. */
async function areaName(db: Connector, code: string): Promise<string> {
  const a = (await units(db)).get(code);
  if (!a) return code;
  return code === '01' ? a.name : `${a.type} ${a.name}`;
}

/** One metric's figures for a unit: from the derived tables for the city and districts (what pickers offer). */
async function unitMetricSeries(db: Connector, area: string, metric: string, totalsOnly = false) {
  const level = (await units(db)).get(area)?.level;
  if (level === 'city' || level === 'district')
    return (await derived(db)).upperSeries(area, metric, totalsOnly);
  return (await db.query(areaMetricSeries(area, metric, { totalsOnly }))) as unknown as Figure[];
}

/** A period key `start/end` as its two dates; both null for the latest period, undefined when it is malformed. */
function periodDates(key: string): [string | null, string | null] | undefined {
  if (!key) return [null, null];
  const m = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/.exec(key);
  return m ? [m[1], m[2]] : undefined;
}

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
const periodContext = (p: PeriodInfo | undefined) =>
  p ? { periodLabel: p.label, periodStart: p.start, periodEnd: p.end } : {};

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
    async load(db, p) {
      const metric = opts.fixedMetric ?? p.metric;
      const figures = await unitMetricSeries(db, p.area, metric, opts.totalsOnly);
      const perYear = !opts.normalize && needsPerYear(figures, metric);
      return {
        figures,
        shaped: { bars: categoryBars(figures, metric, perYear), perYear, normalize: opts.normalize },
        context: { areaName: await areaName(db, p.area) }
      };
    },
    component: CategoryPeriodsChart
  };
}

type Ranked = { items: RankedItem[]; unit: { vi: string; en: string } };

const childrenRanked: ChartDef<Ranked> = {
  id: 'children-ranked',
  title: (p, d, lang) =>
    `${requireMetric(p.metric)[lang]} ${MESSAGES[lang].by_unit} — ${d.context.areaName}, ${periodLabel(d, lang)}`,
  description: (_p, lang) => MESSAGES[lang].ranked_desc,
  defaults: city({ metric: 'disputes_resolved' }),
  controls: ['area', 'metric', 'period'],
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
  },
  component: RankedBarsChart
};

const modelCommunes: ChartDef<Ranked> = {
  id: 'model-communes',
  title: (_p, d, lang) =>
    `${MESSAGES[lang].model_communes_title} — ${d.context.areaName}, ${periodLabel(d, lang)}`,
  description: (_p, lang) => MESSAGES[lang].model_communes_desc,
  defaults: city({ metric: 'model_communes' }),
  controls: ['area', 'period'],
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
  },
  component: RankedBarsChart
};

const modelHeatmap: ChartDef<HeatmapShape> = {
  id: 'model-heatmap',
  title: (_p, d, lang) => `${MESSAGES[lang].heatmap_title} — ${d.context.areaName}, ${periodLabel(d, lang)}`,
  description: (_p, lang) => MESSAGES[lang].heatmap_desc,
  defaults: city({ area: '001', metric: 'models' }),
  controls: ['area', 'period'],
  async load(db, p) {
    const dates = periodDates(p.period);
    const figures = dates ? await (await derived(db)).childModels(p.area, ...dates) : [];
    const period = periodsOf(figures)[0];
    const categories = requireMetric('models').categories.map((c) => c.id);
    const units = await childUnits(db, p.area);
    return {
      figures,
      shaped: { categories, rows: heatmapRows(units, figures, categories) },
      context: { areaName: await areaName(db, p.area), ...periodContext(period) }
    };
  },
  component: ModelHeatmapChart
};

const districtMultiples: ChartDef<MultiplesShape> = {
  id: 'district-multiples',
  title: (p, _d, lang) => `${requireMetric(p.metric)[lang]} — ${MESSAGES[lang].multiples_title}`,
  description: (_p, lang) => MESSAGES[lang].multiples_desc,
  defaults: city({ metric: 'tips' }),
  controls: ['metric'],
  async load(db, p) {
    const figures = await (await derived(db)).childTotalSeries('01', p.metric);
    const units = await childUnits(db, '01');
    return {
      figures,
      shaped: multiplesPanels(units, figures, needsPerYear(figures, p.metric)),
      context: { areaName: 'Hà Nội' }
    };
  },
  component: SmallMultiplesChart
};

export const CHARTS = {
  'tips-by-category': periodBars({ id: 'tips-by-category', fixedMetric: 'tips' }),
  'tips-share': periodBars({ id: 'tips-share', fixedMetric: 'tips', normalize: true }),
  'metric-trend': periodBars({ id: 'metric-trend', totalsOnly: true }),
  'children-ranked': childrenRanked,
  'model-communes': modelCommunes,
  'model-heatmap': modelHeatmap,
  'district-multiples': districtMultiples,
  map: mapChart
} as const satisfies Record<string, AnyChartDef>;

export type ChartId = keyof typeof CHARTS;

/** The chart with this id, or undefined (for a URL naming an unknown chart). */
export function chartById(id: string): AnyChartDef | undefined {
  return Object.hasOwn(CHARTS, id) ? (CHARTS as Record<string, AnyChartDef>)[id] : undefined;
}
