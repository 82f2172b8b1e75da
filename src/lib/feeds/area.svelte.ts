/** State of an area page's children: one period and metric, shown as a ranked chart and a table, from two feeds. */
import type { PeriodInfo } from '$model/compare';
import { CHART_FEEDS } from './charts';
import { Feed } from './feed.svelte';
import { childrenFeed, type ChildrenData } from './pages';
import type { ChartData, ChartParams, RankedShape } from './types';

export class AreaChildrenState {
  readonly table: Feed<{ code: string; period: string }, ChildrenData>;
  readonly ranked: Feed<ChartParams, ChartData<RankedShape>>;
  readonly code: string;

  period = $derived.by(() => this.table.target.period || this.table.data.period);
  metric = $derived.by(() => this.ranked.target.metric);
  periods = $derived.by(() => this.table.data.periods);
  totals = $derived.by(() => this.table.data.totals);
  current = $derived.by((): PeriodInfo | undefined => this.periods.find((p) => p.key === this.period));
  loading = $derived.by(() => this.table.loading || this.ranked.loading);
  error = $derived.by(() => this.table.error || this.ranked.error);

  constructor(code: string, children: ChildrenData, metric: string, ranked: ChartData<RankedShape>) {
    this.code = code;
    // Each period and metric one change away is a file the build wrote (feeds/files.ts): no DuckDB for them.
    const prebuilt = { prebuilt: true };
    this.table = new Feed(childrenFeed, { code, period: children.period }, children, prebuilt);
    const params = { area: code, metric, period: children.period };
    this.ranked = new Feed(CHART_FEEDS['children-ranked'], params, ranked, prebuilt);
  }

  /** Shows the children in another period. */
  async selectPeriod(period: string): Promise<void> {
    await Promise.all([
      this.table.set({ code: this.code, period }),
      this.ranked.set({ ...this.ranked.target, period })
    ]);
  }

  /** Ranks the children by another metric (the table shows every metric already). */
  selectMetric(metric: string): Promise<void> {
    return this.ranked.set({ ...this.ranked.target, metric });
  }

  async reload(): Promise<void> {
    await Promise.all([this.table.reload(), this.ranked.reload()]);
  }
}
