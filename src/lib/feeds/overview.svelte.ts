/** State of the overview (and of /compare's two periods): the area, its figures, and the two periods compared. */
import { compareRows, headlines, periodsOf } from '$model/compare';
import { HEADLINE_METRICS } from '$model/metrics';
import { Feed } from './feed.svelte';
import { overviewFeed, type AreaFigures } from './pages';
import { defaultPair } from './shape';

export { defaultPair };

export class OverviewState {
  readonly feed: Feed<{ area: string }, AreaFigures>;
  a = $state('');
  b = $state('');

  area = $derived.by(() => this.feed.target.area);
  figures = $derived.by(() => this.feed.data.figures);
  tipsChart = $derived.by(() => this.feed.data.tipsChart);
  periods = $derived.by(() => periodsOf(this.figures));
  periodA = $derived.by(() => this.periods.find((p) => p.key === this.a));
  periodB = $derived.by(() => this.periods.find((p) => p.key === this.b));
  rows = $derived.by(() =>
    this.periodA && this.periodB ? compareRows(this.figures, this.periodA, this.periodB) : []
  );
  tiles = $derived.by(() => headlines(this.figures, HEADLINE_METRICS));

  constructor(area: string, data: AreaFigures) {
    this.feed = new Feed(overviewFeed, { area }, data, { prebuilt: true });
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
