/** State of "one period across areas": the metric and period, with the districts' figures reloaded through DuckDB. */
import { childSeries } from '$db/queries/series';
import { periodsOf } from '$model/compare';
import type { Figure } from '$model/figure';

export class AreasCompareState {
  metric = $state('tips');
  period = $state('');
  figures = $state.raw<Figure[]>([]);
  loading = $state(false);
  error = $state('');
  periods = $derived(periodsOf(this.figures));

  constructor(figures: Figure[]) {
    this.setFigures(figures);
  }

  private setFigures(figures: Figure[]) {
    this.figures = figures;
    const keys = periodsOf(figures).map((p) => p.key);
    if (!keys.includes(this.period)) this.period = keys.at(-1) ?? '';
  }

  async selectMetric(metric: string) {
    this.metric = metric;
    this.loading = true;
    this.error = '';
    try {
      const { getDb } = await import('$db/client');
      const rows = (await (await getDb()).query(childSeries('01', metric))) as unknown as Figure[];
      if (this.metric === metric) this.setFigures(rows.filter((f) => f.category === ''));
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      this.loading = false;
    }
  }
}
