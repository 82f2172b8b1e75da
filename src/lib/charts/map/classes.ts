/**
 * Colour classes of the map: quantiles of the shown values, rounded to two significant digits so the legend reads
 * as round numbers, coloured from d3's sequential Blues (ColorBrewer; safe for the common colour-vision deficiencies).
 * Quantiles rather than equal steps because commune figures are skewed: equal steps would paint most units alike.
 */
import { interpolateBlues, quantileSorted } from 'd3';
import { formatNumber, type Lang } from '$i18n/format';

export interface MapClasses {
  /** Lower bounds of classes 1…n-1 (class 0 is below thresholds[0]); integers, strictly increasing. */
  thresholds: number[];
  /** One colour per class, light to dark. */
  colours: string[];
}

/** Two significant digits, up to an integer: 1.234 → 1.300, 87 → 87, 0,4 → 1. */
export function roundBound(v: number): number {
  if (v <= 1) return 1;
  const step = 10 ** Math.max(0, Math.floor(Math.log10(v)) - 1);
  return Math.ceil(v / step) * step;
}

/** Up to `k` classes (5–7 reads well) from the values; fewer when the values do not spread that far. */
export function classify(values: number[], k = 6): MapClasses {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const thresholds: number[] = [];
  for (let i = 1; i < k && sorted.length; i++) {
    const t = roundBound(quantileSorted(sorted, i / k)!);
    if (t > sorted[0] && t <= sorted.at(-1)! && t > (thresholds.at(-1) ?? -Infinity)) thresholds.push(t);
  }
  const n = thresholds.length + 1;
  // Skip the near-white end of the ramp: the lightest class must still stand apart from "no data" grey.
  const colours = Array.from({ length: n }, (_, i) =>
    interpolateBlues(0.2 + (0.75 * i) / Math.max(1, n - 1))
  );
  return { thresholds, colours };
}

/** The class of a value: the number of thresholds at or below it. */
export function classOf(v: number, c: MapClasses): number {
  let i = 0;
  while (i < c.thresholds.length && v >= c.thresholds[i]) i++;
  return i;
}

/** Legend text of each class in the reader's number format: "< 1.200", "1.200–2.399", "≥ 9.600". */
export function classLabels(c: MapClasses, lang: Lang): string[] {
  const f = (v: number) => formatNumber(v, lang);
  const t = c.thresholds;
  if (!t.length) return [lang === 'vi' ? 'Tất cả' : 'All'];
  return c.colours.map((_, i) => {
    if (i === 0) return `< ${f(t[0])}`;
    if (i === t.length) return `≥ ${f(t[i - 1])}`;
    const hi = t[i] - 1;
    return hi === t[i - 1] ? f(hi) : `${f(t[i - 1])}–${f(hi)}`;
  });
}
