import { describe, expect, it } from 'vitest';
import { TICK_WIDTHS, tickMinWidths } from '$charts/layers/ticks';

describe('tickMinWidths', () => {
  it('shows the first tick at every width', () => {
    expect(tickMinWidths(12)[0]).toBe(0);
  });
  it('keeps every fourth of twelve years on a 320 px phone and all of them from 720 px', () => {
    const from = tickMinWidths(12);
    const shown = (w: number) => from.map((f, i) => (f <= w ? i : -1)).filter((i) => i >= 0);
    expect(shown(322)).toEqual([0, 4, 8]);
    expect(shown(720)).toHaveLength(12);
  });
  it('uses only the widths the container queries know', () => {
    for (const f of tickMinWidths(30)) expect(TICK_WIDTHS).toContain(f);
  });
});
