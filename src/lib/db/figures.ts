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
 *
 * Candidates depend on one report each, so they are kept (`candidates`) and an upload only derives its own, then
 * re-decides the cells where it meets another report (or itself: a district total beside its communes). A million-row
 * upload thus costs passes over its own rows, not a rebuild of everything — see `addReportFigures`.
 */
import type { Figure } from '$model/figure';
import { q, safeTableName, type Connector, type Query } from './connector';

/** A cell of `figures`: what a candidate competes for. */
export const FIGURE_KEY = 'period_start, period_end, area_structure, area_code, metric, category';

const QUALIFIER_MERGE = `CASE
  WHEN bool_and(qualifier = 'exact') THEN 'exact'
  WHEN bool_and(qualifier IN ('exact', 'more_than')) THEN 'more_than'
  ELSE 'about' END`;

const LEVEL_RANK = `CASE area_level WHEN 'commune' THEN 2 WHEN 'district' THEN 1 ELSE 0 END`;

/** Ancestor → descendant pairs, and how many units of each level lie under each area (areas never change). */
const AREA_TABLES = `
CREATE OR REPLACE TABLE area_paths AS
WITH RECURSIVE p(structure, ancestor, descendant, depth) AS (
  SELECT structure, code, code, 0 FROM areas
  UNION ALL
  SELECT p.structure, a.parent_code, p.descendant, p.depth + 1
  FROM p JOIN areas a ON a.structure = p.structure AND a.code = p.ancestor
  WHERE a.parent_code <> ''
) SELECT * FROM p;

CREATE OR REPLACE TABLE leaf_counts AS
SELECT p.structure, p.ancestor, a.level, count(*) AS n
FROM area_paths p JOIN areas a ON a.structure = p.structure AND a.code = p.descendant
WHERE p.depth > 0 GROUP BY ALL;
`;

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
-- What a metric's figures add up to at the parent: a summed metric itself, and each count of units where it is
-- above zero (model_communes counts communes with models > 0). An equality join: an OR of the two made DuckDB
-- compare every row with every metric.
targets AS (
  SELECT id AS source, id AS metric, aggregate, false AS communes_only FROM metrics WHERE aggregate = 'sum'
  UNION ALL
  SELECT aggregate_of, id, aggregate, true FROM metrics WHERE aggregate = 'count_positive'
),
-- One pass over the figures: their sums per direct parent, of each level apart; then only those of the deepest
-- level each report gives each metric in each period (a sum of categories is at its rows' level). Top-level areas
-- (no parent) are summed too, so that they count in the deepest level as every row does, and then left out.
to_parent AS (
  SELECT * EXCLUDE (source, rank) FROM (
    SELECT l.report_id, any_value(l.period) AS period, l.period_start, l.period_end, a.parent_code AS parent,
           l.area_structure, l.area_level AS leaf_level, m.metric, m.source,
           ${LEVEL_RANK.replace('area_level', 'l.area_level')} AS rank, any_value(m.aggregate) AS aggregate,
           l.category, sum(l.value) AS total, count(*) FILTER (WHERE l.value > 0) AS positive, count(*) AS n,
           bool_and(l.qualifier = 'exact') AS all_exact, bool_and(l.qualifier IN ('exact', 'more_than')) AS all_lower
    FROM (
      SELECT report_id, period, period_start, period_end, area_code, area_level, area_structure, metric, category,
             value, qualifier FROM obs
      UNION ALL
      SELECT report_id, period, period_start, period_end, area_code, area_level, area_structure, metric, category,
             value, qualifier FROM by_categories
    ) l
    JOIN targets m ON m.source = l.metric AND (NOT m.communes_only OR l.area_level = 'commune')
    LEFT JOIN areas a ON a.structure = l.area_structure AND a.code = l.area_code
    GROUP BY l.report_id, l.period_start, l.period_end, a.parent_code, l.area_structure, l.area_level, m.metric,
             m.source, l.category
  ) t
  QUALIFY t.rank = max(t.rank) OVER (PARTITION BY t.report_id, t.period_start, t.period_end, t.source)
      AND coalesce(t.parent, '') <> ''
),
-- Each area's ancestors (itself among them) with their level. Materialized: one relation for the join below, so
-- DuckDB cannot pair the sums with every area of their structure first (it did, by its row estimates, on some files).
paths AS MATERIALIZED (
  SELECT p.structure, p.ancestor, p.descendant, a.level AS ancestor_level
  FROM area_paths p JOIN areas a ON a.structure = p.structure AND a.code = p.ancestor
),
-- Then up from each parent to every ancestor (few rows: tens of thousands per million observations).
children_all AS (
  SELECT t.report_id, any_value(t.period) AS period, t.period_start, t.period_end,
         p.ancestor AS area_code, any_value(p.ancestor_level) AS area_level, t.area_structure, t.metric, t.category,
         CASE WHEN any_value(t.aggregate) = 'sum' THEN sum(t.total) ELSE sum(t.positive) END AS value,
         CASE WHEN any_value(t.aggregate) <> 'sum' OR bool_and(t.all_exact) THEN 'exact'
              WHEN bool_and(t.all_lower) THEN 'more_than' ELSE 'about' END AS qualifier,
         '' AS note, 'sum_of_children' AS basis, sum(t.n)::BIGINT AS n_parts, any_value(lc.n) AS n_expected
  FROM to_parent t
  JOIN paths p ON p.structure = t.area_structure AND p.descendant = t.parent
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

/**
 * Names the derivation above: an upload keeps the candidates derived at its commit with it (db/uploads.ts), and a
 * later version of this SQL must derive them again instead of loading rows it would not make.
 */
export const CANDIDATES_VERSION = fnv1a(candidatesSql('observations'));

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Observations as the `reported` candidates of their own cells, in the columns of `candidates`. */
export const REPORTED = `(SELECT report_id, period, period_start, period_end, area_code, area_level, area_structure,
  metric, category, value, qualifier, note, 'reported' AS basis, 1::BIGINT AS n_parts, false AS partial
  FROM observations)`;

/** Every candidate: the observations and what `candidates` derives from them. */
const ALL_CANDIDATES = `(SELECT * FROM ${REPORTED} UNION ALL BY NAME SELECT * FROM candidates)`;

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

/** Stored by area: a view asks for one area (or one parent's children) at a time, and DuckDB's per-row-group
 * min/max then skips most of a million-row table. */
const BY_AREA = 'ORDER BY area_structure, area_code, metric, period_start, category';

/** Observations of reports in `reports`: not those of an upload staged for preview (schema.ts, `stageReport`). */
const COMMITTED = 'observations WHERE report_id IN (SELECT id FROM reports)';

/** Derives `area_paths`, `leaf_counts`, `candidates` and `figures` from every loaded report. */
export async function refreshFigures(db: Connector): Promise<void> {
  for (const stmt of AREA_TABLES.split(/;\s*\n/).filter((s) => s.trim())) await db.query(stmt);
  await db.query(`CREATE OR REPLACE TABLE candidates AS ${candidatesSql(COMMITTED)}`);
  await db.query(
    `CREATE OR REPLACE TABLE figures AS ${chooseSql(`${ALL_CANDIDATES} c JOIN reports r ON r.id = c.report_id`)} ${BY_AREA}`
  );
}

/**
 * The tables an incremental change needs: a database started from the build's snapshot has them (bundle.ts), one
 * built some other way without `refreshFigures` derives them here once.
 */
export async function ensureCandidates(db: Connector): Promise<void> {
  if (withCandidates.has(db)) return;
  const [t] = await db.query<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = 'candidates'`
  );
  if (t.n === 0) {
    for (const stmt of AREA_TABLES.split(/;\s*\n/).filter((s) => s.trim())) await db.query(stmt);
    await db.query(`CREATE TABLE candidates AS ${candidatesSql(COMMITTED)}`);
  }
  withCandidates.add(db);
}

/** Databases known to have `candidates` (never dropped once made): each upload's stage and commit ask again. */
const withCandidates = new WeakSet<Connector>();

/** Cells to decide again: kept in a temporary table for the statements of one change. */
const HIT = 'figures_hit';
const ON_KEY = (a: string, b: string) =>
  FIGURE_KEY.split(', ')
    .map((k) => `${a}.${k} = ${b}.${k}`)
    .join(' AND ');

/** Replaces the figures of the cells in figures_hit by the winners among all candidates. */
async function redecideHit(db: Connector): Promise<void> {
  await db.query(`DELETE FROM figures f USING ${HIT} h WHERE ${ON_KEY('f', 'h')}`);
  await db.query(
    `INSERT INTO figures ${chooseSql(
      `(SELECT * FROM ${ALL_CANDIDATES} SEMI JOIN ${HIT} USING (${FIGURE_KEY})) c JOIN reports r ON r.id = c.report_id`
    )}`
  );
}

/**
 * Adds the figures of report `reportId`: its observations are in `observations` and its row in `reports`; its
 * derived candidates (`candidatesSql`) are in table `staged`, and are copied into `candidates`. Only cells the report
 * shares with another report, or fills twice itself, are decided by comparison; every other figure of the report is
 * the only candidate for its cell and goes straight in. Call inside a transaction.
 *
 * A cell has a figure exactly when a committed report gives it a candidate, so another report's candidate meets this
 * report's where `figures` has the cell. Within the report, a cell gets at most one figure it states, one sum of
 * categories (only where it states no total) and one sum of children: only a sum of children can meet another of its
 * own candidates.
 */
export async function addReportFigures(db: Connector, reportId: string, staged: string): Promise<void> {
  const s = safeTableName(staged);
  const children = `(SELECT ${FIGURE_KEY} FROM ${s} WHERE basis = 'sum_of_children')`;
  const derived = `SELECT ${FIGURE_KEY} FROM ${s} WHERE basis <> 'sum_of_children'`;
  await db.query(`INSERT INTO candidates SELECT * FROM ${s}`);
  // A sum of children can meet only a figure of its own level (an area's level is its code's): the report's figures
  // at the levels of its sums, most often none of its rows (a file of communes sums to districts and the city).
  const levels = (
    await db.query<{ level: string }>(
      `SELECT DISTINCT area_level AS level FROM ${s} WHERE basis = 'sum_of_children' ORDER BY 1`
    )
  ).map((r) => r.level);
  const ownSums = levels.length
    ? `UNION ALL SELECT ${FIGURE_KEY} FROM (
         SELECT ${FIGURE_KEY} FROM observations
         WHERE report_id = ? AND area_level IN (${levels.map(() => '?').join(', ')})
         UNION ALL ${derived})
       SEMI JOIN ${children} USING (${FIGURE_KEY})`
    : '';
  await db.query(
    q(
      `CREATE OR REPLACE TEMP TABLE ${HIT} AS
       SELECT DISTINCT ${FIGURE_KEY} FROM (
         SELECT ${FIGURE_KEY} FROM (
           SELECT ${FIGURE_KEY} FROM observations WHERE report_id = ? UNION ALL ${derived})
         SEMI JOIN figures USING (${FIGURE_KEY})
         UNION ALL SELECT ${FIGURE_KEY} FROM ${children} SEMI JOIN figures USING (${FIGURE_KEY})
         ${ownSums})`,
      levels.length ? [reportId, reportId, ...levels] : [reportId]
    )
  );
  const [hit] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${HIT}`);
  if (hit.n > 0) await redecideHit(db);
  const own = `(SELECT * FROM ${REPORTED} WHERE report_id = ? UNION ALL BY NAME SELECT * FROM ${s})`;
  await db.query(
    q(
      `INSERT INTO figures
       SELECT period, period_start, period_end, area_code, area_level, area_structure, metric, category, value,
              qualifier, note, report_id, r.kind, basis, n_parts, 1 AS n_candidates, ${SERIES} AS series,
              ${PERIOD_STATED} AS period_stated
       FROM (SELECT * FROM ${own} ${hit.n > 0 ? `ANTI JOIN ${HIT} USING (${FIGURE_KEY})` : ''}) c,
            (SELECT * FROM reports WHERE id = ?) r`,
      [reportId, reportId]
    )
  );
  await db.query(`DROP TABLE ${HIT}`);
}

/**
 * Removes a report's observations and candidates and decides its cells again among what is left (a cell only it
 * filled is gone). Call inside a transaction; the report's row in `reports` is the caller's to delete.
 */
export async function removeReportFigures(db: Connector, reportId: string): Promise<void> {
  await db.query(
    q(
      `CREATE OR REPLACE TEMP TABLE ${HIT} AS SELECT DISTINCT ${FIGURE_KEY} FROM (
         SELECT ${FIGURE_KEY} FROM observations WHERE report_id = ?
         UNION ALL SELECT ${FIGURE_KEY} FROM candidates WHERE report_id = ?)`,
      [reportId, reportId]
    )
  );
  await db.query(q(`DELETE FROM candidates WHERE report_id = ?`, [reportId]));
  await db.query(q(`DELETE FROM observations WHERE report_id = ?`, [reportId]));
  await redecideHit(db);
  await db.query(`DROP TABLE ${HIT}`);
}

/**
 * Hà Nội figures of one area as they would be with report `reportId` committed — its observations staged in
 * `observations` (no row in `reports` yet), its derived candidates in table `staged` — as kind 'uploaded', published
 * on `published`: the preview of an upload, in the columns of `areaSeries`. Changes nothing.
 */
export function previewAreaQuery(
  staged: string,
  area: string,
  reportId: string,
  published: string
): Query<Figure> {
  const s = safeTableName(staged);
  return q(
    `
WITH rows AS (
  SELECT c.*, r.kind, r.published, r.breaks, r.period_unstated
  FROM ${ALL_CANDIDATES} c JOIN reports r ON r.id = c.report_id
  WHERE c.area_code = ? AND c.area_structure LIKE 'hn%'
  UNION ALL BY NAME
  -- An upload declares no break and no unstated period (the upload form asks for neither).
  SELECT *, 'uploaded' AS kind, ?::DATE AS published, []::VARCHAR[] AS breaks, []::VARCHAR[] AS period_unstated
  FROM (SELECT * FROM ${REPORTED} WHERE report_id = ? UNION ALL BY NAME SELECT * FROM ${s})
  WHERE area_code = ? AND area_structure LIKE 'hn%'
),
meta AS (SELECT DISTINCT report_id AS id, kind, published, breaks, period_unstated FROM rows)
SELECT period, period_start::VARCHAR AS period_start, period_end::VARCHAR AS period_end, area_code, area_level,
       area_structure, metric, category, value, qualifier, note, report_id, kind, basis, n_parts, n_candidates,
       series, period_stated
FROM (${chooseSql('rows c JOIN meta r ON r.id = c.report_id')})
ORDER BY period_start, period_end, metric, category`,
    [area, published, reportId, area]
  );
}
