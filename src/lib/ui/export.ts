/**
 * Taking a chart out of the dashboard: CSV of its figures, SVG and PNG of its drawing, a file download, and the
 * address of its embed. The CSV and naming functions are pure (tested in Node); the SVG/PNG/download ones need a DOM.
 */
import Papa from 'papaparse';
import type { Figure } from '$model/figure';
import type { CompareRow } from '$model/compare';
import { categoryName, metric as metricOf } from '$model/metrics';
import type { Lang } from '$i18n/format';
import { neutraliseFormula, restoreFormula } from '$model/formula';
import type { ChartParams } from '$charts/types';

/** Excel reads a CSV as the legacy code page unless it starts with a BOM; Vietnamese needs UTF-8. */
export const BOM = '\uFEFF';

/** Text a spreadsheet would run as a formula is neutralised by the one rule every export shares
 *  (model/formula.ts). Numbers are exempt, so a negative value stays a number. */
const safe = (v: string | number | null) => (typeof v === 'string' ? neutraliseFormula(v) : (v ?? ''));

function toCsv(rows: Record<string, string | number | null>[], columns: string[]): string {
  return (
    BOM +
    Papa.unparse(
      { fields: columns, data: rows.map((r) => columns.map((c) => safe(r[c] ?? null))) },
      // A neutralised cell is quoted too, as papaparse's own escapeFormulae did.
      { newline: '\r\n', quotes: (v: unknown) => typeof v === 'string' && restoreFormula(v) !== v }
    )
  );
}

const FIGURE_COLUMNS = [
  'period',
  'period_start',
  'period_end',
  'area_code',
  'metric',
  'category',
  'value',
  'qualifier',
  'note',
  'kind',
  'report_id',
  'period_stated',
  'metric_name',
  'category_name'
];

const names = (metric: string, category: string, lang: Lang) => {
  const m = metricOf(metric);
  return {
    metric_name: m ? m[lang] : metric,
    category_name: !m || category === '' ? '' : categoryName(m, category, lang)
  };
};

/** The figures a chart shows, one per line: the canonical long layout of data/reports (so an export can be
 *  published as a report), then where each figure came from, then names in `lang` for people. */
export function figuresToCsv(figures: Figure[], lang: Lang): string {
  const rows = figures.map((f) => ({
    period: f.period,
    period_start: f.period_start,
    period_end: f.period_end,
    area_code: f.area_code,
    metric: f.metric,
    category: f.category,
    ...names(f.metric, f.category, lang),
    value: Number(f.value),
    qualifier: f.qualifier,
    note: f.note ?? '',
    kind: f.kind,
    report_id: f.report_id,
    // 0: the source does not state the period; the dates are where the dashboard files the figure.
    period_stated: f.period_stated ? 1 : 0
  }));
  return toCsv(rows, FIGURE_COLUMNS);
}

/** The period comparison table: both sides' figures (and per-year rates when compared as rates), the change, and
 *  the verdict of the comparison rule (model/compare.ts) — why a change is empty. A side whose period is not stated
 *  has `*_period_stated` 0 and its figure, never a rate, as `*_shown`. */
export function compareRowsToCsv(rows: CompareRow[], lang: Lang): string {
  const side = (p: 'a' | 'b', s: CompareRow['a']) => ({
    [`${p}_period`]: s?.figure.period ?? null,
    [`${p}_value`]: s?.figure.value ?? null,
    [`${p}_qualifier`]: s?.figure.qualifier ?? null,
    [`${p}_kind`]: s?.figure.kind ?? null,
    [`${p}_report_id`]: s?.figure.report_id ?? null,
    [`${p}_period_stated`]: s ? (s.figure.period_stated ? 1 : 0) : null,
    [`${p}_shown`]: s?.shown ?? null
  });
  const data = rows.map((r) => ({
    metric: r.metric,
    category: r.category,
    ...names(r.metric, r.category, lang),
    per_year: r.perYear ? 1 : 0,
    ...side('a', r.a),
    ...side('b', r.b),
    change: r.change,
    pct: r.pct,
    verdict: r.verdict
  }));
  const columns = ['metric', 'metric_name', 'category', 'category_name', 'per_year'];
  for (const p of ['a', 'b'])
    columns.push(
      ...['period', 'value', 'qualifier', 'kind', 'report_id', 'period_stated', 'shown'].map(
        (c) => `${p}_${c}`
      )
    );
  return toCsv(data, [...columns, 'change', 'pct', 'verdict']);
}

/** `tips-by-category-01-2026-11-25.csv`: what, where, and the day it was taken (local date). */
export function exportFilename(name: string, ext: string, now = new Date()): string {
  const d = [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0'));
  const safe = name.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '');
  return `${safe}-${d.join('-')}.${ext}`;
}

/* ---- Embed addresses (shared by the Embed button and the embed route, so both agree on the path). ---- */

export type EmbedParam = 'area' | 'metric' | 'period';

/** The prerendered embed page for these params: `/embed/<chart>` at defaults in Vietnamese, otherwise
 *  `/embed/<chart>/<lang>[-<param>-<value>]`. Only one param may differ from the chart's defaults (the pages are
 *  prerendered, one per value of one param); the first differing one in area → metric → period order wins. */
