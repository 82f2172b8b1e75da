/** Takes full-page screenshots of the built site: `tsx scripts/screenshot.ts URL OUT.png [width] [--en]`. */
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [url, out, width = '1200', ...flags] = process.argv.slice(2);
const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'shot-')), {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: Number(width), height: 900 },
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync'
  ]
});
const page = ctx.pages()[0] ?? (await ctx.newPage());
page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
await page.goto(url, { waitUntil: 'networkidle' });
if (flags.includes('--en')) await page.getByRole('button', { name: 'Switch to English' }).click();
for (const f of flags.filter((f) => f.startsWith('--click='))) await page.click(f.slice(8));
await page.waitForTimeout(300);
await page.screenshot({ path: out, fullPage: true });
await ctx.close();
