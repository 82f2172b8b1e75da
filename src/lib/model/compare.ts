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

/** A value as compared: the figure, and what is shown for it — its per-year rate when `rate`. */
export interface Side {
  figure: Figure;
  shown: number;
  /** `shown` is a per-year rate. Never for a figure whose period is not stated: it has no length to divide by. */
  rate: boolean;
}

/**
 * Whether two figures may be compared, and if not why:
 *   comparable      — a change is computed (its % may still be withheld: `pctNote`);
 *   series_break    — the two are measured by different definitions (Figure.series);
 *   mixed_kinds     — one is synthetic demo data and the other is not: a change between them would be invented;
 *   period_unstated — a source does not state one side's period (Figure.period_stated);
 *   no_rate         — a flow over periods of different length where one has no length (a single day): neither a
 *                     per-year rate nor the raw counts compare.
 */
export type Verdict = 'comparable' | 'series_break' | 'mixed_kinds' | 'period_unstated' | 'no_rate';

/** The comparison of figure `a` (the base) with `b`, on the basis the rule chose. */
export interface Comparison {
  verdict: Verdict;
  /** Both sides are per-year rates: a flow over periods of different length. */
  perYear: boolean;
  /** The values compared: the figures', or their per-year rates when `perYear`. */
  a: number;
  b: number;
  /** b − a; null unless the verdict is 'comparable'. */
  change: number | null;
  /** Relative change; null with `pctNote` when it would mislead ('new': a zero base; 'small_base': below 10). */
  pct: number | null;
  pctNote: 'new' | 'small_base' | null;
  /** A side carries a qualifier ("more than"), so the change is approximate. */
  approx: boolean;
}

/** Below this base a percentage says more about noise than change. */
const SMALL_BASE = 10;

/** Per-year value of a flow over `years`; undefined for a point in time. */
export function perYearValue(value: number, years: number): number | undefined {
  return years > 0 ? value / years : undefined;
}

const yearsOf = (f: Figure) => periodYears(f.period_start, f.period_end);

/** Whether figures of `metric` over these two lengths are compared as per-year rates (a flow whose lengths differ). */
export function comparedPerYear(metric: string, yearsA: number, yearsB: number): boolean {
  return requireMetric(metric).perYear && yearsA !== yearsB;
}

/**
 * The one rule for a change between two figures of one metric, used by every table, tile and chart that shows one:
 * no change across a series break, between demo and real data, or to or from a figure whose period is not stated;
 * a flow compared per year when the periods differ in length; a stock as it stands; no % from a base under 10.
 */
export function compareFigures(a: Figure, b: Figure): Comparison {
  const [ya, yb] = [yearsOf(a), yearsOf(b)];
  const perYear = comparedPerYear(a.metric, ya, yb);
  const verdict: Verdict =
    a.series !== b.series
      ? 'series_break'
      : (a.kind === 'demo') !== (b.kind === 'demo')
        ? 'mixed_kinds'
        : !a.period_stated || !b.period_stated
          ? 'period_unstated'
          : perYear && (ya <= 0 || yb <= 0)
            ? 'no_rate'
            : 'comparable';
  const rated = verdict === 'comparable' && perYear;
  const out: Comparison = {
    verdict,
    perYear: rated,
    a: rated ? a.value / ya : a.value,
    b: rated ? b.value / yb : b.value,
    change: null,
    pct: null,
    pctNote: null,
    approx: a.qualifier !== 'exact' || b.qualifier !== 'exact'
  };
  if (verdict !== 'comparable') return out;
  out.change = out.b - out.a;
  if (out.a === 0) out.pctNote = out.b === 0 ? null : 'new';
  else if (Math.abs(out.a) < SMALL_BASE) out.pctNote = 'small_base';
  else out.pct = out.change / out.a;
  return out;
}

export interface CompareRow {
  metric: string;
  category: string;
  a?: Side;
  b?: Side;
  /** The table shows this metric as per-year rates (a flow over periods of different length). */
  perYear: boolean;
  /** The rule's verdict when both sides exist (compareFigures). */
  verdict: Verdict | null;
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
  /** A source does not state one side's period: no change is computed, and that side is no rate. */
  periodUnstated: boolean;
}

/** One row per metric and category present in either period, in catalogue order. */
export function compareRows(figures: Figure[], a: PeriodInfo, b: PeriodInfo): CompareRow[] {
  const byKey = new Map<string, Figure>();
  for (const f of figures) byKey.set(`${periodKey(f)}|${f.metric}|${f.category}`, f);
  const rows: CompareRow[] = [];
  for (const m of METRICS) {
    const perYear = m.perYear && a.years !== b.years && a.years > 0 && b.years > 0;
    for (const category of ['', ...m.categories.map((c) => c.id)]) {
      const fa = byKey.get(`${a.key}|${m.id}|${category}`);
      const fb = byKey.get(`${b.key}|${m.id}|${category}`);
      if (!fa && !fb) continue;
      const side = (f: Figure | undefined, years: number): Side | undefined => {
        if (!f) return undefined;
        const rate = perYear && f.period_stated;
        return { figure: f, shown: rate ? f.value / years : f.value, rate };
      };
      const c = fa && fb ? compareFigures(fa, fb) : undefined;
      rows.push({
        metric: m.id,
        category,
        a: side(fa, a.years),
        b: side(fb, b.years),
        perYear,
        verdict: c?.verdict ?? null,
        change: c?.change ?? null,
        pct: c?.pct ?? null,
        pctNote: c?.pctNote ?? null,
        approx: [fa, fb].some((f) => f && f.qualifier !== 'exact'),
        seriesBreak: c?.verdict === 'series_break',
        mixedKinds: c?.verdict === 'mixed_kinds',
        periodUnstated: c?.verdict === 'period_unstated'
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
export function headlines(figures: Figure[], metricIds: string[]): Headline[] {
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
      h.change = compareRows([previous, latest], pa, pb).find((r) => r.metric === id && r.category === '');
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
  /** A source does not state this bar's period (Figure.period_stated): its values are never rates (`shown` is the
   *  figure itself) and it is drawn as a point, not as a bar spanning the period it is filed under. */
  undated: boolean;
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
    // Under a total, only its own report's categories: another source's (demo categories under a published or
    // uploaded total) are not parts of it. What they do not account for is the total's rest.
    const parts = m.categories
      .map((c) => fs.find((x) => x.category === c.id))
      .filter((f): f is Figure => !!f && (!total || f.report_id === total.report_id));
    const undated = [total, ...parts].some((f) => f && !f.period_stated);
    const div = perYear && !undated && p.years > 0 ? p.years : 1;
    const segments: CategoryBar['segments'] = parts.map((f) => ({
      category: f.category,
      value: f.value,
      shown: f.value / div,
      qualifier: f.qualifier,
      kind: f.kind
    }));
    if (total) {
      const rest = total.value - parts.reduce((t, f) => t + f.value, 0);
      if (rest > 0)
        segments.push({
          category: '',
          value: rest,
          shown: rest / div,
          qualifier: total.qualifier,
          kind: total.kind
        });
    }
    return { period: p, segments, total, undated };
  });
}

/**
 * One point per period for a sparkline of (metric, category): per-year values when `perYear`, at the period's
 * midpoint. A figure whose period is not stated has no place on a time line (nor a rate) and is left out.
 */
export function sparkPoints(
  figures: Figure[],
  metric: string,
  category: string,
  perYear: boolean,
  marks: string[] = []
) {
  return figures
    .filter((f) => f.metric === metric && f.category === category && f.period_stated)
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
