/** Each (metric, category) of the catalogue with the indices the checks of a figure need, computed once. */
import { METRICS, type Metric } from '../model/metrics';
import { MC_INDEX, METRIC_CATEGORIES } from './table';

/** Metrics whose categories add up to the total: only these are checked for sum_mismatch. */
export const SUM_METRICS = METRICS.filter((metric) => metric.categoriesSumToTotal);
const SUM_INDEX = new Map(SUM_METRICS.map((metric, i) => [metric.id, i]));
const CATEGORY_BIT = new Map(
  METRICS.map((metric) => [metric.id, new Map(metric.categories.map((category, i) => [category.id, 1 << i]))])
);

/** Catalogue metrics by id. */
export const METRIC_BY_ID = new Map(METRICS.map((metric) => [metric.id, metric]));

/** A (metric, category) with everything the hot path needs precomputed. */
export interface Target {
  metric: Metric;
  category: string;
  /** Index in METRIC_CATEGORIES (what the observation table stores). */
  metricCategory: number;
  /** Index of the metric in METRICS. */
  metricIndex: number;
  /** Index in SUM_METRICS, or -1 when the metric's categories are not checked against its total. */
  sumIndex: number;
  /** The category's bit among its metric's categories (0 for the total). */
  categoryBit: number;
}

const TARGETS: Target[] = METRIC_CATEGORIES.map((entry, metricCategory) => {
  const metric = METRICS[entry.mi];
  return {
    metric,
    category: entry.category,
    metricCategory,
    metricIndex: entry.mi,
    sumIndex: SUM_INDEX.get(metric.id) ?? -1,
    categoryBit: entry.category === '' ? 0 : (CATEGORY_BIT.get(metric.id)?.get(entry.category) ?? 0)
  };
});

/** The target of a catalogue metric and one of its categories ('' for the total). */
export function targetOf(metric: string, category: string): Target {
  const index = MC_INDEX.get(metric)?.get(category);
  if (index === undefined) throw new Error(`not in the catalogue: ${metric}/${category}`);
  return TARGETS[index];
}
