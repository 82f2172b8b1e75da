/** Tables of the data model, and how reports and reference areas are loaded into them. */
import { METRICS } from '$model/metrics';
import type { AreaStructure, Report } from '$model/types';
import { q, safeFileName, safeTableName, type Connector } from './connector';
import { addReportFigures, candidatesSql } from './figures';
import { loadKeptCandidates } from './kept';

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS reports (
  id VARCHAR PRIMARY KEY, title VARCHAR, publisher VARCHAR, published DATE, url VARCHAR,
  kind VARCHAR CHECK (kind IN ('published', 'demo', 'uploaded')), notes VARCHAR, file VARCHAR,
  breaks VARCHAR[] NOT NULL DEFAULT [], period_unstated VARCHAR[] NOT NULL DEFAULT [],
  period_note VARCHAR NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS areas (
  code VARCHAR, name VARCHAR, name_en VARCHAR, level VARCHAR, type VARCHAR, parent_code VARCHAR,
  structure VARCHAR, valid_from DATE, valid_to DATE, PRIMARY KEY (structure, code));
CREATE TABLE IF NOT EXISTS observations (
  report_id VARCHAR, period VARCHAR, period_start DATE, period_end DATE,
  area_code VARCHAR, area_level VARCHAR, area_structure VARCHAR,
  metric VARCHAR, category VARCHAR, value DOUBLE,
  qualifier VARCHAR CHECK (qualifier IN ('exact', 'more_than', 'nearly', 'about')), note VARCHAR);
CREATE TABLE IF NOT EXISTS metrics (
  id VARCHAR PRIMARY KEY, aggregate VARCHAR, aggregate_of VARCHAR, n_categories INTEGER, categories_sum BOOLEAN);
CREATE TABLE IF NOT EXISTS crosswalk (
  old_code VARCHAR, old_name VARCHAR, new_code VARCHAR, new_name VARCHAR,
  relation VARCHAR CHECK (relation IN ('full', 'partial')), PRIMARY KEY (old_code, new_code));
`;

/** Validity of each reference structure; codes repeat across the 2025 reform, so (structure, code) is the key. */
export const STRUCTURES: Record<AreaStructure, { file: string; from: string | null; to: string | null }> = {
  hn2019: { file: 'hanoi-units-2019.csv', from: null, to: '2025-06-30' },
  hn2025: { file: 'hanoi-units-2025.csv', from: '2025-07-01', to: null },
  vn2019: { file: 'vietnam-provinces-2019.csv', from: null, to: '2025-06-30' },
  vn2025: { file: 'vietnam-provinces-2025.csv', from: '2025-07-01', to: null }
};

/** Creates the tables and fills the metric catalogue. */
export async function createSchema(db: Connector): Promise<void> {
  for (const stmt of SCHEMA.split(';').filter((s) => s.trim())) await db.query(stmt);
  for (const m of METRICS) {
    await db.query(
      q('INSERT OR REPLACE INTO metrics VALUES (?, ?, ?, ?, ?)', [
        m.id,
        m.aggregate.kind,
        m.aggregate.kind === 'count_positive' ? m.aggregate.of : null,
        m.categories.length,
        m.categoriesSumToTotal
      ])
    );
  }
}

/** Loads one reference-unit CSV (columns code,name,name_en,level,type,parent_code) as a structure. */
export async function loadAreas(db: Connector, structure: AreaStructure, csv: string): Promise<void> {
  const s = STRUCTURES[structure];
  const file = safeFileName(`areas-${structure}.csv`);
  await db.registerFile(file, csv);
  await db.query(
    q(
      `INSERT INTO areas SELECT code, name, name_en, level, type, coalesce(parent_code, ''), ?, ?::DATE, ?::DATE
       FROM read_csv('${file}', header = true, all_varchar = true)`,
      [structure, s.from, s.to]
    )
  );
  await db.dropFile(file);
}

/** Old (2019-structure) commune → 2025 unit links; see data/areas/SOURCES.md and queries/crosswalk.ts. */
export const CROSSWALK_FILE = 'hanoi-crosswalk-2025.csv';

/** Loads the crosswalk CSV (columns old_code,old_name,new_code,new_name,relation). */
export async function loadCrosswalk(db: Connector, csv: string): Promise<void> {
  const file = safeFileName('crosswalk-hn2025.csv');
  await db.registerFile(file, csv);
  await db.query(
    `INSERT INTO crosswalk SELECT old_code, old_name, new_code, new_name, relation
     FROM read_csv('${file}', header = true, all_varchar = true)`
  );
  await db.dropFile(file);
}

const OBS_COLUMNS = `{'period': 'VARCHAR', 'period_start': 'DATE', 'period_end': 'DATE', 'area_code': 'VARCHAR',
  'metric': 'VARCHAR', 'category': 'VARCHAR', 'value': 'DOUBLE', 'qualifier': 'VARCHAR', 'note': 'VARCHAR'}`;

/**
 * Canonical observations (`from`: a relation with the columns of the canonical CSV) in the columns of
 * `observations`. The area's level and structure are resolved from the code and the period: Hà Nội's units changed
 * on 2025-07-01. A code not in the reference units gets no level (checked by the callers).
 */
function resolvedObservations(from: string): string {
  return `WITH o AS (
      SELECT *, CASE
          WHEN length(area_code) = 2 AND area_code <> '01'
            THEN CASE WHEN period_end::DATE >= DATE '2025-07-01' THEN 'vn2025' ELSE 'vn2019' END
          ELSE CASE WHEN period_end::DATE >= DATE '2025-07-01' THEN 'hn2025' ELSE 'hn2019' END
        END AS area_structure
      FROM ${from})
    SELECT ?::VARCHAR AS report_id, o.period, o.period_start::DATE AS period_start, o.period_end::DATE AS period_end,
           o.area_code, a.level AS area_level, o.area_structure, o.metric, coalesce(o.category, '') AS category,
           o.value::DOUBLE AS value, coalesce(o.qualifier, 'exact') AS qualifier, coalesce(o.note, '') AS note
    FROM o LEFT JOIN areas a ON a.structure = o.area_structure AND a.code = o.area_code`;
}

const unknownAreas = (file: string, n: number) =>
  new Error(`${file}: ${n} rows name an area code that is not in the reference units`);

/** Loads a report whose observations are a long CSV in canonical form (as in data/reports/), all or nothing. */
export async function loadReport(db: Connector, report: Report, csv: string | Uint8Array): Promise<void> {
  const file = safeFileName(`obs-${report.id}.csv`);
  await db.registerFile(file, csv);
  await db.query('BEGIN TRANSACTION');
  try {
    await insertReport(db, report);
    await db.query(
      q(
        `INSERT INTO observations ${resolvedObservations(
          `read_csv('${file}', header = true, columns = ${OBS_COLUMNS})`
        )}`,
        [report.id]
      )
    );
    const [bad] = await db.query<{ n: number }>(
      q(`SELECT count(*) AS n FROM observations WHERE report_id = ? AND area_level IS NULL`, [report.id])
    );
    if (bad.n > 0) throw unknownAreas(report.file, bad.n);
    await db.query('COMMIT');
  } catch (e) {
    await db.query('ROLLBACK');
    throw e;
  } finally {
    await db.dropFile(file);
  }
}

/** A report's row, its metadata with it: every view judges a figure from `reports` (and `figures`), never a side file. */
async function insertReport(db: Connector, report: Report): Promise<void> {
  // Lists go in as comma-joined metric ids (ids have no commas): a prepared statement takes no list parameter, and
  // a cast from JSON would load DuckDB's json extension, which the Node build waits for forever.
  const list = `list_filter(string_split(?, ','), x -> x <> '')`;
  await db.query(
    q(`INSERT INTO reports VALUES (?, ?, ?, ?::DATE, ?, ?, ?, ?, ${list}, ${list}, ?)`, [
      report.id,
      report.title,
      report.publisher,
      report.published,
      report.url,
      report.kind,
      report.notes,
      report.file,
      (report.breaks ?? []).join(','),
      (report.period_unstated ?? []).join(','),
      report.period_note ?? ''
    ])
  );
}

/** Table of the candidates an upload staged under `key` derives (letters, digits and '_' only). */
export const stagedCandidates = (key: string): string => safeTableName(`stage_cand_${key}`);

/**
 * Stages an upload as report `reportId`: its observations go into `observations` — where, without a row in
 * `reports`, no figure, list or check sees them — and the candidates they derive into `stagedCandidates(key)`.
 * The preview reads them beside the stored data (figures.ts, `previewAreaQuery`) and the commit only adds the report's
 * row and decides its cells (`commitStaged`): an upload is loaded and derived once. `data` is the import worker's
 * Arrow IPC stream shaped as `observations` (import/arrow.ts), appended as it is, or a canonical CSV (uploads stored
 * before Arrow was used). `kept`: the candidates kept with a stored upload (db/kept.ts), loaded instead of derived
 * when they check out. Needs `ensureCandidates` first. Returns whether the candidates were derived. Throws, leaving
 * nothing behind, when an area is not a reference unit.
 */
export async function stageReport(
  db: Connector,
  key: string,
  reportId: string,
  data: { arrow: Uint8Array } | { csv: Uint8Array | string },
  fileName: string,
  kept?: unknown
): Promise<boolean> {
  const [exists] = await db.query<{ n: number }>(
    q('SELECT count(*)::INTEGER AS n FROM reports WHERE id = ?', [reportId])
  );
  if (exists.n > 0) throw new Error(`${fileName}: a report ${reportId} is already stored`);
  await unstage(db, key, reportId);
  try {
    if ('arrow' in data) {
      await db.importArrow('observations', data.arrow, false);
    } else {
      const file = safeFileName(`stage-${key}.csv`);
      await db.registerFile(file, data.csv);
      try {
        await db.query(
          q(
            `INSERT INTO observations ${resolvedObservations(
              `read_csv('${file}', header = true, columns = ${OBS_COLUMNS})`
            )}`,
            [reportId]
          )
        );
      } finally {
        await db.dropFile(file);
      }
    }
    // Every row must name a reference unit at the level and in the structure it claims; and the rows must be there
    // under this id (an Arrow stream carries its report id).
    const [check] = await db.query<{ n: number; bad: number }>(
      q(
        `SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE a.code IS NULL)::INTEGER AS bad
         FROM observations o
         LEFT JOIN areas a ON a.structure = o.area_structure AND a.code = o.area_code AND a.level = o.area_level
         WHERE o.report_id = ?`,
        [reportId]
      )
    );
    if (check.bad > 0) throw unknownAreas(fileName, check.bad);
    if (check.n === 0) throw new Error(`${fileName}: no observations under report ${reportId}`);
    globalThis.performance?.mark?.('antq:db:upload-rows');
    if (await loadKeptCandidates(db, stagedCandidates(key), reportId, kept)) {
      globalThis.performance?.mark?.('antq:db:upload-kept');
      return false;
    }
    // The id goes in through a variable, not a `?`: inside candidatesSql's inlined CTE, which is read three times,
    // a parameter matched no rows (DuckDB-WASM 1.32; tests/unit/db/uploads.test.ts would catch it).
    await db.query(q(`SET VARIABLE antq_report = ?::VARCHAR`, [reportId]));
    await db.query(
      `CREATE OR REPLACE TABLE ${stagedCandidates(key)} AS
       ${candidatesSql(`observations WHERE report_id = getvariable('antq_report')`)}`
    );
    return true;
  } catch (e) {
    await unstage(db, key, reportId);
    throw e;
  }
}

/** Makes the upload staged under `key` part of the data as `report`. Call inside a transaction. */
export async function commitStaged(db: Connector, report: Report, key: string): Promise<void> {
  await insertReport(db, report);
  await addReportFigures(db, report.id, stagedCandidates(key));
}

/**
 * Forgets a staged upload: its candidates table, and its observations unless the report was committed (only rows
 * of a report id without a row in `reports` are deleted).
 */
export async function unstage(db: Connector, key: string, reportId: string): Promise<void> {
  await db.query(`DROP TABLE IF EXISTS ${stagedCandidates(key)}`);
  // Once committed, none of its rows may go: a look at `reports` spares a scan of every observation.
  const [committed] = await db.query<{ n: number }>(
    q('SELECT count(*)::INTEGER AS n FROM reports WHERE id = ?', [reportId])
  );
  if (committed.n > 0) return;
  await db.query(
    q(`DELETE FROM observations WHERE report_id = ? AND report_id NOT IN (SELECT id FROM reports)`, [
      reportId
    ])
  );
}
