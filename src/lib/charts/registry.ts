/**
 * The one list of charts: id → component, the query that feeds it, how its rows are shaped, and its texts.
 * Dashboard pages, embeds and screenshot tests all read charts from here, so a chart is defined once.
 */
import type { Component } from 'svelte';
import type { Figure } from '$model/figure';
import { categoryBars, periodsOf, type CategoryBar } from '$model/compare';
import type { MessageKey } from '$i18n/messages';
import { areaSeries } from '$db/queries/series';
import type { Query } from '$db/connector';
import CategoryPeriodsChart from './CategoryPeriodsChart.svelte';

export interface ChartDef<Shaped> {
  id: string;
  title: MessageKey;
  description: MessageKey;
  metric: string;
  /** Figures the chart needs for an area. */
  query: (areaCode: string) => Query;
  /** Rows → what the component draws; pure, tested in unit tests. */
  shape: (figures: Figure[]) => Shaped;
  component: Component<{ bars: CategoryBar[]; metric: string; perYear: boolean; lang: 'vi' | 'en' }>;
}

/** Rates per year only when the periods shown differ in length; otherwise totals read more plainly. */
export function needsPerYear(figures: Figure[], metric: string): boolean {
  const years = new Set(periodsOf(figures.filter((f) => f.metric === metric)).map((p) => p.years));
  return years.size > 1;
}

export const CHARTS = {
  'tips-by-category': {
    id: 'tips-by-category',
    title: 'tips_chart_title',
    description: 'tips_chart_desc',
    metric: 'tips',
    query: (area: string) => areaSeries(area),
    shape: (figures: Figure[]) => categoryBars(figures, 'tips', needsPerYear(figures, 'tips')),
    component: CategoryPeriodsChart
  }
} satisfies Record<string, ChartDef<CategoryBar[]>>;

export type ChartId = keyof typeof CHARTS;
