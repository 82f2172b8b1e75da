/** Pure helpers of the upload page: report ids, the reports.json entry, figures before/after. */
import type { Figure } from '$model/figure';
import type { Report } from '$model/types';
import type { Issue, IssueCode } from '$import/messages';

/** Lowercase ASCII words joined by '-': safe in a report id, a registered file name and a URL. */
export function slug(s: string, max = 40): string {
  return (
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/\.[a-z0-9]{1,4}$/, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, max)
      .replace(/-+$/, '') || 'report'
  );
}

/** Eight random hex digits: what keeps two ids apart when two tabs (or two browsers) add a file in one second. */
export function randomSuffix(): string {
  const bytes = new Uint8Array(4);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * `upload-<timestamp>-<slug>-<random>`: readable, valid for `safeFileName`, and unique across tabs: a per-tab counter
 * or the time alone would give two tabs that add `report.csv` in the same second the same id.
 */
export function uploadId(title: string, now = new Date(), random = randomSuffix()): string {
  const ts = now
    .toISOString()
    .replace(/[-:T]/g, '')
    .replace(/\.\d+Z$/, '');
  return `upload-${ts}-${slug(title)}-${random}`;
}

export interface MetaForm {
  title: string;
  publisher: string;
  published: string;
  url: string;
  notes: string;
}

/** The report as stored; its `file` is where the export goes in data/reports/. */
export function reportOf(id: string, f: MetaForm): Report {
  return {
    id,
    title: f.title.trim(),
    publisher: f.publisher.trim(),
    published: f.published,
    url: f.url.trim(),
    kind: 'uploaded',
    notes: f.notes.trim(),
    file: `${id}.csv`,
    breaks: [],
    period_unstated: []
  };
}

/** What is missing before a commit: a title, a publisher, a valid date, an http(s) URL if any. */
export function metaProblems(f: MetaForm): ('title' | 'publisher' | 'published' | 'url')[] {
  const out: ('title' | 'publisher' | 'published' | 'url')[] = [];
  if (!f.title.trim()) out.push('title');
  if (!f.publisher.trim()) out.push('publisher');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.published) || Number.isNaN(Date.parse(f.published)))
    out.push('published');
  if (f.url.trim() && !/^https?:\/\/\S+$/i.test(f.url.trim())) out.push('url');
  return out;
}

/** The entry to add to data/reports.json, formatted as that file is. */
export function reportsJsonEntry(r: Report): string {
  const { id, title, publisher, published, url, kind, notes, file } = r;
  return JSON.stringify(
    {
      id,
      title,
      publisher,
      published,
      url,
      kind,
      notes,
      file,
      breaks: r.breaks ?? [],
      period_unstated: r.period_unstated ?? []
    },
    null,
    2
  );
}

/** Issues (errors first) with their counts by code, errors first, most frequent first. */
export function issueCounts(
  counts: Partial<Record<IssueCode, number>>,
  errors: Issue[]
): { code: IssueCode; n: number; error: boolean }[] {
  const errorCodes = new Set(errors.map((e) => e.code));
  return (Object.entries(counts) as [IssueCode, number][])
    .map(([code, n]) => ({ code, n, error: errorCodes.has(code) }))
    .sort((a, b) => Number(b.error) - Number(a.error) || b.n - a.n);
}

export interface FigureChange {
  key: string;
  period: string;
  period_start: string;
  period_end: string;
  metric: string;
  category: string;
  before?: Figure;
  after?: Figure;
}

const keyOf = (f: Figure) =>
  `${f.period_start}/${f.period_end}|${f.area_structure}|${f.metric}|${f.category}`;
const same = (a: Figure, b: Figure) =>
  a.value === b.value && a.qualifier === b.qualifier && a.report_id === b.report_id && a.basis === b.basis;

