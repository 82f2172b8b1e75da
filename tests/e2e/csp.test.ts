/**
 * The Content-Security-Policy (kit.csp, hash mode, svelte.config.js) breaks nothing: every route and an embed load
 * with no violation and no console error, and DuckDB-WASM still starts under it (its wasm, its worker, the Arrow
 * snapshots).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, type Session } from './browser';

const baseUrl = inject('baseUrl');
const ROUTES = [
  '/',
  '/areas/01',
  '/areas/001',
  '/compare',
  '/charts',
  '/map',
  '/upload',
  '/sources',
  '/no-such-page',
  '/embed/tips-by-category',
  '/embed/tips-by-category?lang=en&theme=dark'
];

let s: Session;
const violations: string[] = [];
beforeAll(async () => {
  s = await openBrowser();
  await s.context.exposeBinding('reportCsp', (_, v: string) => void violations.push(v));
  await s.context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportCsp(v: string): void }).reportCsp(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`
      )
    );
  });
});
afterAll(async () => s?.close());

describe('Content-Security-Policy', { timeout: 300_000 }, () => {
  it('is sent by every page as a meta tag with the directives the docs name', async () => {
    const html = await (await fetch(`${baseUrl}/`)).text();
    const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(html)?.[1] ?? '';
    for (const d of [
      "default-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "connect-src 'self'",
      "'wasm-unsafe-eval'"
    ])
      expect(csp).toContain(d);
    expect(csp).toMatch(/script-src 'self'[^;]*'sha256-/);
    const embed = await (await fetch(`${baseUrl}/embed/tips-by-category`)).text();
    expect(embed).toMatch(/<meta http-equiv="content-security-policy"/i);
  });

  it.each(ROUTES)('loads %s with no violation and no console error', async (path) => {
    violations.length = 0;
    s.consoleErrors.length = 0;
    await s.page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
    await s.page.waitForTimeout(300);
    expect(violations).toEqual([]);
    // A missing page is served with status 404, which Chromium logs as a failed load: that one is expected.
    const errors = path === '/no-such-page' ? s.consoleErrors.filter((e) => !/404/.test(e)) : s.consoleErrors;
    expect(errors).toEqual([]);
  });

  it('would see a violation: an inline script not hashed is blocked and reported', async () => {
    violations.length = 0;
    await s.page.goto(`${baseUrl}/sources`, { waitUntil: 'networkidle' });
    await s.page.addScriptTag({ content: 'window.ran = 1' }).catch(() => undefined);
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    expect(await s.page.evaluate(() => (window as unknown as { ran?: number }).ran)).toBeUndefined();
  });

  it('still runs the embed script (query parameters move to the prerendered page)', async () => {
    violations.length = 0;
    await s.page.goto(`${baseUrl}/embed/tips-by-category?lang=en`, { waitUntil: 'networkidle' });
    await expect.poll(() => s.page.url()).toContain('/embed/tips-by-category/en');
    expect(violations).toEqual([]);
  });

  it('still starts DuckDB: another area on the overview loads its figures', async () => {
    violations.length = 0;
    s.consoleErrors.length = 0;
    const { page } = s;
    await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
    await page.getByLabel('Địa bàn').selectOption({ label: 'Quận Ba Đình' });
    await expect
      .poll(() => page.locator('h2#tips-by-category-title').innerText(), { timeout: 60_000 })
      .toContain('Ba Đình');
    await expect
      .poll(() => page.locator('[data-metric="tips"] .value').innerText(), { timeout: 60_000 })
      .not.toBe('45.841');
    expect(s.requests.some((u) => u.endsWith('.wasm'))).toBe(true);
    expect(violations).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});

describe('the 404 page', () => {
  it('has a title, the reader’s language and a link back', async () => {
    const { page } = s;
    const res = await page.goto(`${baseUrl}/no-such-page`, { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(404);
    await expect.poll(() => page.title()).toContain('Không tìm thấy trang');
    expect(await page.locator('main h1').innerText()).toBe('Không tìm thấy trang');
    expect(await page.locator('main a[href="/"]').innerText()).toBe('Về trang tổng quan');
    await page
      .getByRole('button', { name: /English|Tiếng Anh|EN/i })
      .first()
      .click();
    await expect.poll(() => page.title()).toContain('Page not found');
    expect(await page.locator('main').innerText()).toContain('/no-such-page');
  });
});
