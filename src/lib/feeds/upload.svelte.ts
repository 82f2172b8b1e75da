/**
 * State of /upload: files validated one after another in the import worker, their preview (first observations and
 * the city figures before/after, read from the upload staged in DuckDB: db/schema.ts `stageReport`), the commit, and
 * the stored uploads. Nothing is stored until `commit`; cancelling, a failed import or a failed commit leave the
 * stored data as it was (a staged upload is invisible to every page, and dropped when its file is cancelled).
 */
/* eslint-disable svelte/prefer-svelte-reactivity -- the dates, maps, sets and URL here are bookkeeping that no
   view reads: reactive versions would only add overhead. */
import type { ImportedObservation } from '$import/table';
import type { ExistingRange } from '$import/pipeline';
import type { FromWorker, ImportSummary, ToWorker } from '$import/worker';
import type { Connector } from '$db/connector';
import { existingRanges } from '$db/queries/reports';
import { revision } from './revision.svelte';
import { reasonOf } from './reason';
import {
  figureChanges,
  MAX_UPLOAD_MB,
  metaProblems,
  reportOf,
  uploadId,
  type FigureChange,
  type DamagedUpload,
  type MetaForm,
  type UploadSummary
} from '$model/upload';

export type Phase = 'queued' | 'validating' | 'ready' | 'committing' | 'committed' | 'cancelled' | 'failed';

export class UploadJob {
  readonly id: number;
  readonly file: File;
  phase = $state<Phase>('queued');
  bytes = $state(0);
  rows = $state(0);
  summary = $state.raw<ImportSummary | null>(null);
  preview = $state.raw<(ImportedObservation & { name: string })[]>([]);
  observations = $state(0);
  changes = $state.raw<FigureChange[] | null>(null);
  changesError = $state('');
  error = $state('');
  /** Refused before reading: larger than MAX_UPLOAD_MB. */
  tooLarge = $state(false);
  meta = $state<MetaForm>({ title: '', publisher: '', published: '', url: '', notes: '' });
  lines = $state.raw<{ from: number; lines: string[]; total: number; focus: number } | null>(null);
  committedId = $state('');
  /** The workbook's sheet asked for ('' for the default: the first with a table). */
  sheet = $state('');
  /** Worker time from bytes to table, for the record. */
  ms = 0;
  /** The observations as an Arrow stream (import/arrow.ts), as DuckDB takes them and IndexedDB keeps them. */
  arrow: Blob | null = null;
  /** The id the upload is staged and stored under, fixed when the file is added (written into the Arrow stream). */
  readonly reportId: string;
  /** Staging in DuckDB for the preview: resolves true once staged (the commit then reuses it). */
  staged: Promise<boolean> | null = null;

  problems = $derived(metaProblems(this.meta));
  canCommit = $derived(
    this.phase === 'ready' && this.summary?.error_count === 0 && this.problems.length === 0
  );

  constructor(id: number, file: File) {
    this.id = id;
    this.file = file;
    this.meta.title = file.name.replace(/\.[^.]+$/, '');
    this.meta.published = new Date().toISOString().slice(0, 10);
    // Random in part: two tabs adding files of one name in the same second get two ids (model/upload.ts).
    this.reportId = uploadId(this.meta.title || file.name);
  }

  get stageKey(): string {
    return `u${this.id}`;
  }
}

let nextId = 1;

export class UploadState {
  jobs = $state.raw<UploadJob[]>([]);
  stored = $state.raw<UploadSummary[]>([]);
  /** Stored records that cannot be read: listed apart, to be removed. */
  damaged = $state.raw<DamagedUpload[]>([]);
  storedError = $state('');
  private worker: Worker | null = null;
  /** Each job's message handler (progress, lines, result), kept while the job is shown. */
  private waiting = new Map<number, (m: FromWorker) => void>();
  private bytesWanted = new Map<number, (b: Uint8Array) => void>();
  private csvWanted = new Map<number, (m: Extract<FromWorker, { type: 'csv' }>) => void>();
  /** Jobs the worker is importing now. */
  private running = new Set<number>();
  private queue: Promise<void> = Promise.resolve();
  private db: Promise<Connector> | null = null;
  private dbReady: Connector | null = null;

  /**
   * On mount: list the stored uploads; start the import worker with its reference areas, and DuckDB with what a
   * commit needs — while a person picks a file, so the first file is not kept waiting for them.
   */
  async init() {
    this.send({ type: 'warm' });
    await this.refreshStored();
    void this.getDb()
      .then(async (db) => {
        // Loading DuckDB loads the stored uploads: one it refused is now known to be damaged.
        await this.refreshStored();
        await (await import('$db/uploads')).prepareUploads(db);
      })
      .catch(() => undefined);
  }

