/** Comparing figures across periods: per-year rates where lengths differ, changes, and which periods exist. */
import type { Figure } from './figure';
import { METRICS, requireMetric } from './metrics';
import { comparePeriods, periodYears } from './periods';
import type { Qualifier, ReportKind } from './types';

export interface PeriodInfo {
  key: string;
  label: string;
  start: string;
  end: string;
  years: number;
  /** Kinds of the figures in this period for the area: lets a picker mark demo-only periods. */
  kinds: ReportKind[];
}

/** Identity of a period: two reports' "2013–2018" are the same period when their dates match. */
export const periodKey = (f: Pick<Figure, 'period_start' | 'period_end'>) =>
  `${f.period_start}/${f.period_end}`;

/** The distinct periods of a set of figures, oldest first. */
export function periodsOf(figures: Figure[]): PeriodInfo[] {
  const by = new Map<string, PeriodInfo>();
  for (const f of figures) {
    const key = periodKey(f);
    let p = by.get(key);
    if (!p) {
      p = {
        key,
        label: f.period,
        start: f.period_start,
        end: f.period_end,
        years: periodYears(f.period_start, f.period_end),
        kinds: []
      };
      by.set(key, p);
    }
    if (!p.kinds.includes(f.kind)) p.kinds.push(f.kind);
  }
  return [...by.values()].sort(comparePeriods);
}

/** A value as compared: the figure, and the per-year rate when the comparison is made on rates. */
export interface Side {
  figure: Figure;
  shown: number;
}

export interface CompareRow {
  metric: string;
  category: string;
  a?: Side;
  b?: Side;
  /** True when both sides are per-year rates (a flow metric over periods of different length). */
  perYear: boolean;
  change: number | null;
  /** Relative change; null with `pctNote` when it would mislead. */
  pct: number | null;
  pctNote: 'new' | 'small_base' | null;
  /** A side carries a qualifier ("more than"), so the change is approximate. */
  approx: boolean;
  /** The two sides use different definitions (a series break): no change is computed. */
  seriesBreak: boolean;
  /** One side is synthetic demo data and the other is not: a change between them would be invented. */
  mixedKinds: boolean;
}

/** `report_id|metric` pairs whose definition differs from other reports' (see Report.breaks). */
export type Breaks = ReadonlySet<string>;

/** Collects the series breaks the reports declare. */
export function breaksOf(reports: { id: string; breaks?: string[] }[]): Breaks {
  return new Set(reports.flatMap((r) => (r.breaks ?? []).map((m) => `${r.id}|${m}`)));
}

const isBreak = (breaks: Breaks, a: Figure, b: Figure) =>
  a.report_id !== b.report_id &&
  (breaks.has(`${a.report_id}|${a.metric}`) || breaks.has(`${b.report_id}|${b.metric}`));

/** Below this base a percentage says more about noise than change. */
const SMALL_BASE = 10;

/** Per-year value of a flow over `years`; undefined for a point in time. */
export function perYearValue(value: number, years: number): number | undefined {
  return years > 0 ? value / years : undefined;
}

/** One row per metric and category present in either period, in catalogue order. */
export function compareRows(
  figures: Figure[],
  a: PeriodInfo,
  b: PeriodInfo,
  breaks: Breaks = new Set()
): CompareRow[] {
  const byKey = new Map<string, Figure>();
  for (const f of figures) byKey.set(`${periodKey(f)}|${f.metric}|${f.category}`, f);
  const rows: CompareRow[] = [];
  for (const m of METRICS) {
    const perYear = m.perYear && a.years !== b.years && a.years > 0 && b.years > 0;
    for (const category of ['', ...m.categories.map((c) => c.id)]) {
      const fa = byKey.get(`${a.key}|${m.id}|${category}`);
      const fb = byKey.get(`${b.key}|${m.id}|${category}`);
      if (!fa && !fb) continue;
      const side = (f: Figure | undefined, years: number): Side | undefined =>
        f && { figure: f, shown: perYear ? f.value / years : f.value };
      const sa = side(fa, a.years);
      const sb = side(fb, b.years);
      let change: number | null = null;
      let pct: number | null = null;
      let pctNote: CompareRow['pctNote'] = null;
      const seriesBreak = !!(fa && fb && isBreak(breaks, fa, fb));
      const mixedKinds = !!(fa && fb && (fa.kind === 'demo') !== (fb.kind === 'demo'));
      if (sa && sb && !seriesBreak && !mixedKinds) {
        change = sb.shown - sa.shown;
        if (sa.shown === 0) pctNote = sb.shown === 0 ? null : 'new';
        else if (Math.abs(sa.shown) < SMALL_BASE) pctNote = 'small_base';
        else pct = change / sa.shown;
      }
      const approx = [fa, fb].some((f) => f && f.qualifier !== 'exact');
      rows.push({
        metric: m.id,
        category,
        a: sa,
        b: sb,
        perYear,
        change,
        pct,
        pctNote,
        approx,
        seriesBreak,
        mixedKinds
      });
    }
  }
  return rows;
}

