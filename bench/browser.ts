/** Chromium for the bench: Debian's binary through playwright-core, the e2e tests' flags, a fresh profile per run. */
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from '../tests/e2e/browser';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export interface Fetched {
  url: string;
  /** Encoded (on-the-wire) body bytes, as Chromium reports them; headers not counted. */
  body: number;
  headers: number;
  encoding: string;
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** The profile directory (a fresh temporary one unless given; '' for a context of a running browser). */
  dir: string;
  /** Every request of the page and its workers, in order. */
  requests: string[];
  /** Finished responses with their sizes (collected as they finish; `settle()` waits for pending sizes). */
  fetched: Fetched[];
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** Starts one Chromium for many fresh contexts (`openSession({ browser })`). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * A page with an empty profile. With `browser`: a new browser context of that running Chromium — an empty
 * in-memory profile (no HTTP or code cache, no storage; no renderer shared with other contexts), as a reader
 * with the browser already open. Without: a new Chromium with a new profile directory, or `dir` to reuse one.
 */
export async function openSession(
  opts: { dir?: string; keep?: boolean; init?: string; browser?: Browser } = {}
): Promise<Session> {
  const viewport = { width: 1200, height: 900 };
  const dir = opts.browser ? '' : (opts.dir ?? mkdtempSync(join(tmpdir(), 'bench-profile-')));
  const context = opts.browser
    ? await opts.browser.newContext({ viewport })
    : await chromium.launchPersistentContext(dir, {
        executablePath: CHROMIUM,
        headless: true,
        viewport,
        args: CHROMIUM_ARGS
      });
  if (opts.init) await context.addInitScript(opts.init);
  const page = context.pages()[0] ?? (await context.newPage());
  const requests: string[] = [];
  const fetched: Fetched[] = [];
  const pending: Promise<void>[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const onFinished = (r: Request) => {
    pending.push(
      (async () => {
        const [sizes, res] = await Promise.all([r.sizes().catch(() => null), r.response().catch(() => null)]);
        const encoding = (res && (await res.headerValue('content-encoding').catch(() => null))) ?? '';
        if (sizes)
          fetched.push({
            url: r.url(),
            body: sizes.responseBodySize,
            headers: sizes.responseHeadersSize,
            encoding
          });
      })()
    );
  };
  context.on('requestfinished', onFinished);
  return {
    context,
    page,
    dir,
    requests,
    fetched,
    async settle() {
      for (let i = 0; i < 3; i++) await Promise.all(pending.splice(0));
    },
    async close() {
      await context.close().catch(() => undefined);
      if (dir && !opts.dir && !opts.keep) rmSync(dir, { recursive: true, force: true });
    }
  };
}

export async function chromiumVersion(): Promise<string> {
  const b = await launchBrowser();
  try {
    return b.version();
  } finally {
    await b.close();
  }
}
