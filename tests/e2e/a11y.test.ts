/**
 * axe-core over every route and two embeds, at a desktop and a phone width, in light and dark: no serious or critical
 * violation. axe's own source is injected into the page (no CDN, no extra runner).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, type Session } from './browser';

const baseUrl = inject('baseUrl');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const ROUTES = [
  '/',
  '/areas/01',
  '/areas/001',
  '/compare',
  '/charts',
  '/map',
  '/upload',
  '/sources',
  '/no-such-page'
];
const EMBEDS = ['/embed/tips-by-category', '/embed/children-ranked'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

let s: Session;
beforeAll(async () => {
  s = await openBrowser({ bypassCSP: true }); // axe is an inline script the CSP rightly blocks
});
afterAll(async () => s?.close());

describe('accessibility (axe-core): no serious or critical violation', { timeout: 600_000 }, () => {
  for (const width of [1280, 390])
    for (const scheme of ['light', 'dark'] as const)
      it(`every route and two embeds at ${width} px, ${scheme}`, async () => {
        const { page } = s;
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: scheme });
        const found: string[] = [];
        for (const path of [...ROUTES, ...EMBEDS]) {
          await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
          await page.addScriptTag({ content: axeSource });
          const violations = (await page.evaluate(async () => {
            const axe = (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe;
            return (await axe.run()).violations;
          })) as Violation[];
          for (const v of violations)
            if (v.impact === 'serious' || v.impact === 'critical')
              found.push(
                `${path} ${v.id} (${v.impact}): ${v.help}\n    ` +
                  v.nodes
                    .slice(0, 3)
                    .map(
                      (n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join('')}`
                    )
                    .join('\n    ')
              );
        }
        expect(found, found.join('\n')).toEqual([]);
      });
});
