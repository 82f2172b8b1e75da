/**
 * The period review ("báo cáo sơ kết"): figures in, paragraphs of sentences and tables out, in the style of the
 * officials' own reviews. Pure: every number is a figure reference taken from the figures given; a sentence whose
 * figure is missing is left out; every change is the comparison rule's (compare.ts), never computed here.
 */
import type { Figure } from './figure';
import { compareRows, periodKey, periodsOf, type CompareRow, type PeriodInfo } from './compare';
import { categoryName, requireMetric, type Metric } from './metrics';
import type { ReportKind } from './types';
import { interpolate, MESSAGES, type MessageKey } from '../i18n/messages';
import { formatDate, type Lang } from '../i18n/format';
import { fill, joinParts, sentence, type Arg, type FigRef, type Part, type Sentence } from './review-parts';

/** A child unit's total as the children query gives it. */
export type ChildFigure = Pick<Figure, 'area_code' | 'metric' | 'value' | 'qualifier' | 'kind' | 'report_id'>;

/** What a review is written from: the area's figures in every period (to find the previous comparable one). */
export interface ReviewInput {
  area: { code: string; label: string };
  /** Period key `start/end`. */
  period: string;
  figures: Figure[];
  children: { code: string; label: string }[];
  childTotals: ChildFigure[];
}

export interface ReviewParagraph {
  id: string;
  heading: string;
  sentences: Sentence[];
}

export type Cell = string | FigRef;

export interface ReviewTable {
  id: 'categories' | 'children';
  caption: string;
  head: string[];
  rows: Cell[][];
  demo: boolean;
}

export interface ReviewDoc {
  lang: Lang;
  title: string;
  heading: string;
  paragraphs: ReviewParagraph[];
  tables: ReviewTable[];
  /** Every report a figure of the document comes from. */
  reports: string[];
  demo: boolean;
  uploaded: boolean;
}

/** The lead sentence of each metric whose report style is known; others read "{metric}: {value} {unit}". */
const LEAD: Partial<Record<string, MessageKey>> = {
  tips: 'review_tips',
  disputes_resolved: 'review_disputes_resolved',
  patrol_turns: 'review_patrol_turns',
  models: 'review_models',
  model_communes: 'review_model_communes',
  model_sites: 'review_model_sites',
  training_classes: 'review_training_classes',
  trainees: 'review_trainees',
  awards: 'review_awards'
};

/** A figure as a reference in a sentence. */
export function figRef(
  f: Pick<Figure, 'value' | 'qualifier' | 'kind' | 'report_id'> & { note?: string }
): FigRef {
  const ref: FigRef = {
    value: f.value,
    qualifier: f.qualifier,
    as: 'count',
    reports: [f.report_id],
    kind: f.kind
  };
  // Keep the source's own word for "more than" where its note has it ("trên 15.000 vụ").
  if (f.qualifier === 'more_than' && /^\s*trên\s/i.test(f.note ?? '')) ref.above = true;
  return ref;
}

const worstKind = (kinds: ReportKind[]): ReportKind =>
  kinds.includes('demo') ? 'demo' : kinds.includes('uploaded') ? 'uploaded' : 'published';

/** A number derived from two figures by the comparison rule (a change, a rate): it carries both sources. */
function derivedRef(value: number, as: FigRef['as'], from: Figure[]): FigRef {
  return {
    value,
    // A rate of one figure keeps its qualifier ("hơn 41.667 lượt/năm"); a change is said approximate in words.
    qualifier: from.length === 1 ? from[0].qualifier : 'exact',
    as,
    reports: [...new Set(from.map((f) => f.report_id))],
    kind: worstKind(from.map((f) => f.kind))
  };
}

