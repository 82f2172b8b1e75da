import { q, type Query } from '../connector';
import type { Figure } from '$model/figure';

/** A `Figure`'s columns of `figures`, dates as text: every query that yields figures selects these. */
const FIGURE_COLS = `period, period_start::VARCHAR AS period_start, period_end::VARCHAR AS period_end, area_code,
  area_level, area_structure, metric, category, value, qualifier, note, report_id, kind, basis, n_parts, n_candidates,
  series, period_stated`;

/** Every figure for one area across all periods. `scope` 'hn' is Hà Nội's units (both structures), 'vn' provinces. */
export function areaSeries(areaCode: string, scope: 'hn' | 'vn' = 'hn'): Query<Figure> {
  return q(
    `SELECT ${FIGURE_COLS}
     FROM figures WHERE area_code = ? AND area_structure LIKE ?
     ORDER BY period_start, period_end, metric, category`,
    [areaCode, `${scope}%`]
  );
}

/** Figures of every direct child of `parent` for one metric (all categories), all periods. */
export function childSeries(parent: string, metric: string, structure = 'hn2019'): Query<Figure> {
  return q(
    `SELECT f.period, f.period_start::VARCHAR AS period_start, f.period_end::VARCHAR AS period_end, f.area_code,
            f.area_level, f.area_structure, f.metric, f.category, f.value, f.qualifier, f.note, f.report_id, f.kind,
            f.basis, f.n_parts, f.n_candidates, f.series, f.period_stated
     FROM figures f JOIN areas a ON a.structure = f.area_structure AND a.code = f.area_code
     WHERE a.structure = ? AND a.parent_code = ? AND f.metric = ?
     ORDER BY f.period_start, f.period_end, f.area_code, f.category`,
    [structure, parent, metric]
  );
}

/** Every period any figure has, oldest first. */
export function periodList(): Query<{ period: string; period_start: string; period_end: string }> {
  return q(
    `SELECT any_value(period) AS period, period_start::VARCHAR AS period_start, period_end::VARCHAR AS period_end
     FROM figures GROUP BY period_start, period_end ORDER BY period_start, period_end`
  );
}

/**
 * One metric's figures for one of Hà Nội's units (both structures) across all periods, from `figures`; the city
 * and districts are read from db/derived.ts instead. `totalsOnly` leaves out the categories.
 */
export function areaMetricSeries(
  areaCode: string,
  metric: string,
  opts: { totalsOnly?: boolean } = {}
): Query<Figure> {
  return q(
    `SELECT ${FIGURE_COLS}
     FROM figures
     WHERE area_code = ? AND area_structure IN ('hn2019', 'hn2025') AND metric = ?${opts.totalsOnly ? ` AND category = ''` : ''}
     ORDER BY period_start, period_end, category`,
    [areaCode, metric]
  );
}