export function embedPath(chart: string, params: ChartParams, defaults: ChartParams, lang: Lang): string {
  const changed = (['area', 'metric', 'period'] as const).find((k) => params[k] !== defaults[k]);
  if (!changed && lang === 'vi') return `/embed/${chart}`;
  // A period key `start/end` cannot sit in one path segment.
  const value = changed === 'period' ? params.period.replace('/', '_') : changed ? params[changed] : '';
  return `/embed/${chart}/${lang}${changed ? `-${changed}-${value}` : ''}`;
}

/** The inverse of `embedPath`'s last segment; undefined when it is not of that shape. */
export function parseEmbedKey(
  key: string | undefined
): { lang: Lang; param?: EmbedParam; value?: string } | undefined {
  if (!key) return { lang: 'vi' };
  const m = /^(vi|en)(?:-(area|metric|period)-(.+))?$/.exec(key);
  if (!m) return undefined;
  const param = m[2] as EmbedParam | undefined;
  return { lang: m[1] as Lang, param, value: param === 'period' ? m[3].replace('_', '/') : m[3] };
}

/* ---- Browser only ---- */

/** Presentation properties that CSS (variables, classes, currentColor) may set and a standalone SVG would lose. */
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display'
];

export interface SvgExtras {
  title?: string;
  /** A footer line (the source). */
  caption?: string;
  /** Colour keys drawn as HTML beside the chart, redrawn into the file so its colours still mean something. */
  legend?: { colour: string; label: string }[];
  /** Page background behind the drawing, so light text from a dark theme stays readable in a viewer. */
  background?: string;
}

/** A standalone SVG document of a drawn chart: computed styles inlined as concrete colours, plus title, legend
 *  and source as text, since in the page these sit outside the `<svg>`. */
export function svgToString(svg: SVGSVGElement, extras: SvgExtras = {}): string {
  const NS = 'http://www.w3.org/2000/svg';
  const box = svg.getBoundingClientRect();
  const w = Math.round(box.width) || 640;
  const h = Math.round(box.height) || 300;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const src = [svg, ...svg.querySelectorAll('*')];
  const dst = [clone, ...clone.querySelectorAll('*')];
  src.forEach((el, i) => {
    const cs = getComputedStyle(el);
    const style = STYLE_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
    (dst[i] as Element).setAttribute('style', style);
    (dst[i] as Element).removeAttribute('class');
  });
  const font = getComputedStyle(svg);
  const text = (x: number, y: number, s: string, size: number, weight = 400) => {
    const t = document.createElementNS(NS, 'text');
    Object.entries({ x, y, 'font-size': size, 'font-weight': weight, fill: font.color }).forEach(([k, v]) =>
      t.setAttribute(k, String(v))
    );
    t.setAttribute('font-family', font.fontFamily);
    t.textContent = s;
    return t;
  };
  const top = (extras.title ? 28 : 4) + (extras.legend?.length ? 22 : 0);
  const bottom = extras.caption ? 24 : 4;
  const out = document.createElementNS(NS, 'svg');
  out.setAttribute('xmlns', NS);
  out.setAttribute('width', String(w));
  out.setAttribute('height', String(h + top + bottom));
  out.setAttribute('viewBox', `0 0 ${w} ${h + top + bottom}`);
  if (extras.background) {
    const bg = document.createElementNS(NS, 'rect');
    bg.setAttribute('width', '100%');
    bg.setAttribute('height', '100%');
    bg.setAttribute('fill', extras.background);
    out.append(bg);
  }
  if (extras.title) {
    const t = document.createElementNS(NS, 'title');
    t.textContent = extras.title;
    out.append(t, text(4, 20, extras.title, 15, 700));
  }
  let lx = 4;
  for (const l of extras.legend ?? []) {
    const sw = document.createElementNS(NS, 'rect');
    Object.entries({ x: lx, y: top - 17, width: 11, height: 11, fill: l.colour }).forEach(([k, v]) =>
      sw.setAttribute(k, String(v))
    );
    out.append(sw, text(lx + 15, top - 7, l.label, 12));
    lx += 15 + l.label.length * 6.5 + 14;
  }
  clone.setAttribute('x', '0');
  clone.setAttribute('y', String(top));
  clone.setAttribute('width', String(w));
  clone.setAttribute('height', String(h));
  out.append(clone);
  if (extras.caption) out.append(text(4, top + h + 17, extras.caption, 11));
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(out);
}

/** Rasterises an SVG document (from `svgToString`) at `scale` × its size, through an <img> and a canvas. */
export async function svgToPng(svgText: string, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(img.naturalWidth * scale);
    canvas.height = Math.ceil(img.naturalHeight * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0);
    return await new Promise((ok, fail) =>
      canvas.toBlob((b) => (b ? ok(b) : fail(new Error('PNG encoding failed'))), 'image/png')
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves a blob under `filename` through a temporary link (works without popups or extra permissions). */
export function download(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
