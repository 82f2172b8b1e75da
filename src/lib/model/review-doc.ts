/** The whole review document: heading, one paragraph per group of metrics with data, the tables. Pure. */
import { periodKey, periodsOf, type PeriodInfo } from './compare';
import type { Figure } from './figure';
import { METRICS, categoryName, requireMetric } from './metrics';
import { interpolate, MESSAGES, type MessageKey } from '../i18n/messages';
import type { Lang } from '../i18n/format';
import {
  figRef,
  metricSentences,
  periodPhrase,
  type Cell,
  type ReviewDoc,
  type ReviewInput,
  type ReviewParagraph,
  type ReviewTable
} from './review';

/** Metrics read together in one paragraph; any catalogue metric not listed gets a paragraph of its own. */
const GROUPS: Group[] = [
  { id: 'tips', metrics: ['tips'] },
  { id: 'disputes_resolved', metrics: ['disputes_resolved'] },
  { id: 'patrol_turns', metrics: ['patrol_turns'] },
  { id: 'models', metrics: ['models', 'model_communes', 'model_sites'] },
  { id: 'training', metrics: ['training_classes', 'trainees'], heading: 'report_sec_training' },
  { id: 'awards', metrics: ['awards'] }
];

type Group = { id: string; metrics: string[]; heading?: MessageKey };

function groups(): Group[] {
  const listed = new Set(GROUPS.flatMap((g) => g.metrics));
  return [...GROUPS, ...METRICS.filter((m) => !listed.has(m.id)).map((m) => ({ id: m.id, metrics: [m.id] }))];
}

/**
 * The periods a review can be written for (those with figures for the area), and the default one: the latest with
 * real figures that spans time. A single date (a stock counted on one day) is not a reporting period.
 */
export function reviewPeriods(figures: Figure[]): { periods: PeriodInfo[]; default: string } {
  const periods = periodsOf(figures);
  const real = periods.filter((p) => p.kinds.some((k) => k !== 'demo'));
  const pick = real.findLast((p) => p.start < p.end) ?? real.at(-1) ?? periods.at(-1);
  return { periods, default: pick?.key ?? '' };
}

/** The review of one area and period, in one language (the figures carry what the comparison rule needs). */
export function buildReview(input: ReviewInput, lang: Lang): ReviewDoc {
  const t = MESSAGES[lang];
  const current = periodsOf(input.figures).find((p) => p.key === input.period);
  const heading = interpolate(t.report_heading, {
    area: input.area.label,
    period: current ? periodPhrase(current, lang) : input.period
  });
  const paragraphs: ReviewParagraph[] = [];
  if (current) {
    for (const g of groups()) {
      const sentences = g.metrics.flatMap((id) => metricSentences(input, id, current, lang));
      if (!sentences.length) continue;
      const heading = g.heading ? t[g.heading] : requireMetric(g.metrics[0])[lang];
      paragraphs.push({ id: g.id, heading, sentences });
    }
  }
  const tables = current
    ? [categoryTable(input, current, lang), childTable(input, lang)].filter((x) => !!x)
    : [];
  const sentences = paragraphs.flatMap((p) => p.sentences);
  const cells = tables.flatMap((x) => x.rows.flat()).filter((c) => typeof c !== 'string');
  const reportIds = [...sentences.flatMap((s) => s.reports), ...cells.flatMap((c) => c.reports)];
  return {
    lang,
    title: t.report_title,
    heading,
    paragraphs,
    tables,
    reports: [...new Set(reportIds)],
    demo: sentences.some((s) => s.demo) || tables.some((x) => x.demo),
    uploaded: sentences.some((s) => s.uploaded) || cells.some((c) => c.kind === 'uploaded')
  };
}

/** Metric, category, figure and unit of every figure of the area in the period, in catalogue order. */
function categoryTable(input: ReviewInput, current: PeriodInfo, lang: Lang): ReviewTable | undefined {
  const t = MESSAGES[lang];
  const rows: Cell[][] = [];
  for (const m of METRICS) {
    for (const category of ['', ...m.categories.map((c) => c.id)]) {
      const f = input.figures.find(
        (x) => x.metric === m.id && x.category === category && periodKey(x) === current.key
      );
      if (f) rows.push([m[lang], categoryName(m, category, lang), figRef(f), m.unit[lang]]);
    }
  }
  if (!rows.length) return undefined;
  return {
    id: 'categories',
    caption: t.report_table_categories,
    head: [t.report_col_metric, t.report_col_category, t.report_col_value, t.report_col_unit],
    rows,
    demo: rows.some((r) => r.some((c) => typeof c !== 'string' && c.kind === 'demo'))
  };
}

/** Each child's totals in the period: a column per metric any child has, a row per child with any figure. */
function childTable(input: ReviewInput, lang: Lang): ReviewTable | undefined {
  const t = MESSAGES[lang];
  const metrics = METRICS.filter((m) => input.childTotals.some((c) => c.metric === m.id));
  if (!metrics.length) return undefined;
  const rows: Cell[][] = [];
  for (const child of input.children) {
    const mine = input.childTotals.filter((c) => c.area_code === child.code);
    if (!mine.length) continue;
    rows.push([
      child.label,
      ...metrics.map((m) => {
        const f = mine.find((c) => c.metric === m.id);
        return f ? figRef(f) : '';
      })
    ]);
  }
  return {
    id: 'children',
    caption: t.report_table_children,
    head: [t.report_col_area, ...metrics.map((m) => `${m[lang]} (${m.unit[lang]})`)],
    rows,
    demo: rows.some((r) => r.some((c) => typeof c !== 'string' && c.kind === 'demo'))
  };
}
