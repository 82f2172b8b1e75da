/**
 * Embeds as a news site would use them: a host page on another localhost port holding a sandboxed iframe and
 * static/embed-resize.js, against the built site. Plus the query-parameter handling, the not-found page behind
 * a host configured as the README says, and the Embed dialog in the dashboard.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import sirv from 'sirv';
import { openBrowser, type Session } from './browser';

const baseUrl = inject('baseUrl');
let s: Session;
const servers: Server[] = [];

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return `http://localhost:${(server.address() as { port: number }).port}`;
}

let hostUrl: string;
let staticUrl: string;

beforeAll(async () => {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body>
    <h1>A news article</h1>
    <iframe id="embed" data-antq-embed sandbox="allow-scripts" loading="lazy" title="Tips"
      src="${baseUrl}/embed/tips-by-category" style="width:100%;height:150px;border:0"></iframe>
    <script src="${baseUrl}/embed-resize.js" async></script>
  </body></html>`;
  hostUrl = await listen((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(page);
  });
  // A static host configured as the README says: unknown /embed/ paths get embed/404.html.
  const dir = process.env.E2E_BUILD_DIR ?? 'build'; // parallel builds use their own folder
  const serve = sirv(dir, { extensions: ['html'], dev: false });
  staticUrl = await listen((req, res) =>
    serve(req, res, () => {
      res.statusCode = 404;
      if (req.url?.startsWith('/embed/')) {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(readFileSync(`${dir}/embed/404.html`));
      } else res.end('not found');
    })
  );
  s = await openBrowser({ width: 700 });
});
afterAll(async () => {
  await s?.close();
  await Promise.all(servers.map((x) => new Promise((ok) => x.close(ok))));
});

describe('an embed in a sandboxed iframe on another origin', () => {
  it('renders the chart with 208.229 and gets its height from the resize message', async () => {
    const { page } = s;
    await page.goto(hostUrl, { waitUntil: 'networkidle' });
    const frame = page.frameLocator('#embed');
    await expect.poll(() => frame.locator('[data-chart="tips-by-category"] svg').count()).toBeGreaterThan(0);
    expect(await frame.locator('body').textContent()).toContain('208.229');
    expect(await frame.locator('h2').innerText()).toContain('Tin báo');
    await expect
      .poll(() => page.locator('#embed').evaluate((f) => parseFloat((f as HTMLIFrameElement).style.height)))
      .toBeGreaterThan(400);
    const inner = await frame.locator('html').evaluate((h) => Math.ceil(h.getBoundingClientRect().height));
    const outer = await page.locator('#embed').evaluate((f) => f.getBoundingClientRect().height);
    expect(Math.abs(outer - inner)).toBeLessThanOrEqual(1);
  });

  it('grows the iframe when the table alternative opens', async () => {
    const { page } = s;
    const before = await page.locator('#embed').evaluate((f) => f.getBoundingClientRect().height);
    await page.frameLocator('#embed').getByText('Xem dạng bảng').click();
    await expect
      .poll(() => page.locator('#embed').evaluate((f) => f.getBoundingClientRect().height))
      .toBeGreaterThan(before + 100);
  });

  it('gives each period bar a native tooltip and labels its drawing', async () => {
    const bar = s.page.frameLocator('#embed').locator('.bar').first();
    expect(await bar.locator('title').textContent()).toContain('2013–2018');
    expect(await s.page.frameLocator('#embed').locator('svg[aria-label]').count()).toBeGreaterThan(0);
  });

  it('requested nothing beyond the two origins, no wasm, no JS bundle, and logged no console error', () => {
    const origins = new Set([new URL(baseUrl).origin, new URL(hostUrl).origin]);
    const urls = s.requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(urls.filter((u) => !origins.has(new URL(u).origin))).toEqual([]);
    expect(urls.filter((u) => /\.wasm$|duckdb/.test(u))).toEqual([]);
    expect(urls.filter((u) => u.includes('/_app/') && u.endsWith('.js'))).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});

describe('embed parameters and errors', () => {
  it('shows the prerendered SVG without any script', async () => {
    const html = await (await fetch(`${baseUrl}/embed/tips-by-category`)).text();
    expect(html).toContain('<svg');
    expect(html).toContain('208.229');
    expect(html).not.toMatch(/<script[^>]+src=/);
  });

  it('moves ?area=&lang= to the prerendered page for them and applies ?theme=dark', async () => {
    const { page } = s;
    await page.goto(`${baseUrl}/embed/tips-by-category?area=001&lang=en&theme=dark`, {
      waitUntil: 'networkidle'
    });
    expect(new URL(page.url()).pathname).toBe('/embed/tips-by-category/en-area-001');
    expect(await page.locator('h2').innerText()).toMatch(/Tips from citizens.*Ba Đình/);
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(27, 30, 36)');
  });

  it('says which parameter is wrong instead of showing a blank frame', async () => {
    const { page } = s;
    await page.goto(`${baseUrl}/embed/tips-by-category?area=999`, { waitUntil: 'networkidle' });
    const problem = page.locator('#embed-problem');
    expect(await problem.isVisible()).toBe(true);
    expect(await problem.innerText()).toContain('area=999');
    expect(await page.locator('#embed-chart').isVisible()).toBe(false);
    await page.goto(`${baseUrl}/embed/children-ranked?area=001&metric=patrol_turns`, {
      waitUntil: 'networkidle'
    });
    expect(await problem.innerText()).toContain('một tham số');
  });

  it('names an unknown chart in a readable page (build/embed/404.html behind a configured host)', async () => {
    const { page } = s;
    const res = await page.goto(`${staticUrl}/embed/no-such-chart`, { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(404);
    const text = await page.locator('#embed-problem').innerText();
    expect(text).toContain('Không có biểu đồ nào tên “no-such-chart”');
    expect(text).toContain('There is no chart named “no-such-chart”');
    expect(await page.locator('a[href$="/embed/tips-by-category"]').count()).toBe(1);
  });
});

describe('the Embed dialog in the dashboard', () => {
  it('opens as a modal dialog with both snippets and a live preview, and closes with Escape', async () => {
    const { page } = s;
    await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
    const chart = page.locator('[data-chart="tips-by-category"]');
    await chart.getByRole('button', { name: 'Nhúng biểu đồ này vào trang khác' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.isVisible()).toBe(true);
    const fixed = await dialog.getByLabel('Khung cố định').inputValue();
    expect(fixed).toContain(`src="${baseUrl}/embed/tips-by-category"`);
    expect(fixed).toContain('sandbox="allow-scripts');
    const responsive = await dialog.getByLabel('Khung tự chỉnh chiều cao (kèm script)').inputValue();
    expect(responsive).toContain(`<script src="${baseUrl}/embed-resize.js" async></script>`);
    await dialog.getByLabel('Ngôn ngữ').selectOption('en');
    expect(await dialog.getByLabel('Khung cố định').inputValue()).toContain('/embed/tips-by-category/en"');
    const preview = page.frameLocator('dialog iframe');
    await expect.poll(() => preview.locator('h2').innerText()).toContain('Tips from citizens');
    await expect
      .poll(() => dialog.locator('iframe').evaluate((f) => f.getBoundingClientRect().height))
      .toBeGreaterThan(400);
    await page.keyboard.press('Escape');
    expect(await dialog.isVisible()).toBe(false);
  });
});
