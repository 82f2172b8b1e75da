/**
 * Ingest: a generated long CSV through /upload as a person uses it (file input → validation in the import worker →
 * Commit → committed: canonical CSV into DuckDB, figures rebuilt, IndexedDB written), against DuckDB-WASM's
 * `read_csv` alone on the same bytes in the same page (bench/pages/baseline.ts), in the same run.
 */
import { readFileSync, statSync } from 'node:fs';
import { openSession, type Session } from './browser';
import { sampleMemory } from './memory';
import type { FigureResult } from './report';
import { mb, median, ms, max, x } from './stats';

const PROBE = readFileSync(new URL('./probe.js', import.meta.url), 'utf8');

export interface IngestInput {
  /** Figure name, e.g. ingest_1m. */
  name: string;
  /** The CSV on disk (given to the file input) and the same file under the server (`/__bench/data/…`). */
  file: string;
  url: string;
  rows: number;
  runs: number;
  /** The build's DuckDB-WASM eh wasm and worker, as URLs of the server. */
  wasmUrl: string;
  workerUrl: string;
}

export interface IngestRun {
  baselineMs: number;
  baselineRows: number;
  /** change event → phase ready (file read, import worker, table back on the main thread). */
  validateMs: number;
  /** commit click → committed (waits for the staging and preview the page started at ready; then the commit: the
   * upload's figures decided, IndexedDB written). */
  commitMs: number;
  /** ready → commit click: Playwright filling the publisher; excluded from the pipeline time. */
  gapMs: number;
  pipelineMs: number;
  /** DuckDB worker busy between the change event and committed (preview + commit). */
  dbBusyMs: number;
  /** DuckDB's time per step of the upload (DB_STEPS), between change and committed. */
  dbSteps: Record<string, number>;
  longestTaskMs: number;
  longestTaskPhase: string;
  mainHeap: number;
  rendererRss: number;
}

/**
 * The upload's DuckDB requests by step, matched on their SQL (the first 80 characters, all bench/probe.js keeps):
 * load = the Arrow stream appended; derive = the upload's own candidates (sums of categories and of units);
 * decide = its cells decided in `figures` (the copy of the figures only it gives is most of it); commit = COMMIT.
 */
const DB_STEPS: [string, (t: { type: string; sql: string }) => boolean][] = [
  ['load', (t) => t.type === 'INSERT_ARROW_FROM_IPC_STREAM'],
  ['derive', (t) => /stage_cand|INTO candidates/.test(t.sql)],
  ['decide', (t) => /figures_hit|INTO figures|FROM figures f USING/.test(t.sql)],
  ['commit', (t) => /^COMMIT/.test(t.sql)]
];

interface UploadProbe {
  t0: number;
  click: number;
  phases: Record<string, number>;
}

type Win = {
  __bench: {
    longtasks: { start: number; duration: number }[];
    dbReadyAt(): number | undefined;
    dbBusy(a: number, b: number): number;
    db: { tasks: { type: string; sql: string; start: number; end: number }[] };
    NativeWorker: typeof Worker;
    upload: UploadProbe;
    csv?: Uint8Array | null;
  };
};

/** Waits for the page's getDb() (started by /upload on mount) so its load is not counted in the ingest. */
export async function waitDbReady(s: Session, timeout = 120_000): Promise<void> {
  await s.page.waitForFunction(() => (globalThis as unknown as Win).__bench.dbReadyAt() !== undefined, null, {
    timeout,
    polling: 100
  });
}

