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

/** `upload-<timestamp>-<slug>`: unique per browser, readable, and valid for `safeFileName`. */
export function uploadId(title: string, now = new Date()): string {
  const ts = now
    .toISOString()
    .replace(/[-:T]/g, '')
    .replace(/\.\d+Z$/, '');
  return `upload-${ts}-${slug(title)}`;
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
 * risk, and a refusal that says how to split the file beats a crashed tab. The CLI validator has no such limit.
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
}

/** What the list shows: everything but the CSV, which may be megabytes. */
export type UploadSummary = Omit<StoredUpload, 'data'>;
