/**
 * The `figures` table: one value per (period, area, metric, category), chosen among everything the reports say.
 *
 * Why a choice and never a sum across reports: a city total published by the police and a sum of synthetic commune
 * figures for the same period are two measurements of one thing, not two parts of it (208.229 tips, not 416.458).
 * Candidates for a cell are
 *   reported          — a report gives the figure for that area itself;
 *   sum_of_categories — a report gives every category of an additive metric but not the total;
 *   sum_of_children   — one report's figures for the area's descendants, summed (or, for model_communes, counted)
 *                       at the deepest level that report gives, so a report's districts and communes never add twice.
 * A sum of children that does not cover every unit below is a lower bound ("more than") and comes last.
 * Otherwise the first by this order wins: real data before demo data; a figure reported at the area's own level before a sum
 * of its children; published before uploaded; a stated total before one summed from categories; newest report.
 */
import type { Connector } from './connector';

const QUALIFIER_MERGE = `CASE
  WHEN bool_and(qualifier = 'exact') THEN 'exact'
  WHEN bool_and(qualifier IN ('exact', 'more_than')) THEN 'more_than'
  ELSE 'about' END`;

const LEVEL_RANK = `CASE area_level WHEN 'commune' THEN 2 WHEN 'district' THEN 1 ELSE 0 END`;

export const REFRESH_FIGURES = `
CREATE OR REPLACE TABLE area_paths AS
WITH RECURSIVE p(structure, ancestor, descendant, depth) AS (
  SELECT structure, code, code, 0 FROM areas
  UNION ALL
  SELECT p.structure, a.parent_code, p.descendant, p.depth + 1
  FROM p JOIN areas a ON a.structure = p.structure AND a.code = p.ancestor
  WHERE a.parent_code <> ''
) SELECT * FROM p;

CREATE OR REPLACE TABLE figures AS
WITH obs AS (
  SELECT o.*, r.kind, r.published, 'reported' AS basis, 1 AS n_parts
  FROM observations o JOIN reports r ON r.id = o.report_id
),
by_categories AS (
  SELECT o.report_id, o.period, o.period_start, o.period_end, o.area_code, o.area_level, o.area_structure,
         o.metric, '' AS category, sum(o.value) AS value, ${QUALIFIER_MERGE} AS qualifier, '' AS note,
         o.kind, o.published, 'sum_of_categories' AS basis, count(*) AS n_parts
  FROM obs o JOIN metrics m ON m.id = o.metric AND m.categories_sum
  WHERE o.category <> ''
  GROUP BY ALL
  HAVING count(DISTINCT o.category) = any_value(m.n_categories)
),
base AS (
  SELECT * FROM obs
  UNION ALL BY NAME
  SELECT b.* FROM by_categories b
  WHERE NOT EXISTS (
    SELECT 1 FROM obs t WHERE t.report_id = b.report_id AND t.period_start = b.period_start
      AND t.period_end = b.period_end AND t.area_code = b.area_code AND t.area_structure = b.area_structure
      AND t.metric = b.metric AND t.category = '')
),
leaves AS (
  SELECT * FROM base
  QUALIFY ${LEVEL_RANK} = max(${LEVEL_RANK}) OVER (PARTITION BY report_id, period_start, period_end, metric)
),
-- How many units of each level lie under each area: a sum of children is complete only if all of them report.
leaf_counts AS (
  SELECT p.structure, p.ancestor, a.level, count(*) AS n
  FROM area_paths p JOIN areas a ON a.structure = p.structure AND a.code = p.descendant
  WHERE p.depth > 0 GROUP BY ALL
),
children_all AS (
  SELECT l.report_id, any_value(l.period) AS period, l.period_start, l.period_end,
         p.ancestor AS area_code, any_value(a.level) AS area_level, l.area_structure,
         m.id AS metric, l.category,
         CASE WHEN m.aggregate = 'sum' THEN sum(l.value) ELSE count(*) FILTER (WHERE l.value > 0) END AS value,
         CASE WHEN m.aggregate = 'sum' THEN ${QUALIFIER_MERGE} ELSE 'exact' END AS qualifier, '' AS note,
         any_value(l.kind) AS kind, any_value(l.published) AS published,
         'sum_of_children' AS basis, count(*) AS n_parts, any_value(lc.n) AS n_expected
  FROM leaves l
  JOIN metrics m ON (m.aggregate = 'sum' AND m.id = l.metric)
                 OR (m.aggregate = 'count_positive' AND m.aggregate_of = l.metric AND l.area_level = 'commune')
  JOIN area_paths p ON p.structure = l.area_structure AND p.descendant = l.area_code AND p.depth > 0
  JOIN areas a ON a.structure = p.structure AND a.code = p.ancestor
  LEFT JOIN leaf_counts lc ON lc.structure = p.structure AND lc.ancestor = p.ancestor AND lc.level = l.area_level
  GROUP BY l.report_id, l.period_start, l.period_end, p.ancestor, l.area_structure, m.id, m.aggregate, l.category
),
-- A sum over only some of the units below is a lower bound ("more than"), and it never outranks a complete figure:
-- two districts' real tips are not Hà Nội's total, even though real data otherwise beats demo data.
children AS (
  SELECT * EXCLUDE (qualifier, n_expected),
         CASE WHEN n_parts >= n_expected THEN qualifier
              WHEN qualifier IN ('exact', 'more_than') THEN 'more_than' ELSE 'about' END AS qualifier,
         n_parts < n_expected AS partial
  FROM children_all
),
candidates AS (
  SELECT *, false AS partial FROM base UNION ALL BY NAME SELECT * FROM children
)
SELECT period, period_start, period_end, area_code, area_level, area_structure, metric, category, value, qualifier,
       note, report_id, kind, basis, n_parts,
       count(*) OVER w AS n_candidates
FROM candidates
WINDOW w AS (PARTITION BY period_start, period_end, area_structure, area_code, metric, category)
QUALIFY row_number() OVER (w ORDER BY partial, kind = 'demo', basis = 'sum_of_children', kind = 'uploaded',
                                      basis = 'sum_of_categories', published DESC, report_id) = 1
-- Stored by area: a view asks for one area (or one parent's children) at a time, and DuckDB's per-row-group
-- min/max then skips most of a million-row table.
ORDER BY area_structure, area_code, metric, period_start, category;
`;

/** Rebuilds the `figures` table after reports were added or removed. */
export async function refreshFigures(db: Connector): Promise<void> {
  for (const stmt of REFRESH_FIGURES.split(/;\s*\n/).filter((s) => s.trim())) await db.query(stmt);
}
