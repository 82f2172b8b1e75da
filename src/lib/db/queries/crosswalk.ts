/**
 * Figures on the 126 units of July 2025, whatever structure they were reported in.
 *
 * Periods from 2025-07-01 are reported on the 2025 units and shown as they are. Earlier periods are on the 2019
 * units (579 communes) and are carried over through `crosswalk` (data/areas/hanoi-crosswalk-2025.csv):
 *   - an old commune wholly inside one new unit (`full`) adds its whole figure to it;
 *   - an old commune split between n new units (`partial`, n ≥ 2) adds 1/n of its figure to each. The true split
 *     is unknown (no old boundaries are bundled), so every unit receiving a share is flagged approximate;
 *   - a unit some of whose old communes have no figure is a partial sum, so it is flagged too ("more than");
 *   - a unit none of whose old communes has a figure has no value.
 * Each old figure is counted once in all, so the converted units never add up to more than the old communes.
 * The 53 communes merged into neighbours on 2025-01-01 have no link (see SOURCES.md): their figures are not carried
 * over, and `droppedOldCommunes` says how much that leaves out. Only additive (`sum`) metrics can be converted.
 */
import { q, type Query } from '../connector';

export interface MapPeriodRow extends Record<string, unknown> {
  period: string;
  period_start: string;
  period_end: string;
  structure: 'hn2019' | 'hn2025';
  /** Units with a figure in that structure. */
  n: number;
  /** Kinds of those figures, comma-separated (lists do not survive the Arrow → JSON step as arrays). */
  kinds: string;
}

/** Periods with commune-level totals of `metric` in either of Hà Nội's structures, oldest first. */
export function mapPeriods(metric: string): Query<MapPeriodRow> {
  return q(
    `SELECT any_value(period) AS period, period_start::VARCHAR AS period_start, period_end::VARCHAR AS period_end,
            area_structure AS structure, count(*) AS n, string_agg(DISTINCT kind, ',' ORDER BY kind) AS kinds
     FROM figures
     WHERE area_level = 'commune' AND category = '' AND metric = ? AND area_structure IN ('hn2019', 'hn2025')
     GROUP BY period_start, period_end, area_structure
     ORDER BY period_start, period_end`,
    [metric]
  );
}

export interface UnitValueRow extends Record<string, unknown> {
  code: string;
  /** With its type word: "Phường Ba Đình". */
  name: string;
  /** Null: no figure for this unit (none of its old communes has one). */
  value: number | null;
  qualifier: 'exact' | 'more_than' | 'nearly' | 'about' | null;
  kind: 'published' | 'demo' | 'uploaded' | null;
  report_id: string | null;
  /** Carried over from the 2019 units through the crosswalk. */
  converted: boolean;
  /** A share of a split old commune, or some old communes without a figure: not an exact sum. */
  approximate: boolean;
  /** Old communes linked to the unit, and how many of them have a figure. */
  n_links: number;
  n_with_data: number;
}

const SELECTED = `sel AS (
  SELECT area_code, area_structure, value, qualifier, kind, report_id FROM figures
  WHERE area_level = 'commune' AND category = '' AND metric = ? AND period_start = ?::DATE AND period_end = ?::DATE)`;
const LINKS = `links AS (SELECT *, count(*) OVER (PARTITION BY old_code) AS shares FROM crosswalk)`;

