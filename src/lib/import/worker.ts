/**
 * The import off the main thread: the same `importCsv` as the CLI and the tests, with the reference areas fetched
 * once (hashed assets of the build). Results go back as transferred typed arrays plus the observations as an Arrow
 * IPC stream shaped as DuckDB's `observations` table (import/arrow.ts), so the page never builds millions of objects
 * and DuckDB appends the rows without parsing them again; the decoded source is kept here and served a few lines at
 * a time.
 */
import { createAreaResolver, type AreaResolver } from './areas';
import { ARROW_TYPE, arrowToCanonicalCsv, observationsToArrow } from './arrow';
import { decodeBytes } from './decode';
import type { Issue, IssueCode } from './messages';
import { importGrid, type ExistingRange, type Layout } from './pipeline';
import type { ImportedObservation } from './table';
import type { SheetInfo, Skipped, TitlePeriod } from './types';
import { gridLines, importFile, readWorkbook, workbookKind } from './workbook';

/** Observations shown before commit: enough to check the mapping, few enough to build on the main thread. */
export const PREVIEW_ROWS = 200;

export type ToWorker =
  /** `reportId`: the id the upload will be stored under, written into the Arrow stream. */
  | {
      type: 'import';
      id: number;
      file: Blob;
      fileName: string;
      reportId: string;
      existing: ExistingRange[];
      /** A workbook's sheet to read (default: the first with a table). */
      sheet?: string;
    }
  /** Load the reference areas now, before a file comes (the page is open, a person is picking a file). */
  | { type: 'warm' }
  | { type: 'cancel'; id: number }
  | { type: 'lines'; id: number; from: number; to: number }
  | { type: 'forget'; id: number }
  | { type: 'arrow'; id: number }
  /** A stored upload's Arrow stream back as canonical CSV (for download). */
  | { type: 'csv'; id: number; data: Blob };

export interface ImportSummary {
  file: string;
  encoding: string;
  delimiter: string;
  layout: Layout;
  rows: number;
  errors: Issue[];
  warnings: Issue[];
  counts: Partial<Record<IssueCode, number>>;
  error_count: number;
  warning_count: number;
  sources: string[];
  skipped: Skipped;
  title_period: TitlePeriod | null;
  sheets: SheetInfo[];
  sheet: string;
}

export type FromWorker =
  | { type: 'progress'; id: number; bytes: number; total: number; rows: number }
  | {
      type: 'done';
      id: number;
      summary: ImportSummary;
      /** How many observations the file gives. */
      observations: number;
      /**
       * The first PREVIEW_ROWS of them, with their area's name (codes repeat across the 2025 reform). The table
       * itself stays here: the page needs no more, and a million rows' columns arriving on its thread cost a long
       * task.
       */
      preview: (ImportedObservation & { name: string })[];
      /**
       * The observations as an Arrow IPC stream in a Blob made here (empty when there are errors): a Blob crosses
       * threads and goes into IndexedDB by reference — where copying megabytes on the page's thread would block it.
       */
      arrow: Blob;
      ms: number;
    }
  | { type: 'failed'; id: number; aborted: boolean; message: string }
  | { type: 'lines'; id: number; from: number; lines: string[]; total: number }
  /** A fresh copy of the Arrow stream's bytes, transferred: for DuckDB, which takes the buffer it is given. */
  | { type: 'arrow'; id: number; bytes: Uint8Array }
  | { type: 'csv'; id: number; csv: Blob | null; message: string };

const areaUrls = import.meta.glob('/data/areas/*.csv', {
  query: '?url',
  import: 'default',
  eager: true
}) as Record<string, string>;

let resolver: Promise<AreaResolver> | undefined;
function areas(): Promise<AreaResolver> {
  const text = async (f: string) => {
    const res = await fetch(areaUrls[`/data/areas/${f}`]);
    if (!res.ok) throw new Error(`${f}: HTTP ${res.status}`);
    return res.text();
  };
  resolver ??= (async () => {
    const [hn2019, hn2025, vn2019, vn2025] = await Promise.all(
      [
        'hanoi-units-2019.csv',
        'hanoi-units-2025.csv',
        'vietnam-provinces-2019.csv',
        'vietnam-provinces-2025.csv'
      ].map(text)
    );
    return createAreaResolver({ hn2019, hn2025, vn2019, vn2025 });
  })();
  resolver.catch(() => (resolver = undefined));
  return resolver;
}

const jobs = new Map<number, AbortController>();
/** Each file's bytes until the page forgets it, decoded into lines only if someone asks to see them. */
const sources = new Map<number, { bytes: Uint8Array; lines?: string[]; arrow?: Uint8Array }>();
const MAX_LINE = 400;

// `self` is typed as a Window (the DOM library); the options form of postMessage is the worker's too.
const post = (m: FromWorker, transfer: Transferable[] = []) => self.postMessage(m, { transfer });

