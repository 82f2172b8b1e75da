/**
 * The /map page's state: the chart's data, its metric and period, and reloading them through the browser's DuckDB
 * (loaded on first use only) when a person picks another metric or period.
 */
import { getDb } from '$db/client';
import type { ChartData, ChartParams } from '../types';
import { mapChart } from './def';
import type { MapShape } from './shape';
import { rememberGeometry } from './source';

export class MapPageState {
  chart = $state.raw<ChartData<MapShape>>() as ChartData<MapShape>;
  metric = $state('tips');
  /** A period key `start/end` as the URL holds it. */
  period = $state('');
  loading = $state(false);
  error = $state('');
  #seq = 0;

  constructor(initial: ChartData<MapShape>) {
    this.#show(initial);
    // The prerendered geometry is reused by every reload: no second download of the boundaries.
    rememberGeometry(initial.shaped.geometry);
  }

  get params(): ChartParams {
    return { area: '01', metric: this.metric, period: this.period };
  }

  #show(d: ChartData<MapShape>) {
    this.chart = d;
    this.metric = d.context.metric ?? 'tips';
    this.period = d.context.periodKey ?? '';
  }

  /** Shows another metric and/or period; the latest request wins when several overlap. */
  async select(metric: string, period: string): Promise<void> {
    const seq = ++this.#seq;
    this.metric = metric;
    this.period = period;
    this.loading = true;
    this.error = '';
    try {
      const d = await mapChart.load(await getDb(), { area: '01', metric, period });
      if (seq === this.#seq) this.#show(d);
    } catch (e) {
      if (seq === this.#seq) this.error = e instanceof Error ? e.message : String(e);
    } finally {
      if (seq === this.#seq) this.loading = false;
    }
  }
}
