import type { ChartData, ChartParams } from './types';

/** How long a chart loads before its loading notice shows (aria-busy is set at once). */
export const SLOW_MS = 150;

/**
 * One chart's view on a page: the params its data was loaded for, its data (prerendered, then reloaded through
 * DuckDB), the params last asked for, loading and error. `params` and `data` change together when a load ends, so
 * the chart is drawn once per change, never with new params over old data.
 * Raw state: a load's result is replaced whole, never mutated, so it needs no deep proxy.
 */
export class ChartState {
  params = $state.raw() as ChartParams;
  /** The params last asked for: what the controls show while their data loads. */
  target = $state.raw() as ChartParams;
  data = $state.raw() as ChartData;
  loading = $state(false);
  /**
   * Loading for longer than SLOW_MS: only then is it said on screen. A picker change answered from DuckDB in tens of
   * milliseconds would otherwise flash the notice, and paint the chart's block one more time, on every change.
   */
  slow = $state(false);
  error = $state('');
  /** Number of the latest request: an older load that answers late is dropped. */
  seq = 0;

  constructor(params: ChartParams, data: ChartData) {
    this.params = this.target = params;
    this.data = data;
  }
}
