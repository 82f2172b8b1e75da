/**
 * Cold loads, each in a new browser with a new profile: the overview (`/`) against a blank page of the same server
 * in the same run (and against its own HTML without scripts: the floor), then the person's first DuckDB use
 * (choosing an area), and the two embeds.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, openSession, type Session } from './browser';
import type { FigureResult } from './report';
import { kb, max, median, ms, x } from './stats';

const PROBE = readFileSync(new URL('./probe.js', import.meta.url), 'utf8');

interface Bench {
  fcp: number;
  painted: Record<string, number>;
  seen: Record<string, number>;
}

/** The probe's DuckDB watch (bench/probe.js). */
export interface BenchDb {
  db: { created: number; tasks: { type: string; sql: string; start: number; end: number }[] };
  dbBusy(from: number, to: number): number;
  dbReadyAt(): number | undefined;
  marks(): Record<string, number>;
}

const probe = (s: Session) => s.page.evaluate(() => (globalThis as unknown as { __bench: Bench }).__bench);

/** Waits until the probe has a painted time for `name` (bounded). */
async function painted(s: Session, name: string): Promise<number> {
  await s.page.waitForFunction(
    (n) => (globalThis as unknown as { __bench: Bench }).__bench.painted[n] !== undefined,
    name,
    { timeout: 30_000 }
  );
  return (await probe(s)).painted[name];
}

const bytesOf = (s: Session) => s.fetched.reduce((a, f) => a + f.body, 0);
const wasmOf = (s: Session) => s.requests.filter((u) => /\.wasm(\?|$)/.test(u));

/**
 * Writes `<dir>/__bench/floor.html`: the built overview without its scripts and module preloads. Its first chart
 * paints once the browser has parsed, styled and laid out the page's own content, with no framework start-up
 * beside it; the overview can come no closer to the blank page than that without changing its content.
 */
export function writeFloorPage(dir: string): void {
  const html = readFileSync(join(dir, 'index.html'), 'utf8')
    .replace(/<script\b[\s\S]*?<\/script>/g, '')
    .replace(/<link\b[^>]*\brel="modulepreload"[^>]*>\s*/g, '')
    // The page's URLs are relative to the site's root; the copy sits one folder below it.
    .replace('<head>', '<head>\n    <base href="../" />');
  writeFileSync(join(dir, '__bench', 'floor.html'), html);
}

/** A static page of the bench's (`/__bench/…`): when the probe's `name` painted, and FCP. */
async function staticRun(browser: Browser, url: string, name: string) {
  const s = await openSession({ browser, init: PROBE });
  try {
    await s.page.goto(url, { waitUntil: 'load' });
    const paint = await painted(s, name);
    await s.settle();
    return { paint, fcp: (await probe(s)).fcp, bytes: bytesOf(s) };
  } finally {
    await s.close();
  }
}

const NO_DB = {
  duckdbReady: NaN,
  worker: NaN,
  instantiated: NaN,
  opened: NaN,
  dataLoaded: NaN,
  ready: NaN,
  busyAfterReady: NaN,
  totalBytes: NaN,
  wasmBytes: NaN
};

