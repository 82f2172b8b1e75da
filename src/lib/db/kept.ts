/**
 * An upload's derived candidates, kept with it. They depend only on the upload's own observations, the reference
 * units and the metric catalogue, and the SQL that derives them (figures.ts, `candidatesSql`); deriving them again is
 * the largest step of adding a large stored upload on start-up after reading its rows. So they are exported once, at
 * commit, into the upload's IndexedDB record, and loaded on later visits while their version still names the same SQL
 * and reference data. Whatever does not check out — another version, a count or hash that differs, columns other than
 * `candidates` has, bytes DuckDB refuses — is derived again: a kept copy can save time, never change a figure.
 */
import type { KeptCandidates } from '$model/upload';
import { ARROW_TYPE } from '$import/arrow';
import { q, safeTableName, type Connector } from './connector';
import { CANDIDATES_VERSION } from './figures';

const versions = new WeakMap<Connector, Promise<string>>();

/** The derivation's SQL and the reference data it reads, as one string (computed once per database). */
export function candidatesVersion(db: Connector): Promise<string> {
  let v = versions.get(db);
  if (!v) {
    v = db
      .query<{ h: string }>(
        `SELECT concat_ws(':', (SELECT bit_xor(hash(a))::VARCHAR FROM areas a),
                               (SELECT bit_xor(hash(m))::VARCHAR FROM metrics m)) AS h`
      )
      .then(([r]) => `${CANDIDATES_VERSION}:${r.h}`);
    versions.set(db, v);
    v.catch(() => versions.delete(db));
  }
  return v;
}

/**
 * Rows as exported and hashed (`from`: the app's own SQL, never user text). DuckDB-WASM answers BIGINT as DOUBLE
 * (castBigIntToDouble), so the one BIGINT column is made DOUBLE here: the hash taken at commit is then the hash of
 * what a later visit imports.
 */
const canonical = (from: string) => `(SELECT * REPLACE (n_parts::DOUBLE AS n_parts) FROM ${from})`;

/** Row count and an order-free hash of all the rows (DuckDB's `hash` of each row, xor-ed). */
async function fingerprint(db: Connector, from: string): Promise<{ n: number; h: string }> {
  const [f] = await db.query<{ n: number; h: string }>(
    `SELECT count(*)::INTEGER AS n, coalesce(bit_xor(hash(t)), 0)::VARCHAR AS h FROM ${canonical(from)} t`
  );
  return f;
}

/** Column names and types in order: an `INSERT … SELECT *` into `candidates` goes by position. */
async function columns(db: Connector, table: string): Promise<string> {
  const rows = await db.query<{ c: string }>(
    q(
      `SELECT column_name || ' ' || data_type AS c FROM duckdb_columns()
       WHERE schema_name = 'main' AND table_name = ? ORDER BY column_index`,
      [table]
    )
  );
  return rows.map((r) => r.c).join(', ');
}

/** Report `reportId`'s rows of `candidates`, to keep with it; undefined where the connector cannot export. */
export async function keepCandidates(db: Connector, reportId: string): Promise<KeptCandidates | undefined> {
  if (!db.exportArrow) return undefined;
  // The id goes in as a variable: an export is one SQL text, without parameters.
  await db.query(q(`SET VARIABLE antq_kept = ?::VARCHAR`, [reportId]));
  const rows = `candidates WHERE report_id = getvariable('antq_kept')`;
  const { n, h } = await fingerprint(db, rows);
  const bytes = n > 0 ? await db.exportArrow(`SELECT * FROM ${canonical(rows)}`) : new Uint8Array();
  return {
    version: await candidatesVersion(db),
    arrow: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: ARROW_TYPE }),
    rows: n,
    hash: h
  };
}

const isKept = (k: unknown): k is KeptCandidates =>
  typeof k === 'object' &&
  k !== null &&
  (k as KeptCandidates).arrow instanceof Blob &&
  typeof (k as KeptCandidates).version === 'string' &&
  typeof (k as KeptCandidates).rows === 'number' &&
  typeof (k as KeptCandidates).hash === 'string';

/**
 * Loads kept candidates of report `reportId` as `table`. False, leaving no table, when there are none or they do not
 * check out: the caller derives them.
 */
export async function loadKeptCandidates(
  db: Connector,
  table: string,
  reportId: string,
  kept: unknown
): Promise<boolean> {
  if (!isKept(kept) || kept.version !== (await candidatesVersion(db))) return false;
  const t = safeTableName(table);
  try {
    // An empty Arrow stream is never handed to DuckDB: it left the connection unable to commit (db/uploads.ts).
    if (kept.rows === 0) await db.query(`CREATE TABLE ${t} AS SELECT * FROM candidates LIMIT 0`);
    else await db.importArrow(t, new Uint8Array(await kept.arrow.arrayBuffer()), true);
    const { n, h } = await fingerprint(db, t);
    const [other] = await db.query<{ n: number }>(
      q(`SELECT count(*)::INTEGER AS n FROM ${t} WHERE report_id IS DISTINCT FROM ?`, [reportId])
    );
    if (
      n === kept.rows &&
      h === kept.hash &&
      other.n === 0 &&
      (await columns(db, t)) === (await columns(db, 'candidates'))
    )
      return true;
  } catch {
    // Unreadable bytes: derived again below.
  }
  await db.query(`DROP TABLE IF EXISTS ${t}`);
  return false;
}
