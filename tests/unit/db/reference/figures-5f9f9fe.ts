/**
 * The SQL that derived `candidates` and chose `figures` at commit 5f9f9fe (src/lib/db/figures.ts), kept verbatim as
 * the reference the faster SQL must agree with row for row (figures-reference.test.ts). Not used by the app.
 */
import type { Connector } from '$db/connector';

/** A cell of `figures`: what a candidate competes for. */
const FIGURE_KEY = 'period_start, period_end, area_structure, area_code, metric, category';

const QUALIFIER_MERGE = `CASE
  WHEN bool_and(qualifier = 'exact') THEN 'exact'
  WHEN bool_and(qualifier IN ('exact', 'more_than')) THEN 'more_than'
  ELSE 'about' END`;

const LEVEL_RANK = `CASE area_level WHEN 'commune' THEN 2 WHEN 'district' THEN 1 ELSE 0 END`;

/**
 * The candidates the observations in `source` derive — sums of categories and of children; the observations
 * themselves are the `reported` candidates (REPORTED) and are not copied. `source` is SQL of the app's own with the
 * columns of `observations` (a table, or a subquery whose parameters the caller passes). Nothing here reads another
 * report: that is what lets an upload derive its candidates before it is committed.
 */
export function candidatesSql(source: string): string {
  return `
WITH obs AS NOT MATERIALIZED (SELECT * FROM ${source}),
-- A total summed from categories, where a report gives every category of an additive metric and no total
-- (count(*) counts distinct categories: a report never gives one cell twice — the importer's "duplicate" error).
by_categories AS (
  SELECT o.report_id, any_value(o.period) AS period, o.period_start, o.period_end, o.area_code,
         any_value(o.area_level) AS area_level, o.area_structure, o.metric, '' AS category, sum(o.value) AS value,
         ${QUALIFIER_MERGE} AS qualifier, '' AS note, 'sum_of_categories' AS basis, count(*) AS n_parts
  FROM obs o JOIN metrics m ON m.id = o.metric AND m.categories_sum
  GROUP BY o.report_id, o.period_start, o.period_end, o.area_structure, o.area_code, o.metric
  HAVING NOT bool_or(o.category = '') AND count(*) = any_value(m.n_categories)
),
-- The deepest level each report gives each metric in each period (a sum of categories is at its rows' level).
deepest AS (
  SELECT report_id, period_start, period_end, metric, max(${LEVEL_RANK}) AS rank FROM obs GROUP BY ALL
),
-- One pass over the deepest figures: their sums per direct parent (model_communes counts communes with models > 0).
to_parent AS (
  SELECT l.report_id, any_value(l.period) AS period, l.period_start, l.period_end, a.parent_code AS parent,
         l.area_structure, l.area_level AS leaf_level, m.id AS metric, any_value(m.aggregate) AS aggregate, l.category,
         sum(l.value) AS total, count(*) FILTER (WHERE l.value > 0) AS positive, count(*) AS n,
         bool_and(l.qualifier = 'exact') AS all_exact, bool_and(l.qualifier IN ('exact', 'more_than')) AS all_lower
  FROM (
    SELECT report_id, period, period_start, period_end, area_code, area_level, area_structure, metric, category,
           value, qualifier FROM obs
    UNION ALL
    SELECT report_id, period, period_start, period_end, area_code, area_level, area_structure, metric, category,
           value, qualifier FROM by_categories
  ) l
  JOIN deepest d ON d.report_id = l.report_id AND d.period_start = l.period_start AND d.period_end = l.period_end
                AND d.metric = l.metric AND d.rank = ${LEVEL_RANK.replace('area_level', 'l.area_level')}
  JOIN metrics m ON (m.aggregate = 'sum' AND m.id = l.metric)
                 OR (m.aggregate = 'count_positive' AND m.aggregate_of = l.metric AND l.area_level = 'commune')
  JOIN areas a ON a.structure = l.area_structure AND a.code = l.area_code AND a.parent_code <> ''
  GROUP BY l.report_id, l.period_start, l.period_end, a.parent_code, l.area_structure, l.area_level, m.id, l.category
),
-- Then up from each parent to every ancestor (few rows: tens of thousands per million observations).
children_all AS (
  SELECT t.report_id, any_value(t.period) AS period, t.period_start, t.period_end,
         p.ancestor AS area_code, any_value(a.level) AS area_level, t.area_structure, t.metric, t.category,
         CASE WHEN any_value(t.aggregate) = 'sum' THEN sum(t.total) ELSE sum(t.positive) END AS value,
         CASE WHEN any_value(t.aggregate) <> 'sum' OR bool_and(t.all_exact) THEN 'exact'
              WHEN bool_and(t.all_lower) THEN 'more_than' ELSE 'about' END AS qualifier,
         '' AS note, 'sum_of_children' AS basis, sum(t.n)::BIGINT AS n_parts, any_value(lc.n) AS n_expected
  FROM to_parent t
  JOIN area_paths p ON p.structure = t.area_structure AND p.descendant = t.parent
  JOIN areas a ON a.structure = p.structure AND a.code = p.ancestor
  LEFT JOIN leaf_counts lc ON lc.structure = p.structure AND lc.ancestor = p.ancestor AND lc.level = t.leaf_level
  GROUP BY t.report_id, t.period_start, t.period_end, p.ancestor, t.area_structure, t.metric, t.category
)
SELECT *, false AS partial FROM by_categories
UNION ALL BY NAME
-- A sum over only some of the units below is a lower bound ("more than"), and it never outranks a complete figure:
-- two districts' real tips are not Hà Nội's total, even though real data otherwise beats demo data.
SELECT * EXCLUDE (qualifier, n_expected),
       CASE WHEN n_parts >= n_expected THEN qualifier
            WHEN qualifier IN ('exact', 'more_than') THEN 'more_than' ELSE 'about' END AS qualifier,
       n_parts < n_expected AS partial
FROM children_all`;
}