async function run(s: Session, inp: IngestInput): Promise<IngestRun> {
  const { page } = s;
  await page.goto(`${new URL(inp.url).origin}/upload`, { waitUntil: 'networkidle' });
  await waitDbReady(s);

  // The baseline first, in this page: the same bytes, fetched (not timed), read by a DuckDB of its own.
  const base = await page.evaluate(
    async ({ url, wasmUrl, workerUrl }) => {
      const b = (globalThis as unknown as Win).__bench;
      const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
      const m = await import(/* @vite-ignore */ `${location.origin}/__bench/baseline.js`);
      const [r] = await m.readCsvRuns(bytes, wasmUrl, workerUrl, b.NativeWorker, 1);
      return r as { ms: number; rows: number };
    },
    { url: inp.url, wasmUrl: inp.wasmUrl, workerUrl: inp.workerUrl }
  );

  // Phase times of the upload, recorded in the page: the file input's change event, each data-phase the job
  // article takes, and the click on Commit.
  await page.evaluate(() => {
    const b = (globalThis as unknown as Win).__bench;
    const u: UploadProbe = (b.upload = { t0: NaN, click: NaN, phases: {} });
    document.addEventListener(
      'change',
      (e) => {
        if ((e.target as HTMLInputElement).type === 'file') u.t0 = e.timeStamp;
      },
      { capture: true }
    );
    document.addEventListener(
      'click',
      (e) => {
        if ((e.target as Element).closest?.('button.commit')) u.click = e.timeStamp;
      },
      { capture: true }
    );
    new MutationObserver(() => {
      const p = document.querySelector('article.job')?.getAttribute('data-phase');
      if (p && u.phases[p] === undefined) u.phases[p] = performance.now();
    }).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-phase']
    });
  });

  const mem = await sampleMemory(s);
  let peaks: { rendererRss: number; mainHeap: number };
  const job = page.locator('article.job').last();
  try {
    await page.locator('[data-testid="upload-input"]').setInputFiles(inp.file);
    await page.waitForFunction(
      () => {
        const p = (globalThis as unknown as Win).__bench.upload.phases;
        return p.ready !== undefined || p.failed !== undefined;
      },
      null,
      { timeout: 300_000, polling: 50 }
    );
    const phase = await job.getAttribute('data-phase');
    if (phase !== 'ready') throw new Error(`upload ${phase}: ${await job.innerText()}`);
    await job.getByLabel('Nơi công bố').fill('Bench');
    const commit = job.locator('button.commit');
    if (await commit.isDisabled())
      throw new Error(`commit disabled: ${(await job.innerText()).slice(0, 2000)}`);
    await commit.click();
    await page.waitForFunction(
      () => {
        const p = (globalThis as unknown as Win).__bench.upload.phases;
        const ph = document.querySelector('article.job')?.getAttribute('data-phase');
        return p.committed !== undefined || (p.committing !== undefined && ph === 'ready');
      },
      null,
      { timeout: 300_000, polling: 50 }
    );
    if ((await job.getAttribute('data-phase')) !== 'committed')
      throw new Error(`commit failed: ${(await job.innerText()).slice(0, 2000)}`);
  } finally {
    peaks = await mem.stop();
  }

  const r = await page.evaluate(() => {
    const b = (globalThis as unknown as Win).__bench;
    const u = b.upload;
    const end = u.phases.committed;
    const tasks = b.longtasks.filter((t) => t.start + t.duration > u.t0 && t.start < end);
    const longest = tasks.reduce((a, t) => (t.duration > a.duration ? t : a), { start: NaN, duration: 0 });
    // Which phase, and which DuckDB requests the page posted during it or right after (e.g. a big text handed over).
    const near = b.db.tasks
      .filter((t) => t.start >= longest.start && t.start <= longest.start + longest.duration + 5)
      .map((t) => t.type);
    const phase =
      (longest.start < u.phases.ready ? 'validation' : 'preview/commit') +
      (near.length ? `; DuckDB requests posted: ${[...new Set(near)].join(', ')}` : '');
    return {
      validateMs: u.phases.ready - u.t0,
      commitMs: end - u.click,
      gapMs: u.click - u.phases.ready,
      dbBusyMs: b.dbBusy(u.t0, end),
      dbTasks: b.db.tasks
        .filter((t) => t.start >= u.t0 && t.end <= end)
        .map((t) => ({ type: t.type, sql: t.sql, ms: t.end - t.start })),
      longestTaskMs: longest.duration,
      longestTaskPhase: phase
    };
  });
  const { dbTasks, ...times } = r;
  const dbSteps: Record<string, number> = Object.fromEntries(DB_STEPS.map(([k]) => [k, 0]));
  for (const t of dbTasks) {
    const step = DB_STEPS.find(([, is]) => is(t))?.[0];
    if (step) dbSteps[step] += t.ms;
  }
  return {
    baselineMs: base.ms,
    baselineRows: base.rows,
    ...times,
    dbSteps,
    pipelineMs: r.validateMs + r.commitMs,
    ...peaks
  };
}

/**
 * Runs the ingest `inp.runs` times in one new browser with a new profile; before each run the page leaves the
 * site and the origin's IndexedDB is cleared (CDP Storage.clearDataForOrigin), so every run starts with no stored
 * upload and a new DuckDB, as on a first visit (only the HTTP and compiled-code caches are warm after run 1). With
 * `keepLast` the browser stays open with the last upload stored, and is returned for the interaction figure.
 */
