/** Pure shaping of figures for charts that are not period bars: ranked items, heatmap cells, small multiples. */
import type { Figure } from '$model/figure';
import { periodKey, periodsOf, type PeriodInfo } from '$model/compare';
import { timeSpan } from '$model/periods';
import type { Qualifier, ReportKind } from '$model/types';
import type { RankedItem } from './types';

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
  // Maps, not an array copied per figure and a search per bar: a monthly upload gives 30 districts ~150 periods each.
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

/** One bar of a small multiple, as its panel draws it. */
export type MultiplesBar = ReturnType<typeof multiplesPanels>['panels'][number]['bars'][number];

const nextDay = (iso: string) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Default comparison: the first period against the latest one holding a real (non-demo) tips figure. */
export function defaultPair(periods: PeriodInfo[], figures: Figure[]): [string, string] | null {
  if (periods.length < 2) return null;
  const realTips = figures.filter((f) => f.metric === 'tips' && f.category === '' && f.kind !== 'demo');
  const latestReal = periods.findLast((p) =>
    realTips.some((f) => `${f.period_start}/${f.period_end}` === p.key)
  );
  const b = latestReal && latestReal.key !== periods[0].key ? latestReal : periods.at(-1)!;
  return [periods[0].key, b.key];
}
