/**
 * Uploaded reports: kept in IndexedDB as the import worker's Arrow IPC stream of canonical observations (older
 * uploads: canonical long CSV, the layout of data/reports/), and loaded into DuckDB by staging (`stageReport`: the
 * report's own tables and candidate figures) and then committing the staged tables. IndexedDB and not DuckDB's OPFS
 * persistence: see the README ("Uploads are kept in IndexedDB").
 *
 * Every change to the data here runs in one DuckDB transaction that also covers the IndexedDB write, so a report is
 * either stored in both or in neither. A preview reads the staged tables beside the stored ones and changes nothing.
 */
import type { Report } from '$model/types';
import type { Figure } from '$model/figure';
import { q, type Connector } from './connector';
import { derivedIdle, refreshDerived } from './derived';
import { ensureCandidates, previewAreaQuery, removeReportFigures } from './figures';
import { keepCandidates } from './kept';
import { commitStaged, stagedCandidates, stageReport, unstage } from './schema';
import { areaSeries } from './queries/series';

export type { DamagedUpload, StoredUpload, UploadSummary } from '$model/upload';
import {
  checkSummary,
  damagedOf,
  type KeptCandidates,
  type DamagedUpload,
  type StoredUpload,
  type UploadSummary
} from '$model/upload';

/** The Blob type of an upload kept as Arrow (the import worker's). */
export { ARROW_TYPE } from '$import/arrow';
import { ARROW_TYPE } from '$import/arrow';

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
      // Resolve on the transaction's completion, not the request's: only then is a write durable. A failed request
      // reaches the transaction before `tx.error` is set, so its own error is kept for the abort that follows.
      let failed: DOMException | null = null;
      tx.oncomplete = () => resolve(req ? req.result : undefined);
      tx.onerror = (ev) => (failed ??= (ev.target as IDBRequest | null)?.error ?? null);
      tx.onabort = () => reject(storeError(tx.error ?? failed));
    });
  } finally {
    idb.close();
  }
}

/** Thrown when an upload's id is already stored (another tab committed it): nothing is overwritten. */
export class UploadExistsError extends Error {
  constructor(readonly id: string) {
    super(`An upload with the id ${id} is already stored`);
    this.name = 'UploadExistsError';
  }
}

/** A DOMException (or nothing) as an Error whose message says what happened, never "null". */
function storeError(e: DOMException | null): Error {
  if (!e) return new Error('IndexedDB transaction aborted');
  return Object.assign(new Error(`${e.name}: ${e.message || 'IndexedDB refused the write'}`), {
    name: e.name
  });
}

const summary = ({ data: _data, derived: _derived, ...rest }: StoredUpload): UploadSummary => rest;
const byDate = (a: UploadSummary, b: UploadSummary) => a.uploadedAt.localeCompare(b.uploadedAt);

/** Every record of one store with its key: a record without a usable `meta.id` still has one. */
async function entries(store: typeof STORE | typeof SUMMARIES): Promise<[string, unknown][]> {
  const idb = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = idb.transaction(store, 'readonly');
      const keys = tx.objectStore(store).getAllKeys();
      const values = tx.objectStore(store).getAll();
      tx.oncomplete = () => resolve(keys.result.map((k, i) => [String(k), values.result[i]]));
      tx.onabort = () => reject(storeError(tx.error));
    });
  } finally {
    idb.close();
  }
}

/** Uploads that failed to load into DuckDB in this page's life, by id: listed as damaged until removed. */
const unloadable = new Map<string, string>();

/**
 * Stored uploads without their data, oldest first, and apart from them the damaged records: a summary with fields
 * missing, a summary without its data, or data DuckDB refused when this page loaded it (`loadStoredUploads`).
 */
export async function listUploads(): Promise<{ uploads: UploadSummary[]; damaged: DamagedUpload[] }> {
  const [all, data] = await Promise.all([entries(SUMMARIES), entries(STORE)]);
  const withData = new Set(data.map(([k]) => k));
  const uploads: UploadSummary[] = [];
  const damaged: DamagedUpload[] = [];
  for (const [key, value] of all) {
    const s = checkSummary(value);
    const reason =
      typeof s === 'string'
        ? s
        : s.meta.id !== key
          ? 'id differs from its key'
          : !withData.has(key)
            ? 'data missing'
            : unloadable.get(key);
    if (reason) damaged.push(damagedOf(key, value, reason));
    else uploads.push(s as UploadSummary);
  }
  // Data without a summary (a write cut short by an old version) is damaged too, and removable.
  const listed = new Set(all.map(([k]) => k));
  for (const [key, value] of data)
    if (!listed.has(key)) damaged.push(damagedOf(key, value, 'summary missing'));
  return { uploads: uploads.sort(byDate), damaged };
}

/** Records of the first version kept the CSV as `csv`. */
const current = (u: StoredUpload & { csv?: Blob }): StoredUpload =>
  u.data ? u : { ...u, data: u.csv ?? new Blob([], { type: 'text/csv' }) };

