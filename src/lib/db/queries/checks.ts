import { q, type Query } from '../connector';

export interface SumMismatch extends Record<string, unknown> {
  report_id: string;
  period: string;
  area_code: string;
  metric: string;
  total: number;
  sum_of_categories: number;
  n_categories: number;
}

/**
 * Totals that a report states next to its categories, where the categories do not add up to it. Real published
 * reports do this; both figures are kept and the mismatch is shown, never silently "fixed".
 */
export function sumMismatches(): Query<SumMismatch> {
  return q(
    `WITH c AS (
       SELECT o.report_id, o.period_start, o.period_end, o.area_code, o.area_structure, o.metric,
              sum(o.value) AS s, count(*) AS n
       FROM observations o JOIN metrics m ON m.id = o.metric AND m.categories_sum
       WHERE o.category <> '' GROUP BY ALL)
     SELECT t.report_id, t.period, t.area_code, t.metric, t.value AS total, c.s AS sum_of_categories,
            c.n AS n_categories
     FROM observations t JOIN c USING (report_id, period_start, period_end, area_code, area_structure, metric)
     JOIN metrics m ON m.id = t.metric
     WHERE t.category = '' AND t.qualifier = 'exact'
       AND ((c.n = m.n_categories AND c.s <> t.value) OR c.s > t.value)
     ORDER BY t.report_id, t.period_start, t.area_code, t.metric`
  );
}