/** The overview cold; with `pickArea`, then a person's first DuckDB use (choosing a district). */
async function overviewRun(browser: Browser, base: string, pickArea: boolean) {
  const s = await openSession({ browser, init: PROBE });
  try {
    await s.page.goto(`${base}/`, { waitUntil: 'networkidle' });
    const chart = await painted(s, 'overview-chart');
    const b = await probe(s);
    // Where the first paint waits: the HTML, the stylesheets (render-blocking), the parser reaching the chart.
    const path = await s.page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const css = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((r) => r.initiatorType === 'link' && /\.css(\?|$)/.test(r.name))
        .map((r) => r.responseEnd);
      return { html: nav.responseEnd, css: Math.max(0, ...css), domInteractive: nav.domInteractive };
    });
    const phases = { ...path, seen: b.seen['overview-chart'] };
    await s.settle();
    const initial = {
      chart,
      fcp: b.fcp,
      phases,
      initialBytes: bytesOf(s),
      initialRequests: s.fetched.length,
      initialWasm: wasmOf(s).length
    };
    if (!pickArea) return { ...initial, ...NO_DB };

    // A person chooses a district in the area picker: DuckDB loads, then that district's figures replace the city's.
    const select = s.page.locator('select[aria-describedby="area-status"]');
    const option = select.locator('option').nth(1);
    const code = await option.getAttribute('value');
    await s.page.evaluate(() => {
      type TimeChange = (done: () => boolean, root?: Element, timeoutMs?: number) => Promise<unknown>;
      const b = (globalThis as unknown as { __bench: { pending?: unknown; timeChange: TimeChange } }).__bench;
      const heading = () => document.querySelector('h2.sec')?.textContent ?? '';
      const before = heading();
      b.pending = b.timeChange(
        () => heading() !== before && document.getElementById('area-status')?.textContent?.trim() === '',
        document.body,
        120_000
      );
    });
    await select.selectOption(code!);
    const t = (await s.page.evaluate(
      () => (globalThis as unknown as { __bench: { pending: unknown } }).__bench.pending
    )) as {
      t0: number;
      dom: number;
      painted: number;
    };
    // Milestones of getDb(), from the probe's watch on DuckDB's worker (bench/probe.js).
    const marks = await s.page.evaluate((t0) => {
      const b = (globalThis as unknown as { __bench: BenchDb }).__bench;
      const end = (type: string) => (b.db.tasks.find((t) => t.type === type)?.end ?? NaN) - t0;
      const m = b.marks();
      return {
        worker: b.db.created - t0,
        instantiated: end('INSTANTIATE'),
        opened: end('OPEN'),
        dataLoaded: (m.reports ?? NaN) - t0,
        ready: (b.dbReadyAt() ?? NaN) - t0,
        busyAfterReady: b.dbBusy(b.dbReadyAt() ?? NaN, t0 + 1e9)
      };
    }, t.t0);
    await s.page.waitForLoadState('networkidle');
    await s.settle();
    return {
      ...initial,
      duckdbReady: t.painted,
      ...marks,
      totalBytes: bytesOf(s),
      wasmBytes: s.fetched.filter((f) => /\.wasm$/.test(f.url)).reduce((a, f) => a + f.body, 0)
    };
  } finally {
    await s.close();
  }
}

async function embedRun(browser: Browser, base: string, path: string, probeName: string) {
  const s = await openSession({ browser, init: PROBE });
  try {
    await s.page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
    const chart = await painted(s, probeName);
    const { fcp } = await probe(s);
    await s.settle();
    return {
      chart,
      fcp,
      bytes: bytesOf(s),
      requests: s.fetched.length,
      wasm: wasmOf(s).length,
      js: s.requests.filter((u) => /\.m?js(\?|$)/.test(u)).length,
      ungzipped: s.fetched.filter((f) => f.encoding !== 'gzip' && f.body > 0).map((f) => f.url)
    };
  } finally {
    await s.close();
  }
}

