/** What feeds hand to views: plain JSON, so the build can prerender it into a page or write it out as a file. */
import type { Figure } from '$model/figure';
import type { CategoryBar, CompareRow } from '$model/compare';
import type { Qualifier, ReportKind } from '$model/types';
import type { Connector } from '$db/connector';

/** A source of one view's data: `load` runs its queries through the connector (Node at build, WASM in the browser). */
export interface FeedDef<P, D> {
  /** Names the feed in file names and errors. */
  id: string;
  load: (db: Connector, params: P) => Promise<D>;
}

/** A chart's state, as it appears in a URL (`?area=001&metric=tips&period=2019-01-01/2019-12-31`). */
export interface ChartParams {
  /** Area code in Hà Nội's 2019 structure (or '01', the city). */
  area: string;
  metric: string;
  /** A period key `start/end`, or '' for the latest period with data. */
  period: string;
}

/** What a chart feed returns: the figures it shows (for its source line, demo marker, table and CSV export)
 *  and whatever shaped data its component draws. */
export interface ChartData<S = unknown> {
  figures: Figure[];
  shaped: S;
  /** Names the title needs (area, period) resolved by the feed. */
  context: { areaName: string; periodLabel?: string; [k: string]: string | undefined };
}

/** Shaped data of the period-bar charts (trend, by category, shares). */
export interface PeriodBarsShape {
  bars: CategoryBar[];
  perYear: boolean;
  normalize?: boolean;
}

/** One bar of a ranked chart. */
export interface RankedItem {
  key: string;
  /** A proper name (same in both languages) or a translated label. */
  label: string | { vi: string; en: string };
  value: number;
  qualifier: Qualifier;
  kind: ReportKind;
  href?: string;
}

/** Shaped data of the ranked bars (children of an area, model types). */
export interface RankedShape {
  items: RankedItem[];
  unit: { vi: string; en: string };
}

/** Shaped data of the commune × model type heatmap. */
export interface HeatmapShape {
  categories: string[];
  rows: { key: string; label: string; values: (number | null)[]; demo: boolean }[];
}

/** Shaped data of the small multiples: one panel per unit, on a shared scale. */
export interface MultiplesShape {
  perYear: boolean;
  max: number;
  t0: number;
  t1: number;
  panels: {
    key: string;
    label: string;
    bars: {
      start: string;
      end: string;
      label: string;
      shown: number;
      qualifier: Qualifier;
      demo: boolean;
    }[];
  }[];
}

/** Shaped data of the % change bars between two periods (one row per metric, from `compareRows`). */
export interface ChangeShape {
  rows: CompareRow[];
}
