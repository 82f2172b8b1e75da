/**
 * An embed's preview picture (`og:image`, 1200×630 PNG), made at build time: the chart's own SVG as the
 * prerendered page has it, with its title, area and period, unit, demo notice and source around it, rendered by
 * resvg in Node with the bundled DejaVu Sans (it has Vietnamese glyphs; no system font or network is used).
 */
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);
const FONTS = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) =>
  require.resolve(`dejavu-fonts-ttf/ttf/${f}`)
);
export const OG = { width: 1200, height: 630 };
const PAD = 40;

export interface OgCard {
  title: string;
  subtitle: string;
  unit: string;
  demo: string;
  source: string;
  /** The chart component's server-rendered markup (HTML holding one or more <svg>). */
  markup: string;
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Lines of at most `max` px, taking DejaVu Sans's average advance as 0.58 em (the picture is a preview). */
function wrap(text: string, size: number, max: number): string[] {
  const per = Math.max(8, Math.floor(max / (size * 0.58)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && next.length > per) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** The top-level <svg> elements of some markup (nested ones stay inside their parent). */
export function topLevelSvgs(markup: string): string[] {
  const out: string[] = [];
  const re = /<svg\b|<\/svg>/g;
  let depth = 0;
  let start = 0;
  for (let m = re.exec(markup); m; m = re.exec(markup)) {
    if (m[0] === '</svg>') {
      if (--depth === 0) out.push(markup.slice(start, m.index + 6));
    } else if (depth++ === 0) start = m.index;
  }
  return out;
}

/** Sets an svg element's position and size, replacing what its own attributes said. */
function place(svg: string, x: number, y: number, w: number, h: number): string {
  const open = svg.slice(0, svg.indexOf('>'));
  const kept = open.replace(/\s(x|y|width|height|style|class)="[^"]*"/g, '');
  return `${kept} x="${x}" y="${y}" width="${w}" height="${h}" overflow="hidden"${svg.slice(open.length)}`;
}

/** The drawing, laid out in a `w`×`h` box: the period charts' label column and plot side by side, a grid of
 *  small panels, or one SVG (clipped to the box when it is taller, e.g. a long ranking shows its top). */
function drawing(markup: string, w: number, h: number): string {
  const svgs = topLevelSvgs(markup);
  const heightOf = (s: string) => Number(/^<svg[^>]*\sheight="(\d+(?:\.\d+)?)"/.exec(s)?.[1] ?? h);
  const widthOf = (s: string) => Number(/^<svg[^>]*\swidth="(\d+(?:\.\d+)?)"/.exec(s)?.[1] ?? w);
  if (svgs.length === 2 && svgs[0].includes('ylabels'))
    return place(svgs[0], 0, 0, 56, Math.min(h, 300)) + place(svgs[1], 56, 0, w - 64, Math.min(h, 300));
  if (svgs.length > 2) {
    const cols = 8;
    const cw = w / cols;
    const ch = cw * 0.45;
    return svgs
      .slice(0, cols * Math.floor(h / ch))
      .map((s, i) => place(s, (i % cols) * cw + 4, Math.floor(i / cols) * ch + 4, cw - 8, ch - 8))
      .join('');
  }
  const s = svgs[0] ?? '';
  const hasViewBox = /^<svg[^>]*\sviewBox=/.test(s);
  return place(
    s,
    0,
    0,
    hasViewBox || /width="100%"/.test(s) ? w : Math.min(w, widthOf(s)),
    hasViewBox ? h : Math.min(h, heightOf(s))
  );
}

/** The preview picture as an SVG document. */
export function ogSvg(card: OgCard): string {
  const w = OG.width - 2 * PAD;
  let y = PAD;
  const texts: string[] = [];
  const para = (s: string, size: number, fill: string, weight = 400) => {
    for (const line of wrap(s, size, w)) {
      y += Math.round(size * 1.25);
      texts.push(
        `<text x="${PAD}" y="${y - Math.round(size * 0.25)}" font-size="${size}" font-weight="${weight}" fill="${fill}">${esc(line)}</text>`
      );
    }
    y += 6;
  };
  para(card.title, 34, '#16181d', 700);
  para([card.subtitle, card.unit].filter(Boolean).join(' · '), 22, '#5a6270');
  if (card.demo) para(card.demo, 20, '#7a4d00');
  const foot = wrap(card.source, 18, w);
  const footH = foot.length * 23 + 8;
  const top = y + 10;
  const box = OG.height - PAD - footH - top;
  const chart = `<g transform="translate(${PAD}, ${top})" color="#16181d" font-size="12">${drawing(card.markup, w, box)}</g>`;
  const source = foot
    .map(
      (l, i) =>
        `<text x="${PAD}" y="${OG.height - PAD - (foot.length - 1 - i) * 23}" font-size="18" fill="#5a6270">${esc(l)}</text>`
    )
    .join('');
  // Classes of the page's stylesheets resvg never sees: the transparent hit areas and the hidden year ticks.
  const style = '<style>.bar,.hit{fill:none}</style>';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${OG.width}" height="${OG.height}" font-family="DejaVu Sans">` +
    `${style}<rect width="100%" height="100%" fill="#ffffff"/>${texts.join('')}${chart}${source}</svg>`
  ).replace(/var\(--[a-z-]+\)/g, '#dfe3e8');
}

/** The preview picture as PNG bytes. */
export function ogPng(card: OgCard): Uint8Array {
  const resvg = new Resvg(ogSvg(card), {
    font: { fontFiles: FONTS, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
    fitTo: { mode: 'original' }
  });
  return resvg.render().asPng();
}
