/**
 * A sentence of the period review as structured parts: text, and references to figures that the page, the
 * Markdown and the Word document each format the same way. A template from the message catalogue names its
 * figures as `{placeholders}`; nothing here ever writes a number into a text.
 */
import type { Qualifier, ReportKind } from './types';

/** A number in a sentence: a figure as a report states it, a per-year rate, or a relative change (0.124 = 12,4%). */
export interface FigRef {
  value: number;
  qualifier: Qualifier;
  as: 'count' | 'rate' | 'percent';
  /** Reports the number comes from (two for a change). */
  reports: string[];
  kind: ReportKind;
  /** The source wrote "trên" for its "more than" (kept in Vietnamese; "hơn" otherwise). */
  above?: boolean;
}

export type Part = { text: string } | { fig: FigRef };

export interface Sentence {
  parts: Part[];
  /** Reports whose figures the sentence uses. */
  reports: string[];
  /** Uses a demo (synthetic) figure: every rendering marks it. */
  demo: boolean;
  /** Uses a figure uploaded in this browser. */
  uploaded: boolean;
}

/** A value a template's placeholder takes: a text, a figure, or parts (a list built from several). */
export type Arg = string | FigRef | Part[];

const isFig = (a: Arg): a is FigRef => typeof a === 'object' && !Array.isArray(a);

/** Fills a `{name}` template with its arguments as parts; a placeholder without one is a programming error. */
export function fill(template: string, args: Record<string, Arg>): Part[] {
  const parts: Part[] = [];
  const re = /\{(\w+)\}/g;
  let last = 0;
  for (const m of template.matchAll(re)) {
    if (m.index > last) parts.push({ text: template.slice(last, m.index) });
    const a = args[m[1]];
    if (a === undefined) throw new Error(`Review template "${template}" has no argument for {${m[1]}}`);
    if (typeof a === 'string') parts.push({ text: a });
    else if (isFig(a)) parts.push({ fig: a });
    else parts.push(...a);
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last) });
  return parts;
}

/** Joins lists of parts with a separator, the last one with `lastSep` ("a, b và c"). */
export function joinParts(items: Part[][], sep: string, lastSep = sep): Part[] {
  return items.flatMap((p, i) => (i === 0 ? p : [{ text: i === items.length - 1 ? lastSep : sep }, ...p]));
}

/** The figures a list of parts refers to. */
export function figsOf(parts: Part[]): FigRef[] {
  return parts.flatMap((p) => ('fig' in p ? [p.fig] : []));
}

/** A sentence from its parts: which reports it uses, and whether any of them is demo or uploaded. */
export function sentence(parts: Part[]): Sentence {
  const figs = figsOf(parts);
  return {
    parts,
    reports: [...new Set(figs.flatMap((f) => f.reports))],
    demo: figs.some((f) => f.kind === 'demo'),
    uploaded: figs.some((f) => f.kind === 'uploaded')
  };
}
