/** State of an area page: the children's period and metric, reloaded through DuckDB when changed. */
import { childTotals, type ChildTotal } from '$db/queries/drill';
import type { PeriodInfo } from '$model/compare';

export class AreaChildrenState {
  period = $state('');
  metric = $state('tips');
  totals = $state.raw<ChildTotal[]>([]);
  loading = $state(false);
  error = $state('');

  readonly code: string;
  readonly periods: PeriodInfo[];
  current = $derived.by(() => this.periods.find((p) => p.key === this.period));

  constructor(code: string, periods: PeriodInfo[], period: string, totals: ChildTotal[]) {
    this.code = code;
    this.periods = periods;
    this.period = period;
    this.totals = totals;
  }

  async selectPeriod(key: string) {
    const p = this.periods.find((x) => x.key === key);
    if (!p) return;
    this.period = key;
    this.loading = true;
    this.error = '';
    try {
      const { getDb } = await import('$db/client');
      const rows = await (await getDb()).query(childTotals(this.code, p.start, p.end));
      if (this.period === key) this.totals = rows;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      this.loading = false;
    }
  }
}