export async function ingest(
  inp: IngestInput,
  log: (s: string) => void,
  keepLast = false
): Promise<{ figure: FigureResult; session?: Session }> {
  const runs: IngestRun[] = [];
  const s = await openSession({ init: PROBE });
  const origin = new URL(inp.url).origin;
  try {
    for (let i = 0; i < inp.runs; i++) {
      await s.page.goto('about:blank');
      const cdp = await s.context.newCDPSession(s.page);
      await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'indexeddb' });
      await cdp.detach();
      const r = await run(s, inp);
      runs.push(r);
      log(
        `  ${inp.name} run ${i + 1}/${inp.runs}: upload ${ms(r.pipelineMs)} (validate ${ms(r.validateMs)}, ` +
          `commit ${ms(r.commitMs)}), read_csv ${ms(r.baselineMs)}, ratio ${x(r.pipelineMs / r.baselineMs)}, ` +
          `longest task ${ms(r.longestTaskMs)}, heap ${mb(r.mainHeap)}, renderer RSS ${mb(r.rendererRss)}`
      );
    }
  } catch (e) {
    await s.close();
    throw e;
  }
  if (!keepLast) await s.close();
  const ratios = runs.map((r) => r.pipelineMs / r.baselineMs);
  const ratio = median(ratios);
  const pipeline = median(runs.map((r) => r.pipelineMs));
  const longest = max(runs.map((r) => r.longestTaskMs));
  const size = statSync(inp.file).size;
  const figure: FigureResult = {
    name: inp.name,
    goal: 'upload ≤ 1.5× read_csv alone; longest main-thread task ≤ 100 ms',
    meets: ratio <= 1.5 && longest <= 100,
    method: [
      `${inp.runs} runs in one new Chromium profile, IndexedDB cleared before each, on /upload once its DuckDB is`,
      'ready.',
      `File: ${inp.rows.toLocaleString('en')} rows, ${mb(size)} (scripts/gen-big-csv.ts), given to the file input`,
      'with Playwright setInputFiles. Upload time = change event → job phase "ready" (validation in the import',
      'worker) + Commit click → phase "committed" (waits for the before/after preview the page starts at "ready",',
      "then the commit: report row, the upload's cells decided, IndexedDB); the ready → click gap (Playwright filling the publisher) is",
      'left out. Baseline = registerFileBuffer + CREATE TABLE AS SELECT * FROM read_csv(auto-detect) on the same',
      "bytes in a second DuckDB-WASM (the build's eh wasm and worker) in the same page, before the upload.",
      'Longest task: PerformanceObserver longtask on the main thread between change and committed (max over runs).',
      'Heap: CDP Runtime.getHeapUsage of the page (main thread) every 100 ms; renderer RSS: /proc VmRSS of the',
      "profile's largest renderer process (the page with its import worker and DuckDB) every 100 ms; peaks, median",
      'of runs.'
    ].join(' '),
    values: {
      rows: inp.rows,
      file_bytes: size,
      upload_ms: pipeline,
      validate_ms: median(runs.map((r) => r.validateMs)),
      commit_ms: median(runs.map((r) => r.commitMs)),
      duckdb_busy_ms: median(runs.map((r) => r.dbBusyMs)),
      ...Object.fromEntries(DB_STEPS.map(([k]) => [`duckdb_${k}_ms`, median(runs.map((r) => r.dbSteps[k]))])),
      read_csv_ms: median(runs.map((r) => r.baselineMs)),
      ratio,
      upload_rows_per_s: Math.round(inp.rows / (pipeline / 1000)),
      read_csv_rows_per_s: Math.round(inp.rows / (median(runs.map((r) => r.baselineMs)) / 1000)),
      longest_task_ms: longest,
      longest_task_phase: runs.find((r) => r.longestTaskMs === longest)?.longestTaskPhase ?? null,
      peak_main_heap_bytes: median(runs.map((r) => r.mainHeap)),
      peak_renderer_rss_bytes: median(runs.map((r) => r.rendererRss))
    },
    rows: [
      [
        'upload → committed (median)',
        `${ms(pipeline)}  (${Math.round(inp.rows / (pipeline / 1000)).toLocaleString('en')} rows/s)`
      ],
      [
        '  validation (worker) / commit',
        `${ms(median(runs.map((r) => r.validateMs)))} / ${ms(median(runs.map((r) => r.commitMs)))}`
      ],
      ['  DuckDB busy (preview + commit)', ms(median(runs.map((r) => r.dbBusyMs)))],
      [
        '  of which load / derive / decide / commit',
        DB_STEPS.map(([k]) => ms(median(runs.map((r) => r.dbSteps[k])))).join(' / ')
      ],
      [
        'read_csv alone, same bytes',
        `${ms(median(runs.map((r) => r.baselineMs)))}  (${Math.round(inp.rows / (median(runs.map((r) => r.baselineMs)) / 1000)).toLocaleString('en')} rows/s)`
      ],
      ['ratio upload / read_csv', `${x(ratio)}  [${ratios.map((r) => x(r)).join(' ')}]`],
      [
        'longest main-thread task (max)',
        `${ms(longest)} (${runs.find((r) => r.longestTaskMs === longest)?.longestTaskPhase ?? ''})`
      ],
      [
        'peak JS heap (main) / renderer RSS',
        `${mb(median(runs.map((r) => r.mainHeap)))} / ${mb(median(runs.map((r) => r.rendererRss)))}`
      ]
    ]
  };
  if (runs.some((r) => r.baselineRows !== inp.rows))
    figure.method += ` Warning: read_csv counted ${runs.map((r) => r.baselineRows).join(', ')} rows.`;
  return { figure, session: keepLast ? s : undefined };
}
