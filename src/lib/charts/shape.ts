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

type Unit = { code: string; name: string; type: string };

/** Commune × category cells of one period, communes with the most models first. */
export function heatmapRows(units: Unit[], figures: Figure[], categories: string[]) {
  const cell = new Map(figures.map((f) => [`${f.area_code}|${f.category}`, f]));
  const rows = units
    .map((u) => {
      const fs = categories.map((c) => cell.get(`${u.code}|${c}`));
      return {
        key: u.code,
        label: `${u.type} ${u.name}`,
        values: fs.map((f) => (f ? f.value : null)),
        demo: fs.some((f) => f?.kind === 'demo')
      };
    })
    .filter((r) => r.values.some((v) => v !== null));
  const total = (r: (typeof rows)[number]) => r.values.reduce<number>((t, v) => t + (v ?? 0), 0);
  return rows.sort((a, b) => total(b) - total(a) || a.label.localeCompare(b.label, 'vi'));
}

/** One panel per unit with its totals across periods, per year when asked, on one shared maximum. */
export function multiplesPanels(units: Unit[], figures: Figure[], perYear: boolean) {
  const periods = periodsOf(figures);
  // Maps, not an array copied per figure and a search per bar: a monthly upload gives 30 districts ~150 periods each
  // (4,680 figures: 66–109 ms before, 6–20 ms after, in Node).
  const byKey = new Map(periods.map((p) => [p.key, { years: p.years, end: nextDay(p.end) }]));
  const byUnit = new Map<string, Figure[]>();
  for (const f of figures) {
    // A figure whose period is not stated has no rate, and no span to draw as a bar.
    if (f.category !== '' || !f.period_stated) continue;
    const list = byUnit.get(f.area_code);
    if (list) list.push(f);
    else byUnit.set(f.area_code, [f]);
  }
  let max = 0;
  const panels = units
    .filter((u) => byUnit.has(u.code))
    .map((u) => ({
      key: u.code,
      label: `${u.type} ${u.name}`,
      bars: byUnit.get(u.code)!.map((f) => {
        const { years, end } = byKey.get(periodKey(f))!;
        const shown = perYear && years > 0 ? f.value / years : f.value;
        max = Math.max(max, shown);
        return {
          start: f.period_start,
          end,
          label: f.period,
          shown,
          qualifier: f.qualifier,
          demo: f.kind === 'demo'
        };
      })
    }));
  const [t0, t1] = timeSpan(periods.map((p) => ({ start: p.start, end: byKey.get(p.key)!.end })));
  return { perYear, max, t0, t1, panels };
}

/**
 * A time axis's domain (ms) for periods [start, end): from the first start to the latest end. Not the first and last
 * periods' own: periods sort by start, and the last to start (2014) may end before a longer one (2013–2018).
 */
export function timeSpan(periods: { start: string | Date; end: string | Date }[]): [number, number] {
  if (periods.length === 0) return [0, 1];
  const ms = (d: string | Date) => (typeof d === 'string' ? Date.parse(d) : d.getTime());
  return [Math.min(...periods.map((p) => ms(p.start))), Math.max(...periods.map((p) => ms(p.end)))];
}

type MultiplesBar = ReturnType<typeof multiplesPanels>['panels'][number]['bars'][number];

/**
 * The bar of a small multiple under time `t` (ms): where periods overlap (a month inside its year inside a five-year
 * report) the shortest, the one whose figure the pointer is most precisely on.
 */
export function barAt<B extends Pick<MultiplesBar, 'start' | 'end'>>(bars: B[], t: number): B | null {
  let best: B | null = null;
  let bestLength = Infinity;
  for (const b of bars) {
    const [s, e] = [Date.parse(b.start), Date.parse(b.end)];
    if (s <= t && t < e && e - s < bestLength) [best, bestLength] = [b, e - s];
  }
  return best;
}

/** The latest bar (the one ending last; of those, the shortest): what a focused panel reads out first. */
export function latestBar<B extends Pick<MultiplesBar, 'start' | 'end'>>(bars: B[]): B | null {
  let best: B | null = null;
  for (const b of bars)
    if (!best || b.end > best.end || (b.end === best.end && b.start > best.start)) best = b;
  return best;
}

const nextDay = (iso: string) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
