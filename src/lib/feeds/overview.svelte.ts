/** State of the overview (and of /compare's two periods): the area, its figures, and the two periods compared. */
import { breaksOf, compareRows, headlines, periodsOf, type Breaks } from '$model/compare';
import { HEADLINE_METRICS } from '$model/metrics';
import type { Report } from '$model/types';
import { Feed } from './feed.svelte';
import { overviewFeed, type AreaFigures } from './pages';
import { defaultPair } from './shape';

export { defaultPair };

export class OverviewState {
  readonly feed: Feed<{ area: string }, AreaFigures>;
  a = $state('');
  b = $state('');
  breaks: Breaks = breaksOf([]);

  area = $derived.by(() => this.feed.target.area);
  figures = $derived.by(() => this.feed.data.figures);
  tipsChart = $derived.by(() => this.feed.data.tipsChart);
  periods = $derived.by(() => periodsOf(this.figures));
  periodA = $derived.by(() => this.periods.find((p) => p.key === this.a));
  periodB = $derived.by(() => this.periods.find((p) => p.key === this.b));
  rows = $derived.by(() =>
    this.periodA && this.periodB ? compareRows(this.figures, this.periodA, this.periodB, this.breaks) : []
  );
  tiles = $derived.by(() => headlines(this.figures, HEADLINE_METRICS, this.breaks));

  constructor(area: string, data: AreaFigures, reports: Report[]) {
    this.feed = new Feed(overviewFeed, { area }, data);
    this.breaks = breaksOf(reports);
    this.#keepPair();
  }

  /** Keeps the chosen periods where the figures still have both, else the default pair. */
  #keepPair() {
    const keys = this.periods.map((p) => p.key);
    if (!keys.includes(this.a) || !keys.includes(this.b))
      [this.a, this.b] = defaultPair(this.periods, this.figures) ?? ['', ''];
  }

  /** Shows another area's figures (loaded through DuckDB on first use). */
  async selectArea(code: string) {
    await this.feed.set({ area: code });
    this.#keepPair();
  }

  /** Loads the current area again (uploads kept in this browser). */
  async reload() {
    await this.feed.reload();
    this.#keepPair();
  }
}
