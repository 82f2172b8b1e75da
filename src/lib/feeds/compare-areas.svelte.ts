/** State of "one period across areas": the metric and period, with the districts' figures from their feed. */
import { periodsOf } from '$model/compare';
import type { Figure } from '$model/figure';
import { Feed } from './feed.svelte';
import { districtsFeed } from './pages';

export class AreasCompareState {
  readonly feed: Feed<{ metric: string }, Figure[]>;
  period = $state('');
  metric = $derived.by(() => this.feed.target.metric);
  figures = $derived.by(() => this.feed.data);
  periods = $derived.by(() => periodsOf(this.figures));

  constructor(metric: string, figures: Figure[]) {
    this.feed = new Feed(districtsFeed, { metric }, figures, { prebuilt: true });
    this.#keepPeriod();
  }

  #keepPeriod() {
    const keys = this.periods.map((p) => p.key);
    if (!keys.includes(this.period)) this.period = keys.at(-1) ?? '';
  }

  async selectMetric(metric: string) {
    await this.feed.set({ metric });
    this.#keepPeriod();
  }

  async reload() {
    await this.feed.reload();
    this.#keepPeriod();
  }
}
