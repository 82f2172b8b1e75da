/**
 * Tables on phones and desktops: at 390 px /compare shows both periods and the % change without scrolling, with
 * the first column sticky; at 1280 px the area page's children table shows every row without an inner scroll box.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, type Session } from './browser';

const baseUrl = inject('baseUrl');
const sessions: Session[] = [];
afterAll(async () => {
  for (const s of sessions) await s.close();
});

describe('comparison tables', () => {
  it('keeps both periods and the % change in view at 390 px, first column sticky', async () => {
    const s = await openBrowser({ width: 390 });
    sessions.push(s);
    await s.page.goto(`${baseUrl}/compare`, { waitUntil: 'networkidle' });
    const r = await s.page.evaluate(() => {
      const table = document.querySelector('[data-chart="compare"] table')!;
      const heads = [...table.querySelectorAll('thead th')].filter(
        (th) => getComputedStyle(th).display !== 'none'
      );
      return {
        rights: heads.map((th) => th.getBoundingClientRect().right),
        sticky: getComputedStyle(table.querySelector('tbody th')!).position,
        badges: table.querySelectorAll('.badge.demo').length
      };
    });
    expect(r.rights).toHaveLength(4); // metric, period a, period b, % change
    for (const right of r.rights) expect(right).toBeLessThanOrEqual(390);
    expect(r.sticky).toBe('sticky');
    expect(r.badges).toBe(0); // demo cells carry an asterisk, explained once under the table
  });

  it('shows every child of the city on the area page at 1280 px, names on one line', async () => {
    const s = await openBrowser({ width: 1280 });
    sessions.push(s);
    await s.page.goto(`${baseUrl}/areas/01`, { waitUntil: 'networkidle' });
    const r = await s.page.evaluate(() => {
      const table = [...document.querySelectorAll('table')].find(
        (t) => t.querySelectorAll('tbody tr').length >= 30
      )!;
      const box = table.parentElement!;
      const th = table.querySelector('tbody th')!;
      return {
        scrollH: box.scrollHeight - box.clientHeight,
        scrollW: box.scrollWidth - box.clientWidth,
        lineH: th.getBoundingClientRect().height
      };
    });
    expect(r.scrollH).toBeLessThanOrEqual(1);
    expect(r.scrollW).toBeLessThanOrEqual(1);
    expect(r.lineH).toBeLessThan(40);
  });
});
