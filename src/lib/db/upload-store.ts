/**
 * Uploads as IndexedDB keeps them: each record (its data, an Arrow IPC stream or an older canonical CSV, and the
 * candidates derived from it) in one store and its summary in another, so listing uploads never reads their data.
 * Every write resolves when its transaction completes; a record that cannot be read is listed as damaged, never
 * dropped. db/uploads.ts pairs these writes with DuckDB's transactions.
 */
import {
  checkSummary,
  damagedOf,
  type DamagedUpload,
  type KeptCandidates,
  type StoredUpload,
  type UploadSummary
} from '$model/upload';

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

/** Lists an upload as damaged for the rest of this page's life (DuckDB refused its data). */
export function markUnloadable(id: string, reason: string): void {
  unloadable.set(id, reason);
}

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
export async function restoreUpload(u: StoredUpload): Promise<void> {
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

/** Adds derived candidates to an upload's record, if it is still the one stored; logs, never throws, on failure. */
export async function keepWithUpload(
  u: StoredUpload,
  kept: Promise<KeptCandidates | undefined>
): Promise<void> {
  try {
    const derived = await kept;
    if (!derived) return;
    await run('readwrite', (r) => {
      const get = r.get(u.meta.id);
      get.onsuccess = () => {
        const now = checkRecord(u.meta.id, get.result);
        if (typeof now !== 'string' && now.uploadedAt === u.uploadedAt)
          r.put({ ...(get.result as object), derived }, u.meta.id);
      };
      return get;
    });
  } catch (e) {
    console.warn(`Upload ${u.meta.id}: its derived candidates were not kept: ${e}`);
  }
}

/** Whether any upload is stored: one count, no DuckDB. False where IndexedDB is missing (prerender, old browsers). */
export async function countUploads(): Promise<number> {
  if (typeof indexedDB === 'undefined') return 0;
  return ((await run('readonly', (_, s) => s.count())) as number | undefined) ?? 0;
}