/** "giai đoạn 2013–2018", "năm 2023", "ngày 02/07/2025" (and in English). */
export function periodPhrase(p: Pick<PeriodInfo, 'label' | 'start' | 'end'>, lang: Lang): string {
  const t = MESSAGES[lang];
  if (p.start === p.end) return interpolate(t.report_period_date, { date: formatDate(p.start, lang) });
  if (/^\d{4}$/.test(p.label)) return interpolate(t.report_period_year, { label: p.label });
  return interpolate(t.report_period_span, { label: p.label });
}

/** Capitalises a sentence's first letter (templates that open with a placeholder start in lower case). */
function capitalise(parts: Part[]): Part[] {
  const [first, ...rest] = parts;
  if (!first || !('text' in first)) return parts;
  return [{ text: first.text.charAt(0).toUpperCase() + first.text.slice(1) }, ...rest];
}

const finish = (parts: Part[]): Sentence => sentence([...capitalise(parts), { text: '.' }]);

const catLabel = (m: Metric, id: string, lang: Lang) => {
  const name = categoryName(m, id, lang);
  // Mid-sentence in Vietnamese a category reads in lower case, an acronym ("UBMTTQ TP") as it is.
  const acronym = name.charAt(1) === name.charAt(1).toUpperCase();
  return lang === 'vi' && !acronym ? name.charAt(0).toLowerCase() + name.slice(1) : name;
};

/** The previous period with this metric's total that the rule lets us compare with (demo against real is skipped). */
export function previousComparison(
  figures: Figure[],
  metricId: string,
  current: PeriodInfo
): { prev: PeriodInfo; row: CompareRow } | undefined {
  const totals = figures.filter((f) => f.metric === metricId && f.category === '');
  const earlier = periodsOf(totals)
    .filter((p) => p.end < current.start)
    .reverse();
  for (const prev of earlier) {
    const row = compareRows(totals, prev, current).find((r) => r.metric === metricId && r.category === '');
    // Nothing is said between demo and real figures: look further back for a period of the same kind.
    if (row?.a && row.b && !row.mixedKinds) return { prev, row };
  }
  return undefined;
}

/** The sentence on the change against the previous comparable period, in the rule's words; undefined if none. */
export function changeSentence(
  m: Metric,
  found: { prev: PeriodInfo; row: CompareRow } | undefined,
  lang: Lang
): Sentence | undefined {
  if (!found) return undefined;
  const { prev, row } = found;
  const t = MESSAGES[lang];
  const from = [row.a!.figure, row.b!.figure];
  const args: Record<string, Arg> = {
    subject: fill(t.review_subject, { unit: m.unit[lang] }),
    prev: periodPhrase(prev, lang)
  };
  if (row.change === null) {
    return finish(fill(row.seriesBreak ? t.review_not_comparable_break : t.review_not_comparable, args));
  }
  const lead: Part[] = row.perYear
    ? fill(t.review_per_year, {
        b: derivedRef(row.b!.shown, 'rate', [row.b!.figure]),
        a: derivedRef(row.a!.shown, 'rate', [row.a!.figure]),
        unit: m.unit[lang]
      })
    : [];
  if (row.change === 0) return finish([...lead, ...fill(t.review_change_same, args)]);
  const up = row.change > 0;
  let body: Part[];
  if (row.pct !== null) {
    const pct = derivedRef(Math.abs(row.pct), 'percent', from);
    args.pct = row.approx ? fill(t.review_approx, { pct }) : [{ fig: pct }];
    body = fill(up ? t.review_change_up : t.review_change_down, args);
  } else {
    // A zero or small base: the rule gives no percentage, so the change is said in units.
    const change = derivedRef(Math.abs(row.change), row.perYear ? 'rate' : 'count', from);
    args.change = row.approx ? fill(t.review_approx, { pct: change }) : [{ fig: change }];
    body = fill(up ? t.review_change_up_abs : t.review_change_down_abs, args);
  }
  return finish([...lead, ...body]);
}

