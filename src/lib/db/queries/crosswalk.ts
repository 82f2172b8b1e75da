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

/**
 * Commune totals of every metric and period in either of Hà Nội's structures: the map's only input, kept as the
 * derived table `commune_totals` (db/derived.ts). The map's tables below are built from it for every metric and
 * period at once, so a change of the map's metric or period reads them without asking DuckDB.
 */
export const COMMUNE_TOTALS = `SELECT metric, period, period_start, period_end, area_code, area_structure, value,
    qualifier, kind, report_id
  FROM figures
  WHERE area_level = 'commune' AND category = '' AND area_structure IN ('hn2019', 'hn2025')
  ORDER BY metric, period_start, period_end, area_code`;

/** Periods with commune totals, per metric and structure (`map_periods`). */
export const MAP_PERIODS = `SELECT metric, any_value(period) AS period, period_start, period_end,
    area_structure AS structure, count(*) AS n, string_agg(DISTINCT kind, ',' ORDER BY kind) AS kinds
  FROM commune_totals
  GROUP BY metric, period_start, period_end, area_structure
  ORDER BY metric, period_start, period_end, area_structure`;

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

const LINKS = `links AS (SELECT *, count(*) OVER (PARTITION BY old_code) AS shares FROM crosswalk)`;
const SAME_PERIOD = (a: string, b: string) =>
  `${a}.metric = ${b}.metric AND ${a}.period_start = ${b}.period_start AND ${a}.period_end = ${b}.period_end`;

/** Every 2025 unit with its figure, for every metric and period with commune totals (`map_values`). */
export const MAP_VALUES = `WITH sel AS (SELECT * FROM commune_totals), ${LINKS},
  pairs AS (SELECT DISTINCT metric, period_start, period_end FROM sel),
  conv AS (
    SELECT p.metric, p.period_start, p.period_end, l.new_code AS code, sum(o.value / l.shares) AS value,
           count(*) AS n_links, count(o.value) AS n_with_data,
           bool_or(l.relation = 'partial') AS partial,
           bool_and(o.qualifier = 'exact') AS all_exact,
           bool_and(o.qualifier IN ('exact', 'more_than')) AS at_least,
           -- Demo wins: one demo part makes the whole figure demo, so the marker is never lost.
           CASE WHEN bool_or(o.kind = 'demo') THEN 'demo' WHEN bool_or(o.kind = 'uploaded') THEN 'uploaded'
                WHEN bool_or(o.kind = 'published') THEN 'published' END AS kind,
           min(o.report_id) AS report_id
    FROM pairs p CROSS JOIN links l
    LEFT JOIN sel o ON ${SAME_PERIOD('o', 'p')} AND o.area_structure = 'hn2019' AND o.area_code = l.old_code
    GROUP BY p.metric, p.period_start, p.period_end, l.new_code),
  direct AS (SELECT * FROM sel WHERE area_structure = 'hn2025')
  SELECT p.metric, p.period_start, p.period_end, u.code, u.type || ' ' || u.name AS name,
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
  FROM pairs p CROSS JOIN areas u
  LEFT JOIN direct d ON ${SAME_PERIOD('d', 'p')} AND d.area_code = u.code
  LEFT JOIN conv c ON ${SAME_PERIOD('c', 'p')} AND c.code = u.code
  WHERE u.structure = 'hn2025' AND u.level = 'commune'
  ORDER BY p.metric, p.period_start, p.period_end, u.code`;

/** The 2025 units with no figure: the map of a period without commune totals. */
export function unitsWithoutValues(): Query<UnitValueRow> {
  return q(
    `SELECT code, type || ' ' || name AS name, NULL::DOUBLE AS value, NULL AS qualifier, NULL AS kind,
            NULL AS report_id, false AS converted, false AS approximate, 0 AS n_links, 0 AS n_with_data
     FROM areas WHERE structure = 'hn2025' AND level = 'commune' ORDER BY code`
  );
}

/** The 2019 communes' own totals (`map_old`): the figures each 2025 unit is made of. */
export const MAP_OLD = `SELECT metric, period_start, period_end, area_code, value FROM commune_totals
  WHERE area_structure = 'hn2019' ORDER BY metric, period_start, period_end, area_code`;

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

export interface CrosswalkLink extends Record<string, unknown> {
  new_code: string;
  old_code: string;
  old_name: string;
  relation: 'full' | 'partial';
  shares: number;
}

/** Which old communes each 2025 unit is made of (reference data: read once per database). */
export function crosswalkLinks(): Query<CrosswalkLink> {
  return q(
    `WITH ${LINKS}
     SELECT l.new_code, l.old_code, coalesce(a.type || ' ' || a.name, l.old_name) AS old_name, l.relation, l.shares
     FROM links l
     LEFT JOIN areas a ON a.structure = 'hn2019' AND a.code = l.old_code
     ORDER BY l.new_code, l.relation, l.old_code`
  );
}

/** The links with the old communes' figures of one period (`old`: code → value; missing = no figure). */
export function unitSources(links: CrosswalkLink[], old: Map<string, number>): UnitSourceRow[] {
  return links.map((l) => ({ ...l, value: old.get(l.old_code) ?? null }) as UnitSourceRow);
}

export interface DroppedRow extends Record<string, unknown> {
  n: number;
  value: number | null;
}

/** Old communes with a figure but no crosswalk link (merged on 2025-01-01), per metric and period (`map_dropped`):
 *  not carried over. */
export const MAP_DROPPED = `SELECT metric, period_start, period_end, count(*) AS n, sum(value) AS value
  FROM commune_totals
  WHERE area_structure = 'hn2019' AND area_code NOT IN (SELECT old_code FROM crosswalk)
  GROUP BY metric, period_start, period_end
  ORDER BY metric, period_start, period_end`;
