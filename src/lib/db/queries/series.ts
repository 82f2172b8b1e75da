import { q, type Query } from '../connector';
import type { Figure } from '$model/figure';

/** Every figure for one area across all periods. `scope` 'hn' is Hà Nội's units (both structures), 'vn' provinces. */
export function areaSeries(
  areaCode: string,
  scope: 'hn' | 'vn' = 'hn'
): Query<Figure & Record<string, unknown>> {
  return q(
    `SELECT period, period_start::VARCHAR AS period_start, period_end::VARCHAR AS period_end, area_code, area_level,
            area_structure, metric, category, value, qualifier, note, report_id, kind, basis, n_parts, n_candidates
     FROM figures WHERE area_code = ? AND area_structure LIKE ?
     ORDER BY period_start, period_end, metric, category`,
    [areaCode, `${scope}%`]
  );
}
