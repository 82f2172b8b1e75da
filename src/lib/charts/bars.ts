/**
 * Stacked period bars as a few paths. A monthly upload gives a district ~110 bars of 4–5 segments: a rect per
 * segment was ~500 elements, each with its own attributes and reactive updates on every picker change. Here the segments of one colour are one
 * path, and each bar keeps one element of its own for pointer, focus and its accessible name (layers/PeriodBars).
 */

export interface Segment {
  category: string;
  colour: string;
  y0: number;
  y1: number;
  demo: boolean;
}

export interface Bar {
  key: string;
  start: Date;
  end: Date;
  segments: Segment[];
  /** The source does not state the period (model/compare.ts, CategoryBar): drawn as a point, never as a bar. */
  undated?: boolean;
}

/**
 * Indices of `bars` in the order they are painted: the longest periods first, so a month is drawn over its year
 * and its year over a five-year report, and the pointer finds the shortest period under it (as the small
 * multiples' tooltip does). Bars of one length keep their order.
 */
export function paintOrder(bars: Bar[]): number[] {
  const len = (b: Bar) => b.end.getTime() - b.start.getTime();
  return bars.map((_, i) => i).sort((a, b) => len(bars[b]) - len(bars[a]) || a - b);
}

export interface BarBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A bar's rectangle: its period across (less `gap`, at least 1 px), its stack from the base to the top. */
export function barBox(bar: Bar, x: (d: Date) => number, y: (v: number) => number, gap: number): BarBox {
  const x0 = x(bar.start) + gap / 2;
  const width = Math.max(1, x(bar.end) - x(bar.start) - gap);
  const top = y(bar.segments.at(-1)?.y1 ?? 0);
  const base = y(bar.segments[0]?.y0 ?? 0);
  return { x: x0, y: Math.min(top, base), width, height: Math.abs(base - top) };
}

export interface BarPath {
  key: string;
  d: string;
  /** The segments' colour, or '' for the path of demo hatching laid over them. */
  fill: string;
}

// Hundredths of a pixel: invisible, and keeps a path of a hundred rectangles short.
const r = (v: number) => Math.round(v * 100) / 100;

/**
 * The bars' segments as paths, a layer per period length in paint order (`order`: paintOrder's unless the caller
 * has it already): one path per colour, then one of the layer's demo segments for the hatching over them. A shorter
 * period's layer is drawn over a longer one's.
 * Periods of one length seldom overlap; where they do (2013–2018 and 2014–2019), the colours overlap in path order.
 * An undated bar has no rectangle (layers/PeriodBars draws its point).
 */
export function barPaths(
  bars: Bar[],
  x: (d: Date) => number,
  y: (v: number) => number,
  gap: number,
  order = paintOrder(bars)
): BarPath[] {
  const layers = new Map<number, Map<string, string[]>>();
  for (const i of order) {
    const b = bars[i];
    if (b.undated) continue;
    const len = b.end.getTime() - b.start.getTime();
    let layer = layers.get(len);
    if (!layer) layers.set(len, (layer = new Map()));
    const { x: x0, width } = barBox(b, x, y, gap);
    for (const s of b.segments) {
      const top = y(s.y1);
      const h = y(s.y0) - top;
      if (!(h > 0)) continue;
      const rect = `M${r(x0)},${r(top)}h${r(width)}v${r(h)}h${-r(width)}Z`;
      for (const fill of s.demo ? [s.colour, ''] : [s.colour]) {
        let parts = layer.get(fill);
        if (!parts) layer.set(fill, (parts = []));
        parts.push(rect);
      }
    }
  }
  const out: BarPath[] = [];
  for (const [len, layer] of layers) {
    // The hatching goes over every colour of its layer.
    const fills = [...layer.keys()].sort((a, b) => (a === '' ? 1 : 0) - (b === '' ? 1 : 0));
    for (const fill of fills) out.push({ key: `${len}|${fill}`, d: layer.get(fill)!.join(''), fill });
  }
  return out;
}
