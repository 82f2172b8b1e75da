/** State of the overview page: which area and periods are shown, and the figures for them. */
import type { Figure } from '$model/figure';
import { breaksOf, compareRows, headlines, periodsOf, type Breaks, type PeriodInfo } from '$model/compare';
import type { Report } from '$model/types';
import { areaSeries } from '$db/queries/series';
import { CHARTS } from '$charts/registry';
import type { ChartData, PeriodBarsShape } from '$charts/types';

import { HEADLINE_METRICS } from '$model/metrics';

/** Default comparison: the first period against the latest one holding a real (non-demo) tips figure. */
export function defaultPair(periods: PeriodInfo[], figures: Figure[]): [string, string] | null {
  if (periods.length < 2) return null;
  const realTips = figures.filter((f) => f.metric === 'tips' && f.category === '' && f.kind !== 'demo');
  const latestReal = periods.findLast((p) =>
    realTips.some((f) => `${f.period_start}/${f.period_end}` === p.key)
  );
  const b = latestReal && latestReal.key !== periods[0].key ? latestReal : periods.at(-1)!;
  return [periods[0].key, b.key];
}

export class OverviewState {
  area = $state('01');
  figures = $state.raw<Figure[]>([]);
  tipsChart = $state.raw<ChartData<PeriodBarsShape>>({
    figures: [],
    shaped: { bars: [], perYear: false },
    context: { areaName: '' }
  });
  loading = $state(false);
  error = $state('');
  a = $state('');
  b = $state('');
  breaks: Breaks = breaksOf([]);

  periods = $derived(periodsOf(this.figures));
  periodA = $derived(this.periods.find((p) => p.key === this.a));
  periodB = $derived(this.periods.find((p) => p.key === this.b));
  rows = $derived(
    this.periodA && this.periodB ? compareRows(this.figures, this.periodA, this.periodB, this.breaks) : []
  );
  tiles = $derived(headlines(this.figures, HEADLINE_METRICS, this.breaks));

  constructor(figures: Figure[], reports: Report[], tipsChart: ChartData<PeriodBarsShape>) {
    this.breaks = breaksOf(reports);
    this.tipsChart = tipsChart;
    this.setFigures(figures);
  }

  setFigures(figures: Figure[]) {
    this.figures = figures;
    const keys = periodsOf(figures).map((p) => p.key);
    if (!keys.includes(this.a) || !keys.includes(this.b))
      [this.a, this.b] = defaultPair(periodsOf(figures), figures) ?? ['', ''];
  }

  /** Loads another area's figures through DuckDB (fetched on first use). */
  async selectArea(code: string) {
    this.area = code;
    this.loading = true;
    this.error = '';
    try {
      const { getDb } = await import('$db/client');
      const db = await getDb();
      const tips = CHARTS['tips-by-category'];
      const [figures, tipsChart] = await Promise.all([
        db.query(areaSeries(code)) as unknown as Promise<Figure[]>,
        tips.load(db, { ...tips.defaults, area: code })
      ]);
      if (this.area === code) {
        this.setFigures(figures);
        this.tipsChart = tipsChart;
      }
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      this.loading = false;
    }
  }
}
