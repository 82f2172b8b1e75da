/**
 * An embed behaves as a guest in a news page: in an iframe sandboxed with only `allow-scripts` on another port,
 * a click on a bar or a link never navigates the frame away from the chart, and the frame says the link was
 * blocked. Its page carries og:title, og:description and a prerendered og:image; the not-found page is bare.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { openBrowser, type Session } from './browser';

const baseUrl = inject('baseUrl');
let s: Session;
let server: Server;
let hostUrl: string;

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body>
      <h1>A news article</h1>
      <iframe id="embed" sandbox="allow-scripts" title="Disputes" src="${baseUrl}/embed/children-ranked"
        style="width:390px;height:900px;border:0"></iframe></body></html>`);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  hostUrl = `http://localhost:${(server.address() as { port: number }).port}`;
  s = await openBrowser({ width: 500 });
});
afterAll(async () => {
  await s?.close();
  await new Promise((ok) => server?.close(ok));
});

describe('an embed in a sandboxed iframe on another origin', () => {
  it('stays on the chart when a bar and a link are clicked, and says the link was blocked', async () => {
    await s.page.goto(hostUrl, { waitUntil: 'networkidle' });
    const frame = s.page.frameLocator('#embed');
    const frameUrl = () =>
      s.page
        .frames()
        .find((f) => f !== s.page.mainFrame())!
        .url();
    const start = frameUrl();
    expect(start).toContain('/embed/children-ranked');
    await frame.locator('svg.ranked a').first().click();
    await s.page.waitForTimeout(300);
    expect(frameUrl()).toBe(start);
    const note = frame.locator('#embed-link-note');
    await expect.poll(() => note.isVisible()).toBe(true);
    expect(await note.textContent()).toContain('/areas/');
    await frame.locator('.foot a').click();
    await s.page.waitForTimeout(300);
    expect(frameUrl()).toBe(start);
    expect(await frame.locator('[data-chart="children-ranked"] svg.ranked').count()).toBe(1);
    expect(s.context.pages()).toHaveLength(1); // no popup escaped the sandbox
  });

  it('marks every link to open in a new tab', async () => {
    const frame = s.page.frameLocator('#embed');
    const links = await frame
      .locator('a[href]')
      .evaluateAll((as) => as.map((a) => [a.getAttribute('target'), a.getAttribute('rel')]));
    expect(links.length).toBeGreaterThan(3);
    for (const l of links) expect(l).toEqual(['_blank', 'noopener']);
  });
});

describe('embed pages for link previews', () => {
  it('has og:title, og:description and an og:image PNG made at build time', async () => {
    const html = await (await fetch(`${baseUrl}/embed/children-ranked`)).text();
    const meta = (p: string) => new RegExp(`property="${p}" content="([^"]*)"`).exec(html)?.[1];
    expect(meta('og:title')).toContain('Vụ mâu thuẫn');
    expect(meta('og:description')?.length).toBeGreaterThan(10);
    const img = new URL(meta('og:image')!, `${baseUrl}/embed/children-ranked`).href;
    const res = await fetch(img);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    // PNG header: width and height at bytes 16–23.
    const view = new DataView(bytes.buffer);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([1200, 630]);
  });

  it('the unknown-chart page has no site header and lists the charts', async () => {
    await s.page.goto(`${baseUrl}/embed/404`, { waitUntil: 'networkidle' });
    expect(await s.page.locator('header.top').isVisible()).toBe(false);
    const items = await s.page.locator('.embed ul li a').allTextContents();
    expect(items).toContain('children-ranked');
    expect(items).toContain('change-bars');
  });
});