  private getDb(): Promise<Connector> {
    this.db ??= import('$db/client').then((m) => m.getDb()).then((db) => (this.dbReady = db));
    this.db.catch(() => (this.db = null));
    return this.db;
  }

  async refreshStored() {
    try {
      const { listUploads } = await import('$db/uploads');
      const { uploads, damaged } = await listUploads();
      [this.stored, this.damaged] = [uploads, damaged];
      this.storedError = '';
    } catch (e) {
      this.storedError = reasonOf(e);
    }
  }

  private ensureWorker(): Worker {
    if (!this.worker) {
      this.worker = new Worker(new URL('../import/worker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (e: MessageEvent<FromWorker>) => {
        if (e.data.type === 'csv') this.csvWanted.get(e.data.id)?.(e.data);
        else this.waiting.get(e.data.id)?.(e.data);
      };
    }
    return this.worker;
  }

  private send(m: ToWorker, transfer: Transferable[] = []) {
    this.ensureWorker().postMessage(m, transfer);
  }

  addFiles(files: Iterable<File>) {
    for (const file of files) {
      const job = new UploadJob(nextId++, file);
      this.jobs = [...this.jobs, job];
      this.queue = this.queue.then(() => this.validate(job));
    }
  }

  /** Periods real reports already hold, for overlap warnings; only when DuckDB is already loaded (never waits). */
  private async existing(): Promise<ExistingRange[]> {
    if (!this.dbReady) return [];
    return this.dbReady.query(existingRanges());
  }

  private async validate(job: UploadJob) {
    if (job.phase !== 'queued') return;
    if (job.file.size > MAX_UPLOAD_MB * 2 ** 20) {
      [job.tooLarge, job.phase] = [true, 'failed'];
      return;
    }
    job.phase = 'validating';
    const existing = await this.existing().catch(() => []);
    if (job.phase !== 'validating') return; // cancelled meanwhile
    const done = new Promise<FromWorker>((resolve) => {
      this.waiting.set(job.id, (m) => {
        if (m.type === 'progress') [job.bytes, job.rows] = [m.bytes, m.rows];
        else if (m.type === 'lines') job.lines = { ...m, focus: job.lines?.focus ?? m.from };
        else if (m.type === 'arrow') this.bytesWanted.get(job.id)?.(m.bytes);
        else resolve(m);
      });
    });
    this.running.add(job.id);
    this.send({
      type: 'import',
      id: job.id,
      file: job.file,
      fileName: job.file.name,
      reportId: job.reportId,
      existing,
      sheet: job.sheet || undefined
    });
    const m = await done;
    this.running.delete(job.id);
    // Cancel may have run while awaiting: TypeScript's narrowing above does not know.
    const phase = job.phase as Phase;
    if (m.type === 'failed') {
      if (phase !== 'cancelled') [job.phase, job.error] = ['failed', m.message];
      this.send({ type: 'forget', id: job.id });
      return;
    }
    if (m.type !== 'done' || phase !== 'validating') return;
    job.ms = m.ms;
    job.summary = m.summary;
    [job.bytes, job.rows] = [job.file.size, m.summary.rows];
    job.observations = m.observations;
    job.preview = m.preview;
    job.arrow = m.arrow;
    job.phase = 'ready';
    if (m.summary.error_count === 0 && m.observations > 0) {
      job.staged = this.previewChanges(job);
    }
  }

  /** Stages the upload in DuckDB (its rows are loaded once, for the preview and the commit) and reads the change. */
  private async previewChanges(job: UploadJob): Promise<boolean> {
    try {
      const { stageUpload, ARROW_TYPE } = await import('$db/uploads');
      const bytes = await this.arrowBytes(job);
      const db = await this.getDb();
      if (job.phase !== 'ready') return false; // cancelled meanwhile
      const report = reportOf(job.reportId, job.meta);
      const { before, after } = await stageUpload(db, job.stageKey, report, bytes, ARROW_TYPE);
      job.changes = figureChanges(before, after);
      return true;
    } catch (e) {
      job.changesError = reasonOf(e);
      return false;
    }
  }

  /** Drops what a job staged in DuckDB, once its staging is over. */
  private async unstage(job: UploadJob) {
    if (!job.staged || !(await job.staged) || !this.dbReady) return;
    const { unstageUpload } = await import('$db/uploads');
    await unstageUpload(this.dbReady, job.stageKey, job.reportId).catch(() => undefined);
  }

  /** The Arrow stream's bytes, copied and transferred by the worker: no megabytes copied on this thread. */
  private arrowBytes(job: UploadJob): Promise<Uint8Array> {
    return new Promise((resolve) => {
      this.bytesWanted.set(job.id, (b) => {
        this.bytesWanted.delete(job.id);
        resolve(b);
      });
      this.send({ type: 'arrow', id: job.id });
    });
  }

  /** Stops a validation in progress (the worker aborts; if it does not answer, it is replaced) or drops a file. */
  cancel(job: UploadJob) {
    if (job.phase === 'committing' || job.phase === 'committed') return;
    const running = job.phase === 'validating';
    job.phase = 'cancelled';
    job.arrow = null;
    void this.unstage(job);
    if (!running) return void this.send({ type: 'forget', id: job.id });
    this.send({ type: 'cancel', id: job.id });
    const answer = this.waiting.get(job.id);
    setTimeout(() => {
      if (!this.running.has(job.id)) return;
      this.worker?.terminate();
      this.worker = null;
      answer?.({ type: 'failed', id: job.id, aborted: true, message: 'terminated' });
    }, 1000);
  }

  dismiss(job: UploadJob) {
    this.cancel(job);
    this.waiting.delete(job.id);
    this.jobs = this.jobs.filter((j) => j !== job);
  }

  /** Validates a workbook again with another of its sheets: what the first sheet staged is dropped first. */
  async pickSheet(job: UploadJob, sheet: string) {
    if (job.phase !== 'ready' || sheet === job.summary?.sheet) return;
    job.phase = 'queued';
    await this.unstage(job);
    this.send({ type: 'forget', id: job.id });
    job.sheet = sheet;
    [job.summary, job.preview, job.observations, job.arrow, job.staged] = [null, [], 0, null, null];
    [job.changes, job.changesError, job.lines, job.error, job.bytes, job.rows] = [null, '', null, '', 0, 0];
    this.queue = this.queue.then(() => this.validate(job));
  }

  /** Asks the worker for the source lines around a spreadsheet row. */
  showRow(job: UploadJob, row: number) {
    job.lines = { from: Math.max(1, row - 12), lines: job.lines?.lines ?? [], total: 0, focus: row };
    this.send({ type: 'lines', id: job.id, from: Math.max(1, row - 12), to: row + 12 });
  }

  async commit(job: UploadJob) {
    if (!job.canCommit || !job.summary || !job.arrow) return;
    job.phase = 'committing';
    job.error = '';
    try {
      const { commitUpload } = await import('$db/uploads');
      const id = job.reportId;
      const staged = (await job.staged) ? { key: job.stageKey } : { bytes: await this.arrowBytes(job) };
      await commitUpload(
        await this.getDb(),
        {
          meta: reportOf(id, job.meta),
          data: job.arrow,
          fileName: job.file.name,
          uploadedAt: new Date().toISOString(),
          rows: job.summary.rows,
          observations: job.observations
        },
        staged
      );
      job.committedId = id;
      job.phase = 'committed';
      job.arrow = null;
      this.send({ type: 'forget', id: job.id });
      revision.bump();
    } catch (e) {
      job.phase = 'ready';
      job.error = reasonOf(e);
    }
    await this.refreshStored();
  }

  async remove(id: string) {
    try {
      const { removeUpload } = await import('$db/uploads');
      await removeUpload(await this.getDb(), id);
      revision.bump();
    } catch (e) {
      this.storedError = reasonOf(e);
    }
    await this.refreshStored();
  }

  /** Removes a damaged record: from DuckDB too if it got there, from IndexedDB even when DuckDB cannot start. */
  async removeDamaged(id: string) {
    const { deleteUpload, removeUpload } = await import('$db/uploads');
    try {
      await removeUpload(await this.getDb(), id);
    } catch {
      await deleteUpload(id).catch((e) => (this.storedError = reasonOf(e)));
    }
    revision.bump();
    await this.refreshStored();
  }

  /** Saves a stored upload as `<id>.csv`, the canonical layout data/reports/ takes (made in the worker). */
  async download(id: string) {
    const { getUpload, ARROW_TYPE } = await import('$db/uploads');
    const u = await getUpload(id);
    if (!u) return;
    const csv = u.data.type === ARROW_TYPE ? await this.toCsv(u.data) : u.data;
    if (!csv) return;
    const url = URL.createObjectURL(csv);
    const a = Object.assign(document.createElement('a'), { href: url, download: u.meta.file });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  private toCsv(data: Blob): Promise<Blob | null> {
    const id = nextId++;
    return new Promise((resolve) => {
      this.csvWanted.set(id, (m) => {
        this.csvWanted.delete(id);
        if (!m.csv) this.storedError = m.message;
        resolve(m.csv);
      });
      this.send({ type: 'csv', id, data });
    });
  }

  destroy() {
    // Leaving the page: what was staged for a preview and not committed goes (DuckDB lives on across pages).
    for (const job of this.jobs) if (job.phase === 'ready') void this.unstage(job);
    this.worker?.terminate();
    this.worker = null;
  }
}