/** Every 2025 unit with its figure for one metric and period (dates YYYY-MM-DD), by code. */
export function unitValues(metric: string, start: string, end: string): Query<UnitValueRow> {
  return q(
    `WITH ${SELECTED}, ${LINKS},
     conv AS (
       SELECT l.new_code AS code, sum(o.value / l.shares) AS value, count(*) AS n_links, count(o.value) AS n_with_data,
              bool_or(l.relation = 'partial') AS partial,
              bool_and(o.qualifier = 'exact') AS all_exact,
              bool_and(o.qualifier IN ('exact', 'more_than')) AS at_least,
              -- Demo wins: one demo part makes the whole figure demo, so the marker is never lost.
              CASE WHEN bool_or(o.kind = 'demo') THEN 'demo' WHEN bool_or(o.kind = 'uploaded') THEN 'uploaded'
                   WHEN bool_or(o.kind = 'published') THEN 'published' END AS kind,
              min(o.report_id) AS report_id
       FROM links l LEFT JOIN sel o ON o.area_structure = 'hn2019' AND o.area_code = l.old_code
       GROUP BY l.new_code),
     direct AS (SELECT * FROM sel WHERE area_structure = 'hn2025')
     SELECT u.code, u.type || ' ' || u.name AS name,
            CASE WHEN d.area_code IS NOT NULL THEN d.value WHEN c.n_with_data > 0 THEN c.value END AS value,
            CASE WHEN d.area_code IS NOT NULL THEN d.qualifier
                 WHEN coalesce(c.n_with_data, 0) = 0 THEN NULL
                 WHEN c.partial OR NOT c.at_least THEN 'about'
                 WHEN c.n_with_data < c.n_links OR NOT c.all_exact THEN 'more_than'
                 ELSE 'exact' END AS qualifier,
            CASE WHEN d.area_code IS NOT NULL THEN d.kind WHEN c.n_with_data > 0 THEN c.kind END AS kind,
            CASE WHEN d.area_code IS NOT NULL THEN d.report_id WHEN c.n_with_data > 0 THEN c.report_id END
              AS report_id,
            d.area_code IS NULL AND coalesce(c.n_with_data, 0) > 0 AS converted,
            d.area_code IS NULL AND coalesce(c.n_with_data, 0) > 0 AND (c.partial OR c.n_with_data < c.n_links)
              AS approximate,
            coalesce(c.n_links, 0) AS n_links, coalesce(c.n_with_data, 0) AS n_with_data
     FROM areas u
     LEFT JOIN direct d ON d.area_code = u.code
     LEFT JOIN conv c ON c.code = u.code
     WHERE u.structure = 'hn2025' AND u.level = 'commune'
     ORDER BY u.code`,
    [metric, start, end]
  );
}

export interface UnitSourceRow extends Record<string, unknown> {
  new_code: string;
  old_code: string;
  /** The 2019 name with its type word (the crosswalk's own names are those of March 2025). */
  old_name: string;
  relation: 'full' | 'partial';
  /** How many new units the old commune was split between (1 when `full`). */
  shares: number;
  /** The old commune's own figure for the period, or null. */
  value: number | null;
}

/** Which old communes each 2025 unit is made of, with their figures for one metric and period. */
export function unitSources(metric: string, start: string, end: string): Query<UnitSourceRow> {
  return q(
    `WITH ${SELECTED}, ${LINKS}
     SELECT l.new_code, l.old_code, coalesce(a.type || ' ' || a.name, l.old_name) AS old_name, l.relation,
            l.shares, o.value
     FROM links l
     LEFT JOIN areas a ON a.structure = 'hn2019' AND a.code = l.old_code
     LEFT JOIN sel o ON o.area_structure = 'hn2019' AND o.area_code = l.old_code
     ORDER BY l.new_code, l.relation, l.old_code`,
    [metric, start, end]
  );
}

export interface DroppedRow extends Record<string, unknown> {
  n: number;
  value: number | null;
}

/** Old communes with a figure in the period but no crosswalk link (merged on 2025-01-01): not carried over. */
export function droppedOldCommunes(metric: string, start: string, end: string): Query<DroppedRow> {
  return q(
    `WITH ${SELECTED}
     SELECT count(*) AS n, sum(value) AS value FROM sel
     WHERE area_structure = 'hn2019' AND area_code NOT IN (SELECT old_code FROM crosswalk)`,
    [metric, start, end]
  );
}