/** The city figures a commit would change: new, replaced or (never expected) gone, in period and metric order. */
export function figureChanges(before: Figure[], after: Figure[]): FigureChange[] {
  const old = new Map(before.map((f) => [keyOf(f), f]));
  const out: FigureChange[] = [];
  const seen = new Set<string>();
  for (const f of after) {
    const k = keyOf(f);
    seen.add(k);
    const b = old.get(k);
    if (!b || !same(b, f)) out.push({ key: k, ...pick(f), before: b, after: f });
  }
  for (const [k, b] of old) if (!seen.has(k)) out.push({ key: k, ...pick(b), before: b });
  // ISO dates and ASCII ids: code-unit order is their order, and far cheaper than localeCompare over the thousands
  // of city figures a monthly upload changes (this runs on the page's thread).
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return out.sort(
    (x, y) =>
      cmp(x.period_start, y.period_start) ||
      cmp(x.period_end, y.period_end) ||
      cmp(x.metric, y.metric) ||
      cmp(x.category, y.category)
  );
}

const pick = (f: Figure) => ({
  period: f.period,
  period_start: f.period_start,
  period_end: f.period_end,
  metric: f.metric,
  category: f.category
});

/**
 * Largest file one upload takes. Past it the browser's memory (the file, its text, the rows in DuckDB-WASM's 4 GB) is the
 * risk, and a refusal that says how to split the file beats a crashed tab. The CLI validator (scripts/validate.ts)
 * refuses the same files: it reads a file whole, and Node runs out of memory well before DuckDB would.
 */
export const MAX_UPLOAD_MB = 250;

export interface StoredUpload {
  meta: Report;
  /**
   * The observations as an Arrow IPC stream (import/arrow.ts; type ARROW_TYPE) or, for uploads stored before that,
   * canonical long CSV (text/csv). A Blob is stored by reference and read back off the page's thread.
   */
  data: Blob;
  fileName: string;
  /** ISO timestamp. */
  uploadedAt: string;
  /** Data rows read from the file. */
  rows: number;
  /** Observations stored. */
  observations: number;
  /**
   * The candidate figures DuckDB derived from the observations when the upload was committed (db/kept.ts), so a later
   * visit loads them instead of deriving them again. Absent on older records; used only while `version` matches.
   */
  derived?: KeptCandidates;
}

/** An upload's derived candidates as an Arrow IPC stream, with what proves them unchanged when loaded again. */
export interface KeptCandidates {
  /** The derivation's SQL and reference data they came from (db/kept.ts, `candidatesVersion`). */
  version: string;
  /** Empty when `rows` is 0. */
  arrow: Blob;
  rows: number;
  /** DuckDB's order-free hash of every row, as text. */
  hash: string;
}

/** What the list shows: everything but the data, which may be megabytes. */
export type UploadSummary = Omit<StoredUpload, 'data' | 'derived'>;

/**
 * A stored record that cannot be read (fields missing, or data DuckDB refuses): listed apart, with what of it is
 * readable, so that it can be removed instead of hiding the others or vanishing.
 */
export interface DamagedUpload {
  /** The IndexedDB key. */
  id: string;
  title?: string;
  fileName?: string;
  uploadedAt?: string;
  /** Why it cannot be read, for the console and the tests (not translated). */
  reason: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The record's summary if every field the list and the loader read has its type; else why not. */
export function checkSummary(v: unknown): UploadSummary | string {
  if (!isObject(v)) return 'not an object';
  const m = v.meta;
  if (!isObject(m) || typeof m.id !== 'string' || typeof m.title !== 'string' || typeof m.file !== 'string')
    return 'meta missing or incomplete';
  if (typeof v.uploadedAt !== 'string' || Number.isNaN(Date.parse(v.uploadedAt))) return 'uploadedAt missing';
  if (typeof v.fileName !== 'string') return 'fileName missing';
  if (typeof v.rows !== 'number' || typeof v.observations !== 'number') return 'counts missing';
  // Every field the list and the loader read was checked above.
  return v as Partial<UploadSummary> as UploadSummary;
}

/** What can be read of a damaged record, to name it in the list. */
export function damagedOf(id: string, v: unknown, reason: string): DamagedUpload {
  const r = isObject(v) ? v : {};
  const m = isObject(r.meta) ? r.meta : {};
  const str = (x: unknown) => (typeof x === 'string' && x !== '' ? x : undefined);
  const at = str(r.uploadedAt);
  return {
    id,
    title: str(m.title),
    fileName: str(r.fileName),
    uploadedAt: at && !Number.isNaN(Date.parse(at)) ? at : undefined,
    reason
  };
}
