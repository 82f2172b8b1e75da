/**
 * The review's parts as text: the one formatting of its figures that the page, Markdown and Word share, so the
 * three say the same. Qualifiers are words here ("trên 15.000", "more than 15,000"), not the tables' "> 15.000".
 */
import { figsOf, type FigRef, type Part, type Sentence } from '$model/review-parts';
import type { Cell, ReviewDoc } from '$model/review';
import type { Qualifier, Report } from '$model/types';
import { formatDate, formatNumber, formatPercent, type Lang } from '$i18n/format';
import { MESSAGES } from '$i18n/messages';

const WORDS: Record<Lang, Record<Qualifier, string>> = {
  vi: { exact: '', more_than: 'hơn ', nearly: 'gần ', about: 'khoảng ' },
  en: { exact: '', more_than: 'more than ', nearly: 'nearly ', about: 'about ' }
};

/** A figure as a sentence says it: "trên 15.000", "hơn 250.000", "gần 600", "12,4%". */
export function figText(f: FigRef, lang: Lang): string {
  const n = f.as === 'percent' ? formatPercent(f.value, lang, false, 1) : formatNumber(f.value, lang);
  const word = f.qualifier === 'more_than' && f.above && lang === 'vi' ? 'trên ' : WORDS[lang][f.qualifier];
  return word + n;
}

export const partText = (p: Part, lang: Lang) => ('fig' in p ? figText(p.fig, lang) : p.text);

/**
 * Where a sentence's demo mark goes: after the sentence when all its figures are demo, else after each demo figure,
 * so a real figure beside a demo one ("174 … 96") is not marked as made up.
 */
export function demoInline(s: Sentence): boolean {
  return s.demo && figsOf(s.parts).some((f) => f.kind !== 'demo');
}

/** The marks a sentence carries after its text: demo (unless marked inline), uploaded. */
export function sentenceMarks(s: Sentence, lang: Lang): string[] {
  const t = MESSAGES[lang];
  const demo = s.demo && !demoInline(s);
  return [demo ? t.review_demo_mark : '', s.uploaded ? t.review_uploaded_mark : ''].filter(Boolean);
}

/** A sentence as plain text, with its marks. */
export function sentenceText(s: Sentence, lang: Lang): string {
  const inline = demoInline(s);
  const text = s.parts
    .map((p) =>
      inline && 'fig' in p && p.fig.kind === 'demo'
        ? `${partText(p, lang)} ${MESSAGES[lang].review_demo_mark}`
        : partText(p, lang)
    )
    .join('');
  return [text, ...sentenceMarks(s, lang)].join(' ');
}

/** A table cell as text: a demo figure is starred (the table's note says why). */
export function cellText(c: Cell, lang: Lang): string {
  if (typeof c === 'string') return c;
  const s = c.qualifier === 'exact' ? formatNumber(c.value, lang) : figText(c, lang);
  return c.kind === 'demo' ? `${s}*` : s;
}

/** "Publisher, 15/01/2020 — title" for the review's list of sources. */
export function sourceText(r: Report, lang: Lang): string {
  const who = r.publisher.split(' — ')[0];
  const mark =
    r.kind === 'demo'
      ? ` (${MESSAGES[lang].demo_explainer})`
      : r.kind === 'uploaded'
        ? ` (${MESSAGES[lang].uploaded_badge})`
        : '';
  return `${who}, ${formatDate(r.published, lang)} — ${r.title}${mark}`;
}

const mdCell = (s: string) => s.replace(/\|/g, '\\|');

/** The review as Markdown: heading, paragraphs, tables, sources (and the demo notice when demo figures are used). */
export function reviewMarkdown(doc: ReviewDoc, reports: Report[], lang: Lang): string {
  const t = MESSAGES[lang];
  const out = [`# ${doc.title}`, '', `## ${doc.heading}`, ''];
  if (doc.demo) out.push(`> ⚠ ${t.report_demo_notice}`, '');
  if (doc.uploaded) out.push(`> ${t.report_uploaded_notice}`, '');
  for (const p of doc.paragraphs) {
    out.push(`### ${p.heading}`, '', p.sentences.map((s) => sentenceText(s, lang)).join(' '), '');
  }
  for (const table of doc.tables) {
    out.push(`### ${table.caption}`, '', `| ${table.head.map(mdCell).join(' | ')} |`);
    out.push(`|${table.head.map(() => ' --- ').join('|')}|`);
    for (const row of table.rows) out.push(`| ${row.map((c) => mdCell(cellText(c, lang))).join(' | ')} |`);
    out.push('');
    if (table.demo) out.push(t.report_demo_cell, '');
  }
  out.push(`### ${t.report_sec_sources}`, '');
  for (const r of reports.filter((x) => doc.reports.includes(x.id))) out.push(`- ${sourceText(r, lang)}`);
  return out.join('\n') + '\n';
}
