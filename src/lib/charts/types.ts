/** The contract between the chart registry, the pages and embeds that show charts, and the charts themselves. */
import type { Component } from 'svelte';
import type { Connector } from '$db/connector';
import type { Figure } from '$model/figure';
import type { Lang } from '$i18n/format';

/** A chart's state, as it appears in a URL (`?area=001&metric=tips&period=2019-01-01/2019-12-31`). */
export interface ChartParams {
  /** Area code in Hà Nội's 2019 structure (or '01', the city). */
  area: string;
  metric: string;
  /** A period key `start/end`, or '' for the latest period with data. */
  period: string;
}

/** What a chart's `load` returns: the figures it shows (for its source line, demo marker, table and CSV export)
 *  and whatever shaped data its component draws. Plain JSON, so it can be prerendered into the page. */
export interface ChartData<S = unknown> {
  figures: Figure[];
  shaped: S;
  /** Names the title needs (area, period) resolved by `load`. */
  context: { areaName: string; periodLabel?: string; [k: string]: string | undefined };
}

export interface ChartProps<S = unknown> {
  data: ChartData<S>;
  params: ChartParams;
  lang: Lang;
}

export interface ChartDef<S = unknown> {
  id: string;
  /** Title with the area/period it shows, in the given language. */
  title: (params: ChartParams, data: ChartData<S>, lang: Lang) => string;
  /** A one-line reading guide. */
  description: (params: ChartParams, lang: Lang) => string;
  defaults: ChartParams;
  /** Which params a person may change (the others are fixed by the chart). */
  controls: (keyof ChartParams)[];
  /** Runs the chart's queries through the connector (at build time in Node, in the browser on interaction). */
  load: (db: Connector, params: ChartParams) => Promise<ChartData<S>>;
  component: Component<ChartProps<S>>;
  /** The chart's data-table alternative; defaults to the generic figure table. */
  table?: Component<ChartProps<S>>;
}

/** Shaped data of the period-bar charts (trend, by category, shares). */
export interface PeriodBarsShape {
  bars: import('$model/compare').CategoryBar[];
  perYear: boolean;
  normalize?: boolean;
}

/** A chart of any shape, as the registry and generic views hold it (each def is checked with its own shape). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyChartDef = ChartDef<any>;

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
      qualifier: import('$model/types').Qualifier;
      demo: boolean;
    }[];
  }[];
}
