/**
 * Which year ticks a time axis shows at which chart width, decided without knowing the width (prerendered pages
 * and embeds run no layout code): tick i of n shows from the smallest width in TICK_WIDTHS at which every
 * (2^k)-th tick fits, for the largest 2^k dividing i. CSS container queries (layers/AxisX) hide the rest.
 */

/** Chart widths (CSS px) at which more ticks may show; AxisX's container queries use the same list. */
export const TICK_WIDTHS = [0, 200, 280, 360, 440, 560, 720, 960] as const;
/** Room a year label needs, and the chart's width that is not plot (axis labels, padding). */
const PER_TICK = 44;
const CHROME = 64;

/** For each of `n` ticks, the smallest chart width (one of TICK_WIDTHS) from which it shows. */
export function tickMinWidths(n: number): number[] {
  const need = (every: number) => CHROME + Math.ceil(n / every) * PER_TICK;
  return Array.from({ length: n }, (_, i) => {
    let every = 1;
    // The largest power of two that divides i (i = 0 shows at every width).
    if (i === 0) return 0;
    while (i % (every * 2) === 0) every *= 2;
    const w = need(every);
    return TICK_WIDTHS.find((b) => b >= w) ?? TICK_WIDTHS.at(-1)!;
  });
}
