/**
 * Interaction over 1,000,000 uploaded observations: from /upload, right after the 1M commit, the nav link to
 * /charts; then a person's picker changes are timed from the `change` event to the chart showing the new figures,
 * and split into DuckDB time and the rest. Last, a new visit of /charts times getDb() loading the stored upload.
 */
import type { Session } from './browser';
import { waitDbReady } from './ingest';
import type { FigureResult } from './report';
import { median, ms, quantile } from './stats';

interface Change {
  kind: string;
  value: string;
  /** change event → new figures in the DOM, then a frame. */
  painted: number;
  dom: number;
  /** Time DuckDB's worker was answering the page's requests in the window (query alone, incl. messaging). */
  query: number;
  /** change event → the first request to DuckDB. */
  beforeQuery: number;
  /** last DuckDB answer → painted: Arrow rows to objects, shaping, Svelte update, frame. */
  afterQuery: number;
}

type Win = {
  __bench: {
    timeChange(done: () => boolean, root?: Element, timeoutMs?: number): Promise<unknown>;
    pending?: Promise<unknown>;
    dbBusy(a: number, b: number): number;
    dbIdleFor(): number;
    dbReadyAt(): number | undefined;
    marks(): Record<string, number>;
    db: { tasks: { start: number; end: number }[] };
  };
};

async function quiet(s: Session, idleMs = 300): Promise<void> {
  await s.page.waitForFunction((idle) => (globalThis as unknown as Win).__bench.dbIdleFor() >= idle, idleMs, {
    timeout: 120_000,
    polling: 50
  });
}

/**
 * Arms the probe for the next change: done when `rootSel` (or an element in it) has matched `busySel` and no longer
 * does — on /charts, a chart block's aria-busy, set for the whole load (its loading notice shows only if it is slow).
 */
async function arm(s: Session, rootSel: string, busySel: string): Promise<void> {
  await s.page.evaluate(
    ({ rootSel, busySel }) => {
      const b = (globalThis as unknown as Win).__bench;
      const root = document.querySelector(rootSel)!;
      let seen = false;
      const loading = () => root.matches(busySel) || !!root.querySelector(busySel);
      b.pending = b.timeChange(() => {
        if (loading()) return !(seen = true);
        return seen;
      }, document.body);
    },
    { rootSel, busySel }
  );
}

async function measure(
  s: Session,
  kind: string,
  value: string,
  act: () => Promise<void>,
  settle = true
): Promise<Change> {
  await act();
  const t = (await s.page.evaluate(() => (globalThis as unknown as Win).__bench.pending)) as {
    t0: number;
    dom: number;
    painted: number;
  };
  const q = await s.page.evaluate(({ t0, dom }) => {
    const b = (globalThis as unknown as Win).__bench;
    const inWin = b.db.tasks.filter((x) => x.end > t0 && x.start < t0 + dom);
    return {
      query: b.dbBusy(t0, t0 + dom),
      first: Math.min(...inWin.map((x) => x.start)) - t0,
      last: Math.max(...inWin.map((x) => x.end)) - t0
    };
  }, t);
  if (settle) await quiet(s, 100);
  return {
    kind,
    value,
    painted: t.painted,
    dom: t.dom,
    query: q.query,
    beforeQuery: q.first,
    afterQuery: t.painted - q.last
  };
}

async function options(s: Session, select: string): Promise<string[]> {
  return s.page
    .locator(select)
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
}

