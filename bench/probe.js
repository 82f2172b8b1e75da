// Injected into every page the bench opens (Playwright addInitScript, before the page's own scripts).
// Plain JavaScript: it runs in the browser as written.
(() => {
  // tsx (esbuild keepNames) wraps functions the bench passes to page.evaluate in __name(); make it a no-op here.
  globalThis.__name ??= (f) => f;
  const B = (globalThis.__bench = { fcp: NaN, longtasks: [], seen: {}, painted: {} });
  const observe = (type, fn) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(fn)).observe({ type, buffered: true });
    } catch {
      /* entry type not supported */
    }
  };
  observe('paint', (e) => e.name === 'first-contentful-paint' && (B.fcp = e.startTime));
  observe('longtask', (e) => B.longtasks.push({ start: e.startTime, duration: e.duration }));

  // DuckDB-WASM's worker, watched from outside: every request the page posts to it and the time of its answer
  // (request {messageId, type, data} → response {requestId, type}), so query time is measured apart from the
  // rest without touching the app. Other workers are created untouched; the bench's own DuckDB uses NativeWorker.
  const NativeWorker = globalThis.Worker;
  const db = (B.db = { created: NaN, tasks: [], open: new Map() });
  if (NativeWorker) {
    B.NativeWorker = NativeWorker;
    globalThis.Worker = class extends NativeWorker {
      constructor(url, opts) {
        super(url, opts);
        if (!String(url).includes('duckdb-browser')) return;
        db.created = performance.now();
        const open = new Map();
        db.open = open;
        // Prepared statements by id (CREATE_PREPARED's answer), so a RUN_PREPARED is named by its SQL too.
        const prepared = new Map();
        const post = this.postMessage.bind(this);
        this.postMessage = (m, transfer) => {
          if (m && typeof m === 'object' && 'messageId' in m) {
            const text =
              m.type === 'RUN_QUERY' || m.type === 'CREATE_PREPARED'
                ? m.data?.[1]
                : m.type === 'RUN_PREPARED'
                  ? prepared.get(m.data?.[1])
                  : '';
            open.set(m.messageId, {
              type: m.type,
              sql: String(text ?? '')
                .trim()
                .slice(0, 80),
              start: performance.now()
            });
          }
          return post(m, transfer);
        };
        this.addEventListener('message', (e) => {
          const r = e.data;
          if (!r || r.type === 'INSTANTIATE_PROGRESS' || r.type === 'LOG') return;
          const q = open.get(r.requestId);
          if (!q) return;
          open.delete(r.requestId);
          if (r.type === 'PREPARED_STATEMENT_ID') prepared.set(r.data, q.sql);
          q.end = performance.now();
          if (db.tasks.length < 100000) db.tasks.push(q);
        });
      }
    };
  }
  /** Time DuckDB's worker was answering the page's requests within [from, to] (union of request intervals). */
  B.dbBusy = (from, to) => {
    const iv = db.tasks
      .filter((t) => t.end > from && t.start < to)
      .map((t) => [Math.max(t.start, from), Math.min(t.end, to)])
      .sort((a, b) => a[0] - b[0]);
    let total = 0;
    let [s, e] = [NaN, NaN];
    for (const [a, b] of iv) {
      if (!(a <= e)) {
        if (e > s) total += e - s;
        [s, e] = [a, b];
      } else e = Math.max(e, b);
    }
    if (e > s) total += e - s;
    return total;
  };
  /** ms since DuckDB's worker last answered, or 0 while a request is open. */
  B.dbIdleFor = () =>
    db.open.size ? 0 : performance.now() - Math.max(0, ...db.tasks.slice(-50).map((t) => t.end));
  /** The app's start-up marks (antq:db:start, reports, figures, uploads, ready: src/lib/db/bundle.ts), by name. */
  B.marks = () =>
    Object.fromEntries(
      performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('antq:db:'))
        .map((m) => [m.name.slice(8), m.startTime])
    );
  /**
   * When getDb() finished: the app's last start-up mark (antq:db:ready; antq:db:figures before 2026-12); for builds without marks, the answer to
   * refreshFigures' last statement (CREATE … TABLE figures).
   */
  B.dbReadyAt = () =>
    B.marks().ready ??
    B.marks().figures ??
    db.tasks.find((t) => t.sql.startsWith('CREATE OR REPLACE TABLE figures'))?.end;

  /** After the frame that follows now: the first animation frame, then the task after it (rendering is done). */
  B.afterFrame = () =>
    new Promise((ok) => requestAnimationFrame(() => setTimeout(() => ok(performance.now()), 0)));

  // "Painted" for a selector: performance.now() in the task after the first animation frame that follows the
  // element's insertion (a MutationObserver sees it; rendering is blocked until styles load, so is that frame).
  const WATCH = {
    'overview-chart': '[data-chart="tips-by-category"] svg rect',
    'embed-bars': '[data-chart="tips-by-category"] svg rect',
    'embed-map': 'svg[role="group"] path',
    blank: '#blank'
  };
  const check = () => {
    for (const [name, sel] of Object.entries(WATCH)) {
      if (B.seen[name] !== undefined || !document.querySelector(sel)) continue;
      B.seen[name] = performance.now();
      B.afterFrame().then((t) => (B.painted[name] = t));
    }
  };
  const mo = new MutationObserver(check);
  mo.observe(document, { childList: true, subtree: true });
  addEventListener('load', () => setTimeout(() => mo.disconnect(), 5000));

  /**
   * Times the next `change` event on the page until `done()` holds after a DOM mutation, then the next frame.
   * Resolves { t0, firstMutation, dom, painted }: t0 is the event's timestamp, the others ms after it.
   */
  B.timeChange = (done, root = document.body, timeoutMs = 20000) =>
    new Promise((resolve, reject) => {
      let t0 = NaN;
      let first = NaN;
      let finished = false;
      const finish = async () => {
        finished = true;
        obs.disconnect();
        const dom = performance.now();
        const painted = await B.afterFrame();
        resolve({ t0, firstMutation: first - t0, dom: dom - t0, painted: painted - t0 });
      };
      const obs = new MutationObserver(() => {
        if (finished || Number.isNaN(t0)) return;
        if (Number.isNaN(first)) first = performance.now();
        if (done()) finish();
      });
      document.addEventListener(
        'change',
        (e) => {
          t0 = e.timeStamp;
          obs.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
        },
        { capture: true, once: true }
      );
      setTimeout(
        () => finished || reject(new Error('timeChange: no update within ' + timeoutMs + ' ms')),
        timeoutMs
      );
    });
})();
