/**
 * `first_interaction`: a person's first picker change on a cold page of bundled data — the overview's area, an area
 * page's period, a /charts picker and the map's metric — each on a new page in a new browser context. The change is
 * timed from its event to the view drawn (the probe's timeChange: the page's own "done" test, then a frame), and
 * the bytes and wasm requests it caused are counted: the goal is an answer without starting DuckDB.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchBrowser, openSession } from './browser';
import type { FigureResult } from './report';
import { kb, max, median, ms } from './stats';

const PROBE = readFileSync(new URL('./probe.js', import.meta.url), 'utf8');

interface View {
  name: string;
  path: string;
  /** The picker (a CSS selector) and the value to pick. */
  select: string;
  value: string;
  /** A selector whose text changes once the view shows the new data, and must not say it is loading. */
  watch: string;
}

const VIEWS: View[] = [
  {
    name: 'overview_area',
    path: '/',
    select: 'select[aria-describedby="area-status"]',
    value: '001',
    watch: 'h2.sec'
  },
  {
    name: 'area_period',
    path: '/areas/01',
    select: 'section.children select',
    value: '2019-01-01/2019-12-31',
    watch: '[data-chart="children-table"] h2'
  },
  {
    name: 'charts_area',
    path: '/charts',
    select: '#chart-children-ranked .controls label:nth-of-type(1) select',
    value: '001',
    watch: '#chart-children-ranked h2'
  },
  {
    name: 'map_metric',
    path: '/map',
    select: '.controls select',
    value: 'disputes_resolved',
    watch: 'h2#map-title'
  }
];

async function run(browser: Browser, base: string, v: View) {
  const s = await openSession({ browser, init: PROBE });
  try {
    await s.page.goto(`${base}${v.path}`, { waitUntil: 'networkidle' });
    await s.settle();
    const [bytes0, requests0] = [s.fetched.reduce((a, f) => a + f.body, 0), s.requests.length];
    await s.page.evaluate((watch) => {
      type TimeChange = (done: () => boolean, root?: Element, timeoutMs?: number) => Promise<unknown>;
      const b = (globalThis as unknown as { __bench: { pending?: unknown; timeChange: TimeChange } }).__bench;
      const text = () => document.querySelector(watch)?.textContent ?? '';
      const before = text();
      const busy = () => !!document.querySelector('[aria-busy="true"]');
      b.pending = b.timeChange(() => text() !== before && !busy(), document.body, 120_000);
    }, v.watch);
    await s.page.locator(v.select).first().selectOption(v.value);
    const t = (await s.page.evaluate(
      () => (globalThis as unknown as { __bench: { pending: unknown } }).__bench.pending
    )) as { painted: number };
    await s.page.waitForLoadState('networkidle');
    await s.settle();
    const after = s.requests.slice(requests0);
    return {
      ms: t.painted,
      bytes: s.fetched.reduce((a, f) => a + f.body, 0) - bytes0,
      wasm: after.filter((u) => /\.wasm(\?|$)/.test(u)).length
    };
  } finally {
    await s.close();
  }
}

export async function firstInteraction(
  base: string,
  runs: number,
  log: (s: string) => void
): Promise<FigureResult> {
  const results: Record<string, Awaited<ReturnType<typeof run>>[]> = {};
  const browser = await launchBrowser();
  try {
    for (let i = 0; i < runs; i++)
      for (const v of VIEWS) {
        const r = await run(browser, base, v);
        (results[v.name] ??= []).push(r);
        log(
          `  first_interaction ${v.name} run ${i + 1}/${runs}: ${ms(r.ms)}, ${kb(r.bytes)}, wasm ${r.wasm}`
        );
      }
  } finally {
    await browser.close();
  }
  const values: FigureResult['values'] = {};
  const rows: [string, string][] = [];
  for (const v of VIEWS) {
    const rs = results[v.name];
    values[`${v.name}_ms`] = median(rs.map((r) => r.ms));
    values[`${v.name}_bytes`] = median(rs.map((r) => r.bytes));
    values[`${v.name}_wasm_requests`] = max(rs.map((r) => r.wasm));
    rows.push([
      `${v.name} (${v.path})`,
      `${ms(median(rs.map((r) => r.ms)))}, ${kb(median(rs.map((r) => r.bytes)))}, wasm ${max(rs.map((r) => r.wasm))}`
    ]);
  }
  const worst = Math.max(...VIEWS.map((v) => values[`${v.name}_ms`] as number));
  const wasm = Math.max(...VIEWS.map((v) => values[`${v.name}_wasm_requests`] as number));
  values.worst_ms = worst;
  return {
    name: 'first_interaction',
    goal: 'every view of bundled data answers its first picker change in ≤ 300 ms, with no wasm',
    meets: worst <= 300 && wasm === 0,
    method: [
      `${runs} runs of each view, each on a new page in a new browser context (empty profile) after network idle:`,
      VIEWS.map((v) => `${v.path} ${v.select} → ${v.value}`).join('; ') + '.',
      'Time = the change event → the watched heading changed with nothing aria-busy → the next frame (probe.js',
      'timeChange). Bytes = encoded body bytes of the responses after the change (gzip); wasm = .wasm requests.'
    ].join(' '),
    values,
    rows
  };
}