export interface Headline {
  metric: string;
  latest: Figure;
  latestYears: number;
  previous?: Figure;
  previousYears?: number;
  /** Change on the compared basis (per-year when lengths differ for a flow). */
  change?: CompareRow;
}

/** For each metric's total: its latest period with a figure, and the change from the period before that one. */
export function headlines(figures: Figure[], metricIds: string[], breaks: Breaks = new Set()): Headline[] {
  const out: Headline[] = [];
  for (const id of metricIds) {
    requireMetric(id);
    const totals = figures.filter((f) => f.metric === id && f.category === '').sort(comparePeriods2);
    const latest = totals.at(-1);
    if (!latest) continue;
    const previous = totals.at(-2);
    const h: Headline = {
      metric: id,
      latest,
      latestYears: periodYears(latest.period_start, latest.period_end)
    };
    if (previous) {
      const [pa, pb] = [previous, latest].map((f) => periodsOf([f])[0]);
      h.previous = previous;
      h.previousYears = pa.years;
      h.change = compareRows([previous, latest], pa, pb, breaks).find(
        (r) => r.metric === id && r.category === ''
      );
    }
    out.push(h);
  }
  return out;
}

function comparePeriods2(a: Figure, b: Figure) {
  return comparePeriods(
    { start: a.period_start, end: a.period_end },
    { start: b.period_start, end: b.period_end }
  );
}

export interface CategoryBar {
  period: PeriodInfo;
  /** Stacked segments, in catalogue order; `rest` is a total's part that no category accounts for. */
  segments: { category: string; value: number; shown: number; qualifier: Qualifier; kind: ReportKind }[];
  total?: Figure;
}

/** Figures of one metric by category for each period, as per-year rates when `perYear` (periods differ in length). */
export function categoryBars(figures: Figure[], metricId: string, perYear: boolean): CategoryBar[] {
  const m = requireMetric(metricId);
  // Grouped once by period (a series of a hundred months by five categories is hundreds of figures).
  const byPeriod = new Map<string, Figure[]>();
  for (const f of figures) {
    if (f.metric !== metricId) continue;
    const key = periodKey(f);
    const group = byPeriod.get(key);
    if (group) group.push(f);
    else byPeriod.set(key, [f]);
  }
  const periods = periodsOf([...byPeriod.values()].flat());
  return periods.map((p) => {
    const fs = byPeriod.get(p.key)!;
    const total = fs.find((f) => f.category === '');
    const div = perYear && p.years > 0 ? p.years : 1;
    let segments: CategoryBar['segments'] = [];
    let sum = 0;
    for (const c of m.categories) {
      const f = fs.find((x) => x.category === c.id);
      if (!f) continue;
      sum += f.value;
      segments.push({
        category: c.id,
        value: f.value,
        shown: f.value / div,
        qualifier: f.qualifier,
        kind: f.kind
      });
    }
    if (total) {
      // Never stack one source's categories under another source's total (a published total over demo categories):
      // the total then stands alone, as a part no category accounts for.
      const sameSource = fs.every((f) => f.report_id === total.report_id);
      if (!sameSource) {
        segments = [];
        sum = 0;
      }
      const rest = total.value - sum;
      if (rest > 0)
        segments.push({
          category: '',
          value: rest,
          shown: rest / div,
          qualifier: total.qualifier,
          kind: total.kind
        });
    }
    return { period: p, segments, total };
  });
}

/** One point per period for a sparkline of (metric, category): per-year values when `perYear`, at the period's midpoint. */
export function sparkPoints(
  figures: Figure[],
  metric: string,
  category: string,
  perYear: boolean,
  marks: string[] = []
) {
  return figures
    .filter((f) => f.metric === metric && f.category === category)
    .map((f) => {
      const years = periodYears(f.period_start, f.period_end);
      const t0 = Date.parse(f.period_start);
      const t1 = Date.parse(f.period_end);
      return {
        t: (t0 + t1) / 2,
        v: perYear && years > 0 ? f.value / years : f.value,
        demo: f.kind === 'demo',
        mark: marks.includes(periodKey(f))
      };
    })
    .sort((a, b) => a.t - b.t);
}
