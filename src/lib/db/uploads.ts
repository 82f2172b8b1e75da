/**
 * Uploaded reports: kept in IndexedDB as canonical long CSV (the layout of data/reports/), and loaded into DuckDB
 * through the same `loadReport` as the bundled data. IndexedDB and not DuckDB's OPFS persistence: see the README
 * ("Uploads are kept in IndexedDB").
 *
 * Every change to DuckDB here runs in one transaction that also covers the IndexedDB write, so a report is either
 * stored in both or in neither; a preview runs in a transaction that is always rolled back.
 */
import type { Report } from '$model/types';
import type { Figure } from '$model/figure';
import { q, type Connector, type Query, type Row } from './connector';
import { refreshFigures } from './figures';
import { loadReport } from './schema';
import { areaSeries } from './queries/series';

export interface StoredUpload {
  meta: Report;
  /**
   * Canonical long CSV (toCanonicalCsv) as a text/csv Blob: stored by reference and read back off the page's thread,
   * where a string would be copied and encoded again on it each time (~0.3 s per 100k rows on a slow machine).
   */
  csv: Blob;
  fileName: string;
  /** ISO timestamp. */
  uploadedAt: string;
  /** Data rows read from the file. */
  rows: number;
  /** Observations stored. */
  observations: number;
}

/** What the list shows: everything but the CSV, which may be megabytes. */
export type UploadSummary = Omit<StoredUpload, 'csv'>;

const DB_NAME = 'antq-uploads';
const STORE = 'reports';
const SUMMARIES = 'summaries';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      // Summaries apart from the CSVs, so listing uploads never reads the (possibly large) texts.
      req.result.createObjectStore(STORE);
      req.result.createObjectStore(SUMMARIES);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run<T>(
  mode: IDBTransactionMode,
  body: (reports: IDBObjectStore, summaries: IDBObjectStore) => IDBRequest<T> | void
): Promise<T | undefined> {
  const idb = await open();
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      const tx = idb.transaction([STORE, SUMMARIES], mode);
      const req = body(tx.objectStore(STORE), tx.objectStore(SUMMARIES));
      // Resolve on the transaction's completion, not the request's: only then is a write durable.
      tx.oncomplete = () => resolve(req ? req.result : undefined);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    idb.close();
  }
}

const summary = ({ csv: _csv, ...rest }: StoredUpload): UploadSummary => rest;

/** Stored uploads without their CSV, oldest first. */
export async function listUploads(): Promise<UploadSummary[]> {
  const all = (await run('readonly', (_, s) => s.getAll())) as UploadSummary[] | undefined;
  return (all ?? []).sort((a, b) => a.uploadedAt.localeCompare(b.uploadedAt));
}

export async function getUpload(id: string): Promise<StoredUpload | undefined> {
  return (await run('readonly', (r) => r.get(id))) as StoredUpload | undefined;
}

/** Every stored upload with its CSV (to load into DuckDB), oldest first. */
export async function allUploads(): Promise<StoredUpload[]> {
  const all = (await run('readonly', (r) => r.getAll())) as StoredUpload[] | undefined;
  return (all ?? []).sort((a, b) => a.uploadedAt.localeCompare(b.uploadedAt));
}

export async function putUpload(u: StoredUpload): Promise<void> {
  await run('readwrite', (r, s) => {
    r.put(u, u.meta.id);
    s.put(summary(u), u.meta.id);
  });
}

export async function deleteUpload(id: string): Promise<void> {
  await run('readwrite', (r, s) => {
    r.delete(id);
    s.delete(id);
  });
}

/** Whether any upload is stored: one count, no DuckDB. False where IndexedDB is missing (prerender, old browsers). */
export async function countUploads(): Promise<number> {
  if (typeof indexedDB === 'undefined') return 0;
  return ((await run('readonly', (_, s) => s.count())) as number | undefined) ?? 0;
}

