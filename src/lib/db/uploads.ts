/**
 * Uploaded reports: kept in IndexedDB as the import worker's Arrow IPC stream of canonical observations (older
 * uploads: canonical long CSV, the layout of data/reports/), and loaded into DuckDB by staging (`stageReport`: the
 * report's own tables and candidate figures) and then committing the staged tables. IndexedDB and not DuckDB's OPFS
 * persistence: see the README ("Uploads are kept in IndexedDB").
 *
 * Every change to the data here runs in one DuckDB transaction that also covers the IndexedDB write
 * (db/upload-store.ts), so a report is either stored in both or in neither. A preview reads the staged tables beside
 * the stored ones and changes nothing.
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
import { damagedOf, type KeptCandidates, type StoredUpload } from '$model/upload';
import {
  addUpload,
  allUploads,
  deleteUpload,
  getUpload,
  keepWithUpload,
  markUnloadable,
  restoreUpload
} from './upload-store';
export {
  addUpload,
  allUploads,
  countUploads,
  deleteUpload,
  getUpload,
  listUploads,
  UploadExistsError
} from './upload-store';

/** The Blob type of an upload kept as Arrow (the import worker's). */
export { ARROW_TYPE } from '$import/arrow';
import { ARROW_TYPE } from '$import/arrow';

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

/** Resolves once every queued operation has run, the candidates kept just after a commit among them. */
export const uploadsSettled = (): Promise<void> => exclusive(async () => undefined);

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
    await db.query('BEGIN TRANSACTION');
    try {
      await commitStaged(db, upload.meta, key);
      await addUpload(upload);
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
    // Its derived candidates go into its record after, off the commit's path: a later visit loads them (kept.ts).
    void exclusive(() => keepWithUpload(upload, keepCandidates(db, upload.meta.id)), db);
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
    await db.query('BEGIN TRANSACTION');
    try {
      await commitStaged(db, report, key);
      await db.query('COMMIT');
    } catch (e) {
      await db.query('ROLLBACK');
      throw e;
    }
    return derived ? await keepCandidates(db, report.id) : undefined;
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
      if (keep) void keepWithUpload(u, Promise.resolve(keep));
    } catch (e) {
      damaged.push(damagedOf(u.meta.id, u, e instanceof Error ? e.message : String(e)));
    }
  }
  for (const d of damaged) {
    markUnloadable(d.id, d.reason);
    console.warn(`Upload ${d.id} is damaged and was not loaded: ${d.reason}`);
  }
  // Not awaited: a chart that reads the derived tables waits for this build (derived.ts).
  if (uploads.length) void refreshDerived(db).catch(() => undefined);
  return damaged;
}