/** A data record as stored, or why it cannot be used. */
function checkRecord(key: string, v: unknown): StoredUpload | string {
  const s = checkSummary(v);
  if (typeof s === 'string') return s;
  if (s.meta.id !== key) return 'id differs from its key';
  const u = current(v as StoredUpload & { csv?: Blob });
  return u.data instanceof Blob ? u : 'data is not a Blob';
}

export async function getUpload(id: string): Promise<StoredUpload | undefined> {
  const u = await run('readonly', (r) => r.get(id));
  if (u === undefined) return undefined;
  const checked = checkRecord(id, u);
  return typeof checked === 'string' ? undefined : checked;
}

/** Every readable stored upload with its data (to load into DuckDB), oldest first, and the unreadable ones. */
export async function allUploads(): Promise<{ uploads: StoredUpload[]; damaged: DamagedUpload[] }> {
  const uploads: StoredUpload[] = [];
  const damaged: DamagedUpload[] = [];
  for (const [key, value] of await entries(STORE)) {
    const u = checkRecord(key, value);
    if (typeof u === 'string') damaged.push(damagedOf(key, value, u));
    else uploads.push(u);
  }
  return { uploads: uploads.sort(byDate), damaged };
}

/** Stores a new upload; refuses (UploadExistsError) an id already stored instead of overwriting it. */
export async function addUpload(u: StoredUpload): Promise<void> {
  try {
    await run('readwrite', (r, s) => {
      r.add(u, u.meta.id);
      s.add(summary(u), u.meta.id);
    });
  } catch (e) {
    throw (e as Error).name === 'ConstraintError' ? new UploadExistsError(u.meta.id) : e;
  }
}

/** Writes an upload back as it was (undoing a removal whose DuckDB commit failed). */
async function restoreUpload(u: StoredUpload): Promise<void> {
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
  unloadable.delete(id);
}

/** Adds derived candidates to a stored record, if it is still the one they were derived from. */
async function keepWithUpload(u: StoredUpload, derived: KeptCandidates): Promise<void> {
  await run('readwrite', (r) => {
    const get = r.get(u.meta.id);
    get.onsuccess = () => {
      const now = checkRecord(u.meta.id, get.result);
      if (typeof now !== 'string' && now.uploadedAt === u.uploadedAt)
        r.put({ ...(get.result as object), derived }, u.meta.id);
    };
    return get;
  });
}

/** Whether any upload is stored: one count, no DuckDB. False where IndexedDB is missing (prerender, old browsers). */
export async function countUploads(): Promise<number> {
  if (typeof indexedDB === 'undefined') return 0;
  return ((await run('readonly', (_, s) => s.count())) as number | undefined) ?? 0;
}

/** A fresh buffer each time: DuckDB-WASM takes (transfers) the one it is given. */
async function bytesOf(data: Blob | Uint8Array): Promise<Uint8Array> {
  return data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer());
}

const sourceOf = (bytes: Uint8Array, type: string) =>
  type === ARROW_TYPE ? { arrow: bytes } : { csv: bytes };

