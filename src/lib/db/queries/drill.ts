import { q, type Query } from '../connector';
import type { Figure } from '$model/figure';

export interface SiblingRank extends Record<string, unknown> {
  metric: string;
  period: string;
  period_start: string;
  period_end: string;
  rank: number;
  n: number;
}

/** Where an area stands among its siblings (same parent) for each metric total and period: 1 is the largest. */
export function siblingRanks(code: string, structure = 'hn2019'): Query<SiblingRank> {
  return q(
    `WITH me AS (SELECT parent_code FROM areas WHERE structure = ? AND code = ?),
     sib AS (
       SELECT f.area_code, f.metric, f.period, f.period_start, f.period_end, f.value,
              rank() OVER (PARTITION BY f.metric, f.period_start, f.period_end ORDER BY f.value DESC) AS rank,
              count(*) OVER (PARTITION BY f.metric, f.period_start, f.period_end) AS n
       FROM figures f JOIN areas a ON a.structure = f.area_structure AND a.code = f.area_code
       WHERE a.structure = ? AND a.parent_code = (SELECT parent_code FROM me) AND f.category = '')
     SELECT metric, period, period_start::VARCHAR AS period_start, period_end::VARCHAR AS period_end, rank, n
     FROM sib WHERE area_code = ? AND n > 1
     ORDER BY metric, period_start`,
    [structure, code, structure, code]
  );
}

/** A child's total of one metric in one period, as the children table shows it. */
export type ChildTotal = Pick<Figure, 'area_code' | 'metric' | 'value' | 'qualifier' | 'kind' | 'report_id'>;

/** Each child's metric totals in one period (`start`/`end` dates), for the sortable children table. */
export function childTotals(
  parent: string,
  start: string,
  end: string,
  structure = 'hn2019'
): Query<ChildTotal> {
  return q(
    `SELECT f.area_code, f.metric, f.value, f.qualifier, f.kind, f.report_id
     FROM figures f JOIN areas a ON a.structure = f.area_structure AND a.code = f.area_code
     WHERE a.structure = ? AND a.parent_code = ? AND f.category = ''
       AND f.period_start = ?::DATE AND f.period_end = ?::DATE
     ORDER BY f.area_code, f.metric`,
    [structure, parent, start, end]
  );
}