export async function interaction(
  s: Session,
  base: string,
  log: (s: string) => void,
  count = 50,
  reload = true
): Promise<FigureResult> {
  const { page } = s;
  const changes: Change[] = [];

  // As a person continues after the commit: the nav link to /charts (client-side navigation, so the page keeps
  // the DuckDB that now holds the upload). /charts sees stored uploads and reloads every chart through DuckDB.
  await page.locator('a[href$="charts"]').first().click();
  await page.waitForURL(/\/charts$/);
  await page.waitForSelector('#chart-children-ranked .controls select');
  await page.waitForFunction(() => !document.querySelector('.chart-block[aria-busy="true"]'), null, {
    timeout: 120_000
  });
  await quiet(s, 500);

  // In turn: children-ranked's area, metric and period pickers (a drill into a district's communes, another
  // metric, another period), and tips-by-category's area picker (the query and chart of the overview's picker).
  const pickers = [
    { kind: 'children-ranked area', block: '#chart-children-ranked', n: 1 },
    { kind: 'children-ranked metric', block: '#chart-children-ranked', n: 2 },
    { kind: 'children-ranked period', block: '#chart-children-ranked', n: 3 },
    { kind: 'tips-by-category area', block: '#chart-tips-by-category', n: 1 },
    { kind: 'heatmap area', block: '#chart-model-heatmap', n: 1 },
    { kind: 'map metric', block: '#chart-map', n: 1 },
    { kind: 'map period', block: '#chart-map', n: 2 }
  ].map((p) => ({ ...p, sel: `${p.block} .controls label:nth-of-type(${p.n}) select`, cursor: 1 }));
  const opts = await Promise.all(pickers.map((p) => options(s, p.sel)));
  const change = async (i: number, settle: boolean) => {
    const k = i % pickers.length;
    const p = pickers[k];
    const current = await page.locator(p.sel).inputValue();
    let value = opts[k][p.cursor++ % opts[k].length];
    if (value === current) value = opts[k][p.cursor++ % opts[k].length];
    await arm(s, p.block, '[aria-busy="true"]');
    const act = () =>
      page
        .locator(p.sel)
        .selectOption(value)
        .then(() => undefined);
    return measure(s, p.kind, value, act, settle);
  };
  for (let i = 0; i < count; i++) {
    changes.push(await change(i, true));
    if ((i + 1) % 10 === 0) log(`  ${i + 1}/${count} changes, last ${ms(changes.at(-1)!.painted)}`);
  }
  // The same kinds again, each as soon as the last is drawn, with no pause for reads ahead: a person going quickly.
  const rapid: Change[] = [];
  for (let i = 0; i < 2 * pickers.length; i++) rapid.push(await change(i, false));
  await quiet(s, 300);

  // Then a new visit of /charts with the upload stored: getDb() loads it from IndexedDB with the bundled data.
  let loadReady = NaN;
  // Where that time goes: getDb() called (start), the build's snapshot loaded (reports), the upload added (uploads).
  let loadMarks: Record<string, number> = {};
  if (reload) {
    await page.goto(`${base}/charts`, { waitUntil: 'networkidle' });
    await waitDbReady(s, 300_000);
    loadReady = await page.evaluate(() => (globalThis as unknown as Win).__bench.dbReadyAt()!);
    loadMarks = await page.evaluate(() => (globalThis as unknown as Win).__bench.marks());
    log(`  /charts visited again with the 1M upload stored: getDb ready ${ms(loadReady)}`);
  }

  const all = changes.map((c) => c.painted);
  const p50 = quantile(all, 0.5);
  const p95 = quantile(all, 0.95);
  const by = (k: string) => changes.filter((c) => c.kind === k);
  const kindsSeen = [...new Set(changes.map((c) => c.kind))];
  const q = (f: (c: Change) => number, p: number) => quantile(changes.map(f), p);
  return {
    name: 'interaction',
    // Issue 21's goal (it was 50 ms): Mosaic answered a brush over 1M rows in p95 30 ms on this machine.
    goal: 'p95 ≤ 25 ms from change to chart updated',
    meets: p95 <= 25,
    method: [
      `${changes.length} changes on /charts, reached by its nav link from /upload right after the 1,000,000-row`,
      'upload was committed (same DuckDB, holding the bundled data and the upload): children-ranked area → metric →',
      "period pickers, tips-by-category's area picker (the overview picker's query and chart), the heatmap's area",
      "picker and the map's metric and period pickers in turn, by Playwright selectOption.",
      "Time = the change event's timestamp → the chart block's aria-busy has gone true and back (MutationObserver) → the",
      "task after the next animation frame. Query = time DuckDB's worker was answering the page's requests in that",
      'window (a wrapper around the Worker constructor timestamps its messages); after query = last answer → painted.',
      'Between changes the bench waits until DuckDB has been idle for 100 ms: the page reads ahead, while idle, what',
      'one picker change away needs (db/slices.ts), so most changes are answered without DuckDB; the count of those',
      'is reported. Then 14 more changes of the same kinds, each made as soon as the last was drawn (no pause), are',
      'reported apart: a person going quickly may meet a read ahead still running.'
    ].join(' '),
    values: {
      changes: changes.length,
      p50_ms: p50,
      p95_ms: p95,
      max_ms: Math.max(...all),
      query_p50_ms: q((c) => c.query, 0.5),
      query_p95_ms: q((c) => c.query, 0.95),
      after_query_p50_ms: q((c) => c.afterQuery, 0.5),
      after_query_p95_ms: q((c) => c.afterQuery, 0.95),
      before_query_p50_ms: q((c) => c.beforeQuery, 0.5),
      without_duckdb: changes.filter((c) => c.query === 0).length,
      rapid_changes: rapid.length,
      rapid_p50_ms: quantile(
        rapid.map((c) => c.painted),
        0.5
      ),
      rapid_max_ms: Math.max(...rapid.map((c) => c.painted)),
      ...Object.fromEntries(
        kindsSeen.flatMap((k) => [
          [
            `${k.replace(/\W+/g, '_')}_p50_ms`,
            quantile(
              by(k).map((c) => c.painted),
              0.5
            )
          ],
          [
            `${k.replace(/\W+/g, '_')}_p95_ms`,
            quantile(
              by(k).map((c) => c.painted),
              0.95
            )
          ]
        ])
      ),
      page_load_getdb_ready_ms: reload ? loadReady : null,
      // Milestones after navigation start (bench/probe.js marks(): src/lib/db/client.ts, bundle.ts, schema.ts).
      page_load_marks_ms: reload ? loadMarks : null
    },
    rows: [
      ['change → chart updated p50 / p95', `${ms(p50)} / ${ms(p95)} (max ${ms(Math.max(...all))})`],
      ['  DuckDB (query alone) p50 / p95', `${ms(q((c) => c.query, 0.5))} / ${ms(q((c) => c.query, 0.95))}`],
      [
        '  answered without DuckDB (read ahead while idle)',
        `${changes.filter((c) => c.query === 0).length} of ${changes.length}`
      ],
      [
        '  after the query (rows, shaping, render, frame) p50 / p95',
        `${ms(q((c) => c.afterQuery, 0.5))} / ${ms(q((c) => c.afterQuery, 0.95))}`
      ],
      ...kindsSeen.map(
        (k) =>
          [
            `  ${k} p50 / p95 (n=${by(k).length})`,
            `${ms(
              quantile(
                by(k).map((c) => c.painted),
                0.5
              )
            )} / ${ms(
              quantile(
                by(k).map((c) => c.painted),
                0.95
              )
            )}`
          ] as [string, string]
      ),
      [
        `${rapid.length} more, each at once after the last (no pause to read ahead): p50 / max`,
        `${ms(
          quantile(
            rapid.map((c) => c.painted),
            0.5
          )
        )} / ${ms(Math.max(...rapid.map((c) => c.painted)))}`
      ],
      [
        'new visit of /charts with the 1M upload stored: getDb ready',
        reload ? ms(loadReady) : 'skipped (past 7 min of the 10 min budget)'
      ],
      [
        '  page → getDb() called / engine up / snapshot / upload rows / upload added',
        reload
          ? [
              loadMarks.called,
              loadMarks.engine - loadMarks.called,
              loadMarks.reports - loadMarks.engine,
              loadMarks['upload-rows'] - loadMarks.reports,
              loadMarks.uploads - loadMarks['upload-rows']
            ]
              .map(ms)
              .join(' / ')
          : 'skipped'
      ],
      ['median of DOM update without frame', ms(median(changes.map((c) => c.dom)))]
    ]
  };
}