/** "an ninh chính trị: 24.962", one item per category the period has a figure for, in catalogue order. */
function categoryItems(m: Metric, figs: Figure[], lang: Lang): Part[][] {
  return m.categories
    .map((c) => figs.find((f) => f.category === c.id))
    .filter((f): f is Figure => !!f)
    .map((f) =>
      fill(MESSAGES[lang].review_item, { category: catLabel(m, f.category, lang), value: figRef(f) })
    );
}

/** "…, trong đó an ninh chính trị: 24.962; tội phạm hình sự: 115.301…" from the period's category figures. */
function ofWhich(m: Metric, figs: Figure[], lang: Lang): Part[] {
  const items = categoryItems(m, figs, lang);
  return items.length ? fill(MESSAGES[lang].review_of_which, { list: joinParts(items, '; ') }) : [];
}

/** The sentences on one metric in the period: its total and categories, the change, the highest and lowest child. */
export function metricSentences(
  input: ReviewInput,
  metricId: string,
  current: PeriodInfo,
  lang: Lang
): Sentence[] {
  const m = requireMetric(metricId);
  const t = MESSAGES[lang];
  const figs = input.figures.filter((f) => f.metric === metricId && periodKey(f) === current.key);
  const total = figs.find((f) => f.category === '');
  const out: Sentence[] = [];
  const period = periodPhrase(current, lang);
  const lead = (f: Figure) => {
    const key = LEAD[metricId];
    return key
      ? fill(t[key], { value: figRef(f), period })
      : fill(t.review_generic, { metric: m[lang], value: figRef(f), unit: m.unit[lang] });
  };
  if (metricId === 'model_communes') {
    // Communes per model type: one clause per type deployed, as the reviews list them.
    if (total) out.push(finish(lead(total)));
    const types = m.categories
      .map((c) => figs.find((f) => f.category === c.id))
      .filter((f): f is Figure => !!f);
    // Real and demo types in sentences of their own, so the demo mark covers only the made-up ones.
    for (const demo of [false, true]) {
      const clauses = types
        .filter((f) => (f.kind === 'demo') === demo)
        .map((f) => fill(t.review_model_type, { type: categoryName(m, f.category, lang), value: figRef(f) }));
      if (clauses.length) out.push(finish(joinParts(clauses, '; ')));
    }
    return out;
  }
  if (!total) {
    // No total for the period: the categories alone, each as the report gives it.
    const items = categoryItems(m, figs, lang);
    if (items.length) out.push(finish([{ text: `${m[lang]}: ` }, ...joinParts(items, '; ')]));
    return out;
  }
  // "Trong đó" lists only the total's own source's categories: another source's parts (demo communes under a
  // published total) do not add up to it, as the period bars also refuse to stack them (compare.ts categoryBars).
  const parts = figs.filter((f) => f.category !== '' && f.report_id === total.report_id);
  out.push(finish([...lead(total), ...ofWhich(m, parts, lang)]));
  const change = changeSentence(m, previousComparison(input.figures, metricId, current), lang);
  if (change) out.push(change);
  const kids = childSentence(input, metricId, lang);
  if (kids) out.push(kids);
  return out;
}

/** The highest and the lowest of the area's children for one metric in the period (two children at least). */
function childSentence(input: ReviewInput, metricId: string, lang: Lang): Sentence | undefined {
  const label = new Map(input.children.map((c) => [c.code, c.label]));
  const rows = input.childTotals
    .filter((c) => c.metric === metricId)
    .sort(
      (a, b) =>
        b.value - a.value || (label.get(a.area_code) ?? '').localeCompare(label.get(b.area_code) ?? '', 'vi')
    );
  if (rows.length < 2) return undefined;
  const [top, bottom] = [rows[0], rows.at(-1)!];
  return finish(
    fill(MESSAGES[lang].review_children, {
      top: label.get(top.area_code) ?? top.area_code,
      top_value: figRef(top),
      bottom: label.get(bottom.area_code) ?? bottom.area_code,
      bottom_value: figRef(bottom)
    })
  );
}
