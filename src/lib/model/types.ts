/** Shared shapes of the data model: the contract between import, database, queries and views. */

export type Qualifier = 'exact' | 'more_than' | 'nearly' | 'about';
export const QUALIFIERS: readonly Qualifier[] = ['exact', 'more_than', 'nearly', 'about'];

export type ReportKind = 'published' | 'demo' | 'uploaded';
export type AreaLevel = 'province' | 'city' | 'district' | 'commune';

/** Which administrative structure an area code belongs to: codes are reused across the 2025 reform. */
export type AreaStructure = 'hn2019' | 'hn2025' | 'vn2019' | 'vn2025';

/** One figure as a report states it. `category` '' is the metric's total. Dates are YYYY-MM-DD. */
export interface Observation {
  report_id: string;
  period: string;
  period_start: string;
  period_end: string;
  area_code: string;
  area_level: AreaLevel;
  metric: string;
  category: string;
  value: number;
  qualifier: Qualifier;
  note: string;
}

export interface Report {
  id: string;
  title: string;
  publisher: string;
  published: string;
  url: string;
  kind: ReportKind;
  notes: string;
  /** File name the report was read from (bundled CSV or uploaded file). */
  file: string;
  /** Metrics this report defines differently from the others (a series break): never compared across reports.
   *  Its figures of these metrics carry the report's id as their `series` (model/figure.ts). */
  breaks?: string[];
  /** Metrics whose period the source does not state, or states only approximately: the dates stored are where the
   *  dashboard files them, not a period the source gives. Their figures get no per-year rate and no change. */
  period_unstated?: string[];
  /** What the source says of those periods, in its words (shown beside such a figure). */
  period_note?: string;
}

export interface Area {
  code: string;
  name: string;
  name_en: string;
  level: AreaLevel;
  type: string;
  parent_code: string;
  structure: AreaStructure;
  valid_from: string;
  valid_to: string;
}
