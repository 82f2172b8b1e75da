/** Pure shaping of figures for charts that are not period bars: ranked items, heatmap cells, small multiples. */
import type { Figure } from '$model/figure';
import { periodKey, periodsOf, type PeriodInfo } from '$model/compare';
import type { Qualifier, ReportKind } from '$model/types';

export interface RankedItem {
  key: string;
  /** A proper name (same in both languages) or a translated label. */
  label: string | { vi: string; en: string };
  value: number;
  qualifier: Qualifier;
  kind: ReportKind;
  href?: string;
}

/** Resolves the requested period key, or the latest period present, among the figures. */
export function pickPeriod(figures: Figure[], key: string): PeriodInfo | undefined {
  const periods = periodsOf(figures);
  return periods.find((p) => p.key === key) ?? (key ? undefined : periods.at(-1));
}

/** Items sorted largest first (ties by label), for ranked bars. */
export function ranked(items: RankedItem[]): RankedItem[] {
  const name = (l: RankedItem['label']) => (typeof l === 'string' ? l : l.vi);
  return [...items].sort((a, b) => b.value - a.value || name(a.label).localeCompare(name(b.label), 'vi'));
}

/** Figures of one period. */
export function inPeriod(figures: Figure[], p: PeriodInfo | undefined): Figure[] {
  return p ? figures.filter((f) => periodKey(f) === p.key) : [];
}

/** Ranked items of children from their metric totals (rows of `childTotals`). */
export function rankedChildren(
  children: { code: string; name: string; type: string }[],
  totals: { area_code: string; metric: string; value: number; qualifier: string; kind: string }[],
  metric: string
): RankedItem[] {
  const names = new Map(children.map((c) => [c.code, `${c.type} ${c.name}`]));
  return ranked(
    totals
      .filter((x) => x.metric === metric)
      .map((x) => ({
        key: x.area_code,
        label: names.get(x.area_code) ?? x.area_code,
        value: x.value,
        qualifier: x.qualifier as Qualifier,
        kind: x.kind as ReportKind,
        href: `/areas/${x.area_code}`
      }))
  );
}