/** Serialises the operations below: one connection, one transaction at a time. */
let queue: Promise<unknown> = Promise.resolve();
function exclusive<T>(fn: () => Promise<T>, db?: Connector): Promise<T> {
  const run = async () => {
    if (db) await derivedIdle(db);
    return fn();
  };
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

/**
 * Derives what an upload's commit needs from the bundled data (`ensureCandidates`, about a second in a browser) ahead of
 * time: /upload calls it once DuckDB is up, while a person is still picking a file.
 */
export function prepareUploads(db: Connector): Promise<void> {
  return exclusive(() => ensureCandidates(db), db);
}

/** Keys of staged uploads: letters and digits only (they name tables). */
export const stageKey = (n: number | string) => `u${String(n).replace(/\W/g, '')}`;

/**
 * Loads an upload into its own staged tables (see `stageReport`) and returns the city figures before and after it
 * would be committed. `bytes` are given away to DuckDB; `type` is the Blob type they came in (ARROW_TYPE or CSV).
 */
export function stageUpload(
  db: Connector,
  key: string,
  report: Report,
  bytes: Uint8Array,
  type: string
): Promise<{ before: Figure[]; after: Figure[] }> {
  return exclusive(async () => {
    await ensureCandidates(db);
    await stageReport(db, key, report.id, sourceOf(bytes, type), report.file);
    const before = await db.query(areaSeries('01'));
    const after = await db.query(previewAreaQuery(stagedCandidates(key), '01', report.id, report.published));
    return { before, after };
  }, db);
}

/** Forgets a staged upload that will not be committed (cancelled or dismissed). */
export function unstageUpload(db: Connector, key: string, reportId: string): Promise<void> {
  return exclusive(() => unstage(db, key, reportId), db);
}

/**
 * Adds an upload to the data in DuckDB and stores it in IndexedDB, both or neither. When `key` names its staged
 * tables (`stageUpload`) they are used; otherwise it is staged here from `bytes` or its stored data.
 */
export function commitUpload(
  db: Connector,
  upload: StoredUpload,
  staged?: { key: string } | { bytes: Uint8Array }
): Promise<void> {
  return exclusive(async () => {
    // Refused before anything is staged: an empty Arrow stream left DuckDB's connection unable to take any later
    // upload.
    if (upload.observations === 0)
      throw new Error('Tải lên không có số liệu nào để lưu. / The upload holds no figures to store.');
    await ensureCandidates(db);
    let key: string;
    if (staged && 'key' in staged) key = staged.key;
    else {
      key = stageKey(`c${Date.now()}`);
      const bytes = staged?.bytes ?? (await bytesOf(upload.data));
      await stageReport(db, key, upload.meta.id, sourceOf(bytes, upload.data.type), upload.meta.file);
    }
    // The candidates derived at staging go into the record with the data: a later visit loads them (db/kept.ts).
    const derived = await keepCandidates(db, stagedCandidates(key));
    await db.query('BEGIN TRANSACTION');
    try {
      await commitStaged(db, upload.meta, key);
      await addUpload({ ...upload, derived });
    } catch (e) {
      await db.query('ROLLBACK');
      // Staged by the page, it stays staged for another try; staged here, it goes.
      if (!(staged && 'key' in staged)) await unstage(db, key, upload.meta.id);
      throw e;
    }
    try {
      await db.query('COMMIT');
    } catch (e) {
      await deleteUpload(upload.meta.id);
      throw e;
    }
    await unstage(db, key, upload.meta.id);
    // Committed: the data and every figure are in. The charts' derived tables are rebuilt after (seconds
    // at a million figures); a chart that reads them waits for this build (derived.ts, derivedReady).
    void refreshDerived(db).catch(() => undefined);
  }, db);
}

/** Removes a report from DuckDB and IndexedDB, both or neither, and decides its figures' cells again. */
export function removeUpload(db: Connector, id: string): Promise<void> {
  return exclusive(async () => {
    await ensureCandidates(db);
    const stored = await getUpload(id);
    await db.query('BEGIN TRANSACTION');
    try {
      await removeReportFigures(db, id);
      await db.query(q(`DELETE FROM reports WHERE id = ? AND kind = 'uploaded'`, [id]));
      await deleteUpload(id);
    } catch (e) {
      await db.query('ROLLBACK');
      throw e;
    }
    try {
      await db.query('COMMIT');
    } catch (e) {
      if (stored) await restoreUpload(stored);
      throw e;
    }
    void refreshDerived(db).catch(() => undefined);
  }, db);
}

/**
 * Adds one report to a database whose `figures` is built — staged, committed, unstaged — without IndexedDB: how
 * stored uploads join the bundled data on start-up. `data`: an Arrow stream (import/arrow.ts) or a canonical CSV;
 * `kept`: its candidates as kept with it (db/kept.ts). Returns the candidates to keep when they had to be derived.
 */
export async function addReport(
  db: Connector,
  report: Report,
  data: { arrow: Uint8Array } | { csv: Uint8Array | string },
  key = 'add',
  kept?: unknown
): Promise<KeptCandidates | undefined> {
  await ensureCandidates(db);
  try {
    const derived = await stageReport(db, key, report.id, data, report.file, kept);
    const keep = derived ? await keepCandidates(db, stagedCandidates(key)) : undefined;
    await db.query('BEGIN TRANSACTION');
    try {
      await commitStaged(db, report, key);
      await db.query('COMMIT');
    } catch (e) {
      await db.query('ROLLBACK');
      throw e;
    }
    return keep;
  } finally {
    await unstage(db, key, report.id);
  }
}

/**
 * Adds the stored uploads (`stored`: their records, if already being read) to a database whose `figures` is built, and
 * returns the records it could not load: one damaged record must hide neither the bundled data nor the other uploads.
 */
export async function loadStoredUploads(db: Connector, stored?: ReturnType<typeof allUploads>) {
  if (typeof indexedDB === 'undefined') return [];
  const { uploads, damaged } = await (stored ?? allUploads());
  for (const [i, u] of uploads.entries()) {
    try {
      const src = sourceOf(await bytesOf(u.data), u.data.type);
      const keep = await addReport(db, u.meta, src, stageKey(`s${i}`), u.derived);
      // Kept from now on (records stored before this, or by another version): derived once more, never again.
      if (keep) void keepWithUpload(u, keep).catch((e) => console.warn(`Upload ${u.meta.id}: ${e}`));
    } catch (e) {
      damaged.push(damagedOf(u.meta.id, u, e instanceof Error ? e.message : String(e)));
    }
  }
  for (const d of damaged) {
    unloadable.set(d.id, d.reason);
    console.warn(`Upload ${d.id} is damaged and was not loaded: ${d.reason}`);
  }
  // Not awaited: a chart that reads the derived tables waits for this build (derived.ts).
  if (uploads.length) void refreshDerived(db).catch(() => undefined);
  return damaged;
}
