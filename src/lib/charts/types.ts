/** The contract between the chart registry, the pages and embeds that show charts, and the charts themselves. */
import type { Component } from 'svelte';
import type { Lang } from '$i18n/format';
import type { ChartData, ChartParams } from '$feeds/types';

export type {
  ChangeShape,
  ChartData,
  ChartParams,
  HeatmapShape,
  MultiplesShape,
  PeriodBarsShape,
  RankedItem,
  RankedShape
} from '$feeds/types';

export interface ChartProps<S = unknown> {
  data: ChartData<S>;
  params: ChartParams;
  lang: Lang;
}

/** A chart as the registry holds it: presentation only; its data comes from the feed of the same id. */
export interface ChartDef<S = unknown> {
  id: string;
  /** Title with the area/period it shows, in the given language. */
  title: (params: ChartParams, data: ChartData<S>, lang: Lang) => string;
  /** A one-line reading guide. */
  description: (params: ChartParams, lang: Lang) => string;
  defaults: ChartParams;
  /** Which params a person may change (the others are fixed by the chart). */
  controls: (keyof ChartParams)[];
  component: Component<ChartProps<S>>;
  /** The unit its values are in, as exports and previews state it (e.g. "tin/năm", "%"). */
  unit: (params: ChartParams, data: ChartData<S>, lang: Lang) => string;
  /** The chart's data-table alternative; defaults to the generic figure table. */
  table?: Component<ChartProps<S>>;
}

/** A chart of any shape, as the registry and generic views hold it (each def is checked with its own shape). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyChartDef = ChartDef<any>;