/**
 * `loadReport` opens and commits its own transaction; DuckDB has no nested transactions. Inside ours, its
 * BEGIN/COMMIT become no-ops and its ROLLBACK an error that reaches our own ROLLBACK.
 */
function inOuterTransaction(db: Connector): Connector {
  return {
    query<T extends Row>(query: Query<T> | string): Promise<T[]> {
      const sql = (typeof query === 'string' ? query : query.sql).trim().toUpperCase();
      if (sql === 'BEGIN TRANSACTION' || sql === 'COMMIT' || sql === 'ROLLBACK') return Promise.resolve([]);
      return db.query(query);
    },
    registerFile: (n, d) => db.registerFile(n, d),
    dropFile: (n) => db.dropFile(n),
    importArrow: (t, b, c) => db.importArrow(t, b, c)
  };
}

/** A fresh buffer each time: DuckDB-WASM takes (transfers) the one it is given. */
async function bytesOf(csv: Blob | Uint8Array): Promise<Uint8Array> {
  return csv instanceof Uint8Array ? csv : new Uint8Array(await csv.arrayBuffer());
}

/** Serialises the operations below: one connection, one transaction at a time. */
let queue: Promise<unknown> = Promise.resolve();
function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  const next = queue.then(fn, fn);
  queue = next.catch(() => undefined);
  return next;
}

/** City figures (area '01', every structure) before and after loading a report — then rolled back. */
export function previewCityFigures(
  db: Connector,
  report: Report,
  csv: Blob | Uint8Array
): Promise<{ before: Figure[]; after: Figure[] }> {
  return exclusive(async () => {
    const before = (await db.query(areaSeries('01'))) as unknown as Figure[];
    await db.query('BEGIN TRANSACTION');
    try {
      await loadReport(inOuterTransaction(db), report, await bytesOf(csv));
      await refreshFigures(db);
      const after = (await db.query(areaSeries('01'))) as unknown as Figure[];
      return { before, after };
    } finally {
      await db.query('ROLLBACK');
    }
  });
}

/**
 * Loads a report into DuckDB and stores it in IndexedDB, both or neither. `bytes` (the CSV's bytes, given away to
 * DuckDB) saves reading the Blob back on the page's thread.
 */
export function commitUpload(db: Connector, upload: StoredUpload, bytes?: Uint8Array): Promise<void> {
  return exclusive(async () => {
    await db.query('BEGIN TRANSACTION');
    try {
      await loadReport(inOuterTransaction(db), upload.meta, bytes ?? (await bytesOf(upload.csv)));
      await refreshFigures(db);
      await putUpload(upload);
    } catch (e) {
      await db.query('ROLLBACK');
      throw e;
    }
    try {
      await db.query('COMMIT');
    } catch (e) {
      await deleteUpload(upload.meta.id);
      throw e;
    }
  });
}

/** Removes a report from DuckDB and IndexedDB, both or neither, and rebuilds the figures. */
export function removeUpload(db: Connector, id: string): Promise<void> {
  return exclusive(async () => {
    const stored = await getUpload(id);
    await db.query('BEGIN TRANSACTION');
    try {
      await db.query(q('DELETE FROM observations WHERE report_id = ?', [id]));
      await db.query(q(`DELETE FROM reports WHERE id = ? AND kind = 'uploaded'`, [id]));
      await refreshFigures(db);
      await deleteUpload(id);
    } catch (e) {
      await db.query('ROLLBACK');
      throw e;
    }
    try {
      await db.query('COMMIT');
    } catch (e) {
      if (stored) await putUpload(stored);
      throw e;
    }
  });
}

/** Loads the stored uploads into a database being built (before `refreshFigures`); a broken one is skipped. */
export async function loadStoredUploads(db: Connector): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  for (const u of await allUploads()) {
    try {
      await loadReport(db, u.meta, await bytesOf(u.csv));
    } catch (e) {
      // One unreadable upload must not hide the bundled data; it stays listed on /upload to be removed.
      console.warn(`Upload ${u.meta.id} could not be loaded:`, e);
    }
  }
}
