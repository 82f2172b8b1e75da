import type { AreaLevel, AreaStructure, Qualifier, ReportKind } from './types';

/** How a figure was obtained; see src/lib/db/figures.ts for the precedence between them. */
export type Basis = 'reported' | 'sum_of_categories' | 'sum_of_children';

/** One resolved value: what a view shows for (period, area, metric, category), with where it came from. */
export interface Figure {
  period: string;
  period_start: string;
  period_end: string;
  area_code: string;
  area_level: AreaLevel;
  area_structure: AreaStructure;
  metric: string;
  category: string;
  value: number;
  qualifier: Qualifier;
  note: string;
  report_id: string;
  kind: ReportKind;
  basis: Basis;
  /** Rows summed (children or categories); 1 when reported. */
  n_parts: number;
  /** Figures that competed for this cell; > 1 means another report gave one too and lost by precedence. */
  n_candidates: number;
  /** The definition the figure is measured by: '' for the common one, else the id of the report that declares its
   *  own for this metric (Report.breaks). Figures of different series are never compared. */
  series: string;
  /** False when the source does not state the figure's period (Report.period_unstated): the dates are a filing, so
   *  no per-year rate, no change to or from it. A sum is one report's (figures.ts), so it shares its parts' value. */
  period_stated: boolean;
}