export async function coldLoads(
  base: string,
  runs: number,
  dbRuns: number,
  log: (s: string) => void
): Promise<FigureResult[]> {
  type R<F extends (...a: never[]) => unknown> = Awaited<ReturnType<F>>;
  const blank: R<typeof staticRun>[] = [];
  const floor: R<typeof staticRun>[] = [];
  const overview: R<typeof overviewRun>[] = [];
  const tips: R<typeof embedRun>[] = [];
  const map: R<typeof embedRun>[] = [];
  // One untimed round first (without DuckDB): the server's and the OS's file caches are warm for every timed run.
  // DuckDB's first use costs ~10–20 s a run on a loaded 2-core machine: only the first `dbRuns` runs time it.
  const browser = await launchBrowser();
  try {
    for (let i = -1; i < runs; i++) {
      const b = await staticRun(browser, `${base}/__bench/blank.html`, 'blank');
      const f = await staticRun(browser, `${base}/__bench/floor.html`, 'overview-chart');
      const o = await overviewRun(browser, base, i >= 0 && i < dbRuns);
      const e = await embedRun(browser, base, '/embed/tips-by-category', 'embed-bars');
      const m = await embedRun(browser, base, '/embed/map', 'embed-map');
      if (i < 0) continue;
      blank.push(b);
      floor.push(f);
      overview.push(o);
      tips.push(e);
      map.push(m);
      log(
        `  cold run ${i + 1}/${runs}: blank ${ms(b.paint)}, floor ${ms(f.paint)}, overview chart ${ms(o.chart)}, DuckDB ${ms(o.duckdbReady)}, ` +
          `embed ${ms(e.chart)}, map ${ms(m.chart)}`
      );
    }
  } finally {
    await browser.close();
  }

  const ratios = overview.map((o, i) => o.chart / blank[i].paint);
  const ratio = median(ratios);
  const floorRatios = floor.map((f, i) => f.paint / blank[i].paint);
  // What the page's scripts add to its content's own cost: near 1× when they do not hold back the first frame.
  const overFloor = overview.map((o, i) => o.chart / floor[i].paint);
  const overviewFig: FigureResult = {
    name: 'cold_load_overview',
    goal: 'first chart painted ≤ 1.5× the blank page (same run)',
    meets: ratio <= 1.5,
    method: [
      `${runs} runs (the DuckDB part: the first ${Math.min(dbRuns, runs)}) after one untimed round; each page load in a`,
      'new browser context (an empty profile: no cache, no storage) of one running Chromium.',
      '"Painted" = performance.now() in the task after the first animation frame following the insertion of',
      '`[data-chart="tips-by-category"] svg rect` (blank page: its <p>), seen by a MutationObserver from an init',
      'script; ratio = median of per-run ratios. Floor: the same built HTML without its <script>s and module',
      'preloads (/__bench/floor.html, written from the build at bench start), painted the same way.',
      "DuckDB ready = from the area picker's change event (Playwright",
      'selectOption of the first district, after network idle) to the heading naming the district with the loading',
      "status cleared, then a frame. getDb() milestones: the app's antq:db:* performance marks, and a wrapper",
      "around the page's Worker constructor that timestamps the messages to and from DuckDB's worker (INSTANTIATE,",
      'OPEN, and the time it was busy after getDb() was ready: the queries of the new figures).',
      'Bytes = encoded body bytes of every response (page and workers); gzip from precompressed files.'
    ].join(' '),
    values: {
      first_chart_ms: median(overview.map((o) => o.chart)),
      fcp_ms: median(overview.map((o) => o.fcp)),
      blank_paint_ms: median(blank.map((b) => b.paint)),
      blank_fcp_ms: median(blank.map((b) => b.fcp)),
      ratio_to_blank: ratio,
      floor_paint_ms: median(floor.map((f) => f.paint)),
      floor_fcp_ms: median(floor.map((f) => f.fcp)),
      floor_ratio_to_blank: median(floorRatios),
      floor_bytes: median(floor.map((f) => f.bytes)),
      ratio_to_floor: median(overFloor),
      html_response_end_ms: median(overview.map((o) => o.phases.html)),
      css_response_end_ms: median(overview.map((o) => o.phases.css)),
      chart_in_dom_ms: median(overview.map((o) => o.phases.seen)),
      dom_interactive_ms: median(overview.map((o) => o.phases.domInteractive)),
      duckdb_ready_ms: median(overview.map((o) => o.duckdbReady)),
      duckdb_worker_created_ms: median(overview.map((o) => o.worker)),
      duckdb_instantiated_ms: median(overview.map((o) => o.instantiated)),
      duckdb_opened_ms: median(overview.map((o) => o.opened)),
      duckdb_data_loaded_ms: median(overview.map((o) => o.dataLoaded)),
      getdb_ready_ms: median(overview.map((o) => o.ready)),
      figures_queries_ms: median(overview.map((o) => o.busyAfterReady)),
      bytes_initial: median(overview.map((o) => o.initialBytes)),
      requests_initial: median(overview.map((o) => o.initialRequests)),
      wasm_before_interaction: max(overview.map((o) => o.initialWasm)),
      bytes_with_duckdb: median(overview.map((o) => o.totalBytes)),
      wasm_bytes: median(overview.map((o) => o.wasmBytes))
    },
    rows: [
      ['first chart painted (median)', ms(median(overview.map((o) => o.chart)))],
      ['first-contentful-paint', ms(median(overview.map((o) => o.fcp)))],
      [
        '  HTML / CSS received / chart in DOM',
        [
          median(overview.map((o) => o.phases.html)),
          median(overview.map((o) => o.phases.css)),
          median(overview.map((o) => o.phases.seen))
        ]
          .map(ms)
          .join(' / ')
      ],
      [
        'blank page painted / FCP',
        `${ms(median(blank.map((b) => b.paint)))} / ${ms(median(blank.map((b) => b.fcp)))}`
      ],
      ['ratio to blank (median of runs)', `${x(ratio)}  [${ratios.map((r) => x(r)).join(' ')}]`],
      [
        'floor (overview without scripts) painted / FCP',
        `${ms(median(floor.map((f) => f.paint)))} / ${ms(median(floor.map((f) => f.fcp)))}, ` +
          kb(median(floor.map((f) => f.bytes)))
      ],
      [
        '  floor ratio to blank (median of runs)',
        `${x(median(floorRatios))}  [${floorRatios.map((r) => x(r)).join(' ')}]`
      ],
      [
        '  overview ÷ floor (median of runs)',
        `${x(median(overFloor))}  [${overFloor.map((r) => x(r)).join(' ')}]`
      ],
      [
        'bytes until idle (gzip)',
        `${kb(median(overview.map((o) => o.initialBytes)))}, wasm requests ${max(overview.map((o) => o.initialWasm))}`
      ],
      ['area picked → DuckDB figures shown', ms(median(overview.map((o) => o.duckdbReady)))],
      [
        '  DuckDB-WASM instantiated (wasm fetched, compiled)',
        ms(median(overview.map((o) => o.instantiated)))
      ],
      ['  bundled tables loaded (mark antq:db:reports)', ms(median(overview.map((o) => o.dataLoaded)))],
      ['  getDb() ready (mark antq:db:ready)', ms(median(overview.map((o) => o.ready)))],
      ['  the two queries after it (DuckDB busy)', ms(median(overview.map((o) => o.busyAfterReady)))],
      ['bytes with DuckDB (gzip)', kb(median(overview.map((o) => o.totalBytes)))]
    ]
  };

  const embedFig = (name: string, rs: R<typeof embedRun>[]) => ({
    chart: median(rs.map((r) => r.chart)),
    fcp: median(rs.map((r) => r.fcp)),
    bytes: max(rs.map((r) => r.bytes)),
    wasm: max(rs.map((r) => r.wasm)),
    js: max(rs.map((r) => r.js)),
    requests: max(rs.map((r) => r.requests)),
    ungzipped: [...new Set(rs.flatMap((r) => r.ungzipped))],
    name
  });
  const et = embedFig('/embed/tips-by-category', tips);
  const em = embedFig('/embed/map', map);
  const LIMIT = 150 * 1024;
  const embedFigure: FigureResult = {
    name: 'cold_load_embed',
    goal: '≤ 150 KB transferred (gzip), no wasm requested',
    meets: et.bytes <= LIMIT && em.bytes <= LIMIT && et.wasm === 0 && em.wasm === 0,
    method:
      `${runs} runs each, a new browser context (empty profile) per load; painted as for the overview (selectors: bars \`svg.layercake-layout-svg ` +
      'rect`, map `svg[role="group"] path`); bytes = encoded body bytes of every response (max over runs), served ' +
      'gzip from precompressed files by sirv.',
    values: {
      tips_chart_ms: et.chart,
      tips_fcp_ms: et.fcp,
      tips_bytes: et.bytes,
      tips_requests: et.requests,
      tips_wasm_requests: et.wasm,
      tips_js_requests: et.js,
      map_chart_ms: em.chart,
      map_fcp_ms: em.fcp,
      map_bytes: em.bytes,
      map_requests: em.requests,
      map_wasm_requests: em.wasm,
      map_js_requests: em.js
    },
    rows: [et, em].flatMap((e) => [
      [`${e.name} chart painted`, ms(e.chart)] as [string, string],
      [
        `${e.name} bytes (gzip), requests`,
        `${kb(e.bytes)}, ${e.requests} requests, ${e.wasm} wasm, ${e.js} JS` +
          (e.ungzipped.length ? ` (not gzip: ${e.ungzipped.join(' ')})` : '')
      ] as [string, string]
    ])
  };
  return [overviewFig, embedFigure];
}