async function run(m: Extract<ToWorker, { type: 'import' }>) {
  const ctl = new AbortController();
  jobs.set(m.id, ctl);
  const t0 = performance.now();
  try {
    // The File is read here, not on the page: reading 65 MB there costs the page a long task.
    const bytes = new Uint8Array(await m.file.arrayBuffer());
    sources.set(m.id, { bytes });
    const resolver = await areas();
    let last = 0;
    const options = {
      areas: resolver,
      fileName: m.fileName,
      existing: m.existing,
      signal: ctl.signal,
      chunkSize: 1 << 18,
      sheet: m.sheet,
      onProgress: (p: { bytes: number; rows: number }) => {
        const now = performance.now();
        if (now - last < 80) return; // a few updates a second are enough for a bar
        last = now;
        post({ type: 'progress', id: m.id, bytes: p.bytes, total: bytes.length, rows: p.rows });
      }
    };
    let r;
    if (workbookKind(bytes) === 'xlsx') {
      // The sheet's cells, kept as lines for the source view (a workbook's bytes are not text).
      const grid = await readWorkbook(bytes, m.sheet);
      sources.get(m.id)!.lines = gridLines(grid);
      r = await importGrid(grid, options);
    } else r = await importFile(bytes, options);
    const t = r.table;
    const preview: (ImportedObservation & { name: string })[] = [];
    for (let i = 0; i < Math.min(t.length, PREVIEW_ROWS); i++) {
      const o = t.get(i);
      const found = resolver.byCode(o.area_code, o.period_end);
      preview.push({ ...o, name: found.ok ? `${found.area.type} ${found.area.name}`.trim() : '' });
    }
    // Field by field: `r.observations` is a getter that would build a million objects (a rest spread reads it).
    const summary: ImportSummary = {
      file: r.file,
      encoding: r.encoding,
      delimiter: r.delimiter,
      layout: r.layout,
      rows: r.rows,
      errors: r.errors,
      warnings: r.warnings,
      counts: r.counts,
      error_count: r.error_count,
      warning_count: r.warning_count,
      sources: r.sources,
      skipped: r.skipped,
      title_period: r.title_period,
      sheets: r.sheets,
      sheet: r.sheet
    };
    const ipc = r.error_count === 0 ? observationsToArrow(t, m.reportId) : new Uint8Array(0);
    sources.get(m.id)!.arrow = ipc;
    const arrow = new Blob([ipc as Uint8Array<ArrayBuffer>], { type: ARROW_TYPE });
    post({
      type: 'done',
      id: m.id,
      summary,
      observations: t.length,
      preview,
      arrow,
      ms: performance.now() - t0
    });
  } catch (e) {
    const aborted = ctl.signal.aborted;
    post({ type: 'failed', id: m.id, aborted, message: e instanceof Error ? e.message : String(e) });
  } finally {
    jobs.delete(m.id);
  }
}

/**
 * Lines `from`..`to` of a file, numbered from 1 as a spreadsheet numbers rows. A quoted cell spanning lines would
 * shift the numbers after it; such files are rare in exports and the view is a guide, not the validation.
 */
function lines(m: Extract<ToWorker, { type: 'lines' }>) {
  const source = sources.get(m.id);
  if (!source) return post({ type: 'lines', id: m.id, from: m.from, lines: [], total: 0 });
  if (!source.lines) {
    const d = decodeBytes(source.bytes);
    source.lines = d.ok ? d.text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/) : [];
  }
  const all = source.lines;
  const from = Math.max(1, m.from);
  post({
    type: 'lines',
    id: m.id,
    from,
    lines: all
      .slice(from - 1, Math.max(from - 1, m.to))
      .map((l) => (l.length > MAX_LINE ? l.slice(0, MAX_LINE) + '…' : l)),
    total: all.length
  });
}

async function toCsv(m: Extract<ToWorker, { type: 'csv' }>) {
  try {
    const text = arrowToCanonicalCsv(new Uint8Array(await m.data.arrayBuffer()));
    post({ type: 'csv', id: m.id, csv: new Blob([text], { type: 'text/csv' }), message: '' });
  } catch (e) {
    post({ type: 'csv', id: m.id, csv: null, message: e instanceof Error ? e.message : String(e) });
  }
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  if (m.type === 'import') void run(m);
  else if (m.type === 'warm') void areas().catch(() => undefined);
  else if (m.type === 'cancel') jobs.get(m.id)?.abort(new DOMException('Cancelled', 'AbortError'));
  else if (m.type === 'lines') lines(m);
  else if (m.type === 'forget') sources.delete(m.id);
  else if (m.type === 'arrow') {
    const bytes = sources.get(m.id)?.arrow?.slice() ?? new Uint8Array(0);
    post({ type: 'arrow', id: m.id, bytes }, [bytes.buffer]);
  } else if (m.type === 'csv') void toCsv(m);
};
