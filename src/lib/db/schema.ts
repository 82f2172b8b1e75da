/** Tables of the data model, and how reports and reference areas are loaded into them. */
import { METRICS } from '$model/metrics';
import type { AreaStructure, Report } from '$model/types';
import { q, safeFileName, type Connector } from './connector';

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS reports (
  id VARCHAR PRIMARY KEY, title VARCHAR, publisher VARCHAR, published DATE, url VARCHAR,
  kind VARCHAR CHECK (kind IN ('published', 'demo', 'uploaded')), notes VARCHAR, file VARCHAR);
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
 * Loads a report whose observations are a long CSV in canonical form (as in data/reports/), all or nothing.
 * The area's level and structure are resolved from the code and the period: Hà Nội's units changed on 2025-07-01.
 */
export async function loadReport(db: Connector, report: Report, csv: string | Uint8Array): Promise<void> {
  const file = safeFileName(`obs-${report.id}.csv`);
  await db.registerFile(file, csv);
  await db.query('BEGIN TRANSACTION');
  try {
    await db.query(
      q('INSERT INTO reports VALUES (?, ?, ?, ?::DATE, ?, ?, ?, ?)', [
        report.id,
        report.title,
        report.publisher,
        report.published,
        report.url,
        report.kind,
        report.notes,
        report.file
      ])
    );
    await db.query(
      q(
        `INSERT INTO observations
         WITH o AS (
           SELECT *, CASE
               WHEN length(area_code) = 2 AND area_code <> '01'
                 THEN CASE WHEN period_end >= DATE '2025-07-01' THEN 'vn2025' ELSE 'vn2019' END
               ELSE CASE WHEN period_end >= DATE '2025-07-01' THEN 'hn2025' ELSE 'hn2019' END
             END AS area_structure
           FROM read_csv('${file}', header = true, columns = ${OBS_COLUMNS}))
         SELECT ?, o.period, o.period_start, o.period_end, o.area_code, a.level, o.area_structure,
                o.metric, coalesce(o.category, ''), o.value, coalesce(o.qualifier, 'exact'), coalesce(o.note, '')
         FROM o LEFT JOIN areas a ON a.structure = o.area_structure AND a.code = o.area_code`,
        [report.id]
      )
    );
    const [bad] = await db.query<{ n: number }>(
      q(`SELECT count(*) AS n FROM observations WHERE report_id = ? AND area_level IS NULL`, [report.id])
    );
    if (bad.n > 0)
      throw new Error(`${report.file}: ${bad.n} rows name an area code that is not in the reference units`);
    await db.query('COMMIT');
  } catch (e) {
    await db.query('ROLLBACK');
    throw e;
  } finally {
    await db.dropFile(file);
  }
}
