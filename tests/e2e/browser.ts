/** Debian's Chromium driven by playwright-core, with every request and console error recorded. */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
];

export interface Session {
  context: BrowserContext;
  page: Page;
  requests: string[];
  consoleErrors: string[];
  close(): Promise<void>;
}

/** A fresh browser profile (so storage starts empty unless `dir` is reused to test persistence). */
export async function openBrowser(
  opts: { dir?: string; width?: number; bypassCSP?: boolean } = {}
): Promise<Session> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: opts.width ?? 1200, height: 900 },
    args: CHROMIUM_ARGS,
    // Only for tools injected into the page (axe-core): the site's own CSP is tested with it on (csp.test.ts).
    bypassCSP: opts.bypassCSP ?? false
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  return {
    context,
    page,
    requests,
    consoleErrors,
    async close() {
      await context.close();
      if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    }
  };
}

/** Requests that left the served origin (data: and blob: URLs stay in the page). */
export function outsideRequests(requests: string[], baseUrl: string): string[] {
  const origin = new URL(baseUrl).origin;
  return requests.filter(
    (u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin
  );
}