/** Observations as the `reported` candidates of their own cells, in the columns of `candidates`. */
const REPORTED = `(SELECT report_id, period, period_start, period_end, area_code, area_level, area_structure,
  metric, category, value, qualifier, note, 'reported' AS basis, 1::BIGINT AS n_parts, false AS partial
  FROM observations)`;

/** The precedence above as one comparable value: the smallest wins. */
const PRECEDENCE = `struct_pack(
  a := c.partial, b := r.kind = 'demo', c := c.basis = 'sum_of_children', d := r.kind = 'uploaded',
  e := c.basis = 'sum_of_categories', f := coalesce(-epoch(r.published), 1e18), g := c.report_id)`;

/**
 * What a figure carries from its report's metadata (`r`, a row of `reports`) for the comparison rule
 * (model/compare.ts): its series — the report's own where it declares a break for the metric — and whether its period
 * is stated. Every candidate is one report's, so a sum of children or categories inherits its report's values.
 */
const SERIES = `CASE WHEN list_contains(r.breaks, c.metric) THEN c.report_id ELSE '' END`;
const PERIOD_STATED = `NOT list_contains(r.period_unstated, c.metric)`;

/**
 * The winner of each cell among `rows` (candidates with `kind` and `published` of their report), in the columns of
 * `figures`. `rows` is SQL of the app's own (a table or subquery), never user text.
 */
function chooseSql(rows: string): string {
  return `
SELECT w.period, period_start, period_end, area_code, w.area_level, area_structure, metric, category,
       w.value, w.qualifier, w.note, w.report_id, w.kind, w.basis, w.n_parts, n_candidates, w.series,
       w.period_stated
FROM (
  SELECT ${FIGURE_KEY},
         arg_min(struct_pack(period := c.period, area_level := c.area_level, value := c.value,
                             qualifier := c.qualifier, note := c.note, report_id := c.report_id, kind := r.kind,
                             basis := c.basis, n_parts := c.n_parts, series := ${SERIES},
                             period_stated := ${PERIOD_STATED}), ${PRECEDENCE}) AS w,
         count(*) AS n_candidates
  FROM ${rows}
  GROUP BY ${FIGURE_KEY}
)`;
}

const COMMITTED = 'observations WHERE report_id IN (SELECT id FROM reports)';

/** `ref_candidates` and `ref_figures` (temporary tables): what the reference SQL derives from the committed reports. */
export async function referenceTables(db: Connector): Promise<void> {
  await db.query(`CREATE OR REPLACE TEMP TABLE ref_candidates AS ${candidatesSql(COMMITTED)}`);
  const all = `(SELECT * FROM ${REPORTED} UNION ALL BY NAME SELECT * FROM ref_candidates)`;
  await db.query(
    `CREATE OR REPLACE TEMP TABLE ref_figures AS ${chooseSql(`${all} c JOIN reports r ON r.id = c.report_id`)}`
  );
}
