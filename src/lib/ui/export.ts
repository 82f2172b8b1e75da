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
  /** Where and when: "Hà Nội, 2013–2024". */
  subtitle?: string;
  /** "Đơn vị: tin/năm". */
  unit?: string;
  /** The demo notice, when the chart shows demo figures. */
  demo?: string;
  /** A footer (the source), wrapped to the drawing's width. */
  caption?: string;
  /** Colour keys drawn as HTML beside the chart, redrawn into the file so its colours still mean something;
   *  `hatch` marks the key of demo hatching. */
  legend?: { colour: string; label: string; hatch?: boolean }[];
  /** Page background behind the drawing, so light text from a dark theme stays readable in a viewer. */
  background?: string;
  /** Colours of muted text and of the demo notice. */
  muted?: string;
  demoColour?: string;
}

const NS = 'http://www.w3.org/2000/svg';
const PAD = 8;

/** Breaks `text` into lines no wider than `max` px in `font` (a CSS font shorthand), measured by a canvas. */
export function wrapText(text: string, max: number, font: string): string[] {
  const ctx = document.createElement('canvas').getContext('2d');
  const width = (s: string) => {
    if (!ctx) return s.length * 7;
    ctx.font = font;
    return ctx.measureText(s).width;
  };
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && width(next) > max) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** A standalone SVG document of a drawn chart: each of its `<svg>` elements placed where it is on screen, with
 *  computed styles inlined as concrete colours; around them, as text wrapped to the width, the title, area and
 *  period, unit, demo notice, legend (demo hatching included) and source, since in the page these are HTML. */
export function svgToString(drawing: SVGSVGElement | SVGSVGElement[], extras: SvgExtras = {}): string {
  const svgs = Array.isArray(drawing) ? drawing : [drawing];
  const boxes = svgs.map((s) => s.getBoundingClientRect());
  const left = Math.min(...boxes.map((b) => b.left));
  const topEdge = Math.min(...boxes.map((b) => b.top));
  const dw = Math.round(Math.max(...boxes.map((b) => b.right)) - left) || 640;
  const dh = Math.round(Math.max(...boxes.map((b) => b.bottom)) - topEdge) || 300;
  const w = Math.max(dw + 2 * PAD, 320);
  const font = getComputedStyle(svgs[0]);
  const family = font.fontFamily;
  const out = document.createElementNS(NS, 'svg');
  const parts: Element[] = [];
  const set = (el: Element, attrs: Record<string, string | number>) => {
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
    return el;
  };
  let y = PAD;
  /** Wrapped lines of text from the current height down; returns nothing, moves `y`. */
  const para = (s: string | undefined, size: number, opts: { weight?: number; fill?: string } = {}) => {
    if (!s) return;
    const weight = opts.weight ?? 400;
    const lh = Math.round(size * 1.3);
    for (const line of wrapText(s, w - 2 * PAD, `${weight} ${size}px ${family}`)) {
      y += lh;
      const t = set(document.createElementNS(NS, 'text'), {
        x: PAD,
        y: y - Math.round(size * 0.3),
        'font-size': size,
        'font-weight': weight,
        'font-family': family,
        fill: opts.fill ?? font.color
      });
      t.textContent = line;
      parts.push(t);
    }
    y += 4;
  };
  para(extras.title, 16, { weight: 700 });
  para(extras.subtitle, 13, { fill: extras.muted });
  para(extras.unit, 13, { fill: extras.muted });
  para(extras.demo, 13, { fill: extras.demoColour });
  // The legend: swatches with labels, flowing onto more lines when they do not fit.
  const legend = extras.legend ?? [];
  if (legend.length) {
    const ctx = document.createElement('canvas').getContext('2d');
    if (ctx) ctx.font = `400 12px ${family}`;
    let lx = PAD;
    y += 4;
    for (const l of legend) {
      const lw = 16 + (ctx ? ctx.measureText(l.label).width : l.label.length * 7) + 14;
      if (lx > PAD && lx + lw > w - PAD) {
        lx = PAD;
        y += 18;
      }
      parts.push(
        set(document.createElementNS(NS, 'rect'), {
          x: lx,
          y: y,
          width: 11,
          height: 11,
          fill: l.hatch ? 'url(#export-hatch)' : l.colour,
          stroke: l.hatch ? '#777' : 'none'
        })
      );
      const t = set(document.createElementNS(NS, 'text'), {
        x: lx + 16,
        y: y + 10,
        'font-size': 12,
        'font-family': family,
        fill: font.color
      });
      t.textContent = l.label;
      parts.push(t);
      lx += lw;
    }
    y += 22;
  }
  const top = y;
  svgs.forEach((svg, i) => {
    const clone = svg.cloneNode(true) as SVGSVGElement;
    const src = [svg, ...svg.querySelectorAll('*')];
    const dst = [clone, ...clone.querySelectorAll('*')];
    src.forEach((el, j) => {
      const cs = getComputedStyle(el);
      const style = STYLE_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
      (dst[j] as Element).setAttribute('style', style);
      (dst[j] as Element).removeAttribute('class');
    });
    const b = boxes[i];
    set(clone, {
      x: PAD + Math.round(b.left - left),
      y: top + Math.round(b.top - topEdge),
      width: Math.round(b.width),
      height: Math.round(b.height),
      overflow: 'visible'
    });
    parts.push(clone);
  });
  y = top + dh + 6;
  para(extras.caption, 12, { fill: extras.muted });
  const h = Math.ceil(y + PAD);
  set(out, { xmlns: NS, width: w, height: h, viewBox: `0 0 ${w} ${h}` });
  const defs = document.createElementNS(NS, 'defs');
  defs.innerHTML =
    '<pattern id="export-hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">' +
    '<rect width="4" height="4" fill="#fff"/><line x1="0" y1="0" x2="0" y2="4" stroke="#777" stroke-width="2"/></pattern>';
  out.append(defs);
  if (extras.background)
    out.append(
      set(document.createElementNS(NS, 'rect'), { width: '100%', height: '100%', fill: extras.background })
    );
  if (extras.title) {
    const t = document.createElementNS(NS, 'title');
    t.textContent = extras.title;
    out.append(t);
  }
  out.append(...parts);
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
