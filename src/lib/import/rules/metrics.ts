/** unknown_metric, unknown_category: the metric and category cells of a long file → a catalogue target. */
import { METRICS, type Metric } from '../../model/metrics';
import { resolveCategoryCell, resolveMetricCell } from '../headers';
import { METRIC_BY_ID, targetOf, type Target } from '../targets';

/** The catalogue's metrics as a message lists them. */
export const METRIC_CHOICES = METRICS.map((metric) => `${metric.id} (${metric.vi})`).join(', ');

/** A metric cell resolved: its metric, and the category its name implies ("Tin về ANCT"). */
export interface MetricCell {
  metric: Metric;
  /** The category the metric cell itself names ('' when it names only the metric). */
  category: string;
  /** The target when the category cell is empty. */
  implied: Target;
  /** Category cells already resolved for this metric cell. */
  categories: Map<string, Target | null>;
}

/** A metric's categories as a message lists them. */
export function categoryChoices(metric: Metric): string {
  return metric.categories.map((category) => `${category.id} (${category.vi})`).join(', ') || '—';
}

/** Metric and category cells, resolved once per distinct cell. */
export class MetricCells {
  private byCell = new Map<string, MetricCell | null>();

  /** The catalogue metric a metric cell names, or null. */
  metric(cell: string): MetricCell | null {
    let resolved = this.byCell.get(cell);
    if (resolved === undefined) {
      const figure = resolveMetricCell(cell.trim());
      const metric = figure ? METRIC_BY_ID.get(figure.metric) : undefined;
      resolved =
        figure && metric
          ? {
              metric,
              category: figure.category,
              implied: targetOf(metric.id, figure.category),
              categories: new Map()
            }
          : null;
      this.byCell.set(cell, resolved);
    }
    return resolved;
  }

  /** The target of a category cell beside a metric cell, or null when the metric has no such category. */
  category(metricCell: MetricCell, cell: string): Target | null {
    if (cell === '') return metricCell.implied;
    let resolved = metricCell.categories.get(cell);
    if (resolved === undefined) {
      let category = resolveCategoryCell(metricCell.metric.id, cell);
      // A metric cell that implies a category accepts only that category or none.
      if (category === '' && metricCell.category !== '') category = metricCell.category;
      else if (category !== null && metricCell.category !== '' && category !== metricCell.category)
        category = null;
      resolved = category === null ? null : targetOf(metricCell.metric.id, category);
      metricCell.categories.set(cell, resolved);
    }
    return resolved;
  }
}
