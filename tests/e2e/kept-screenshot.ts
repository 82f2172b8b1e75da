/**
 * Compares a screenshot with the one kept in tests/e2e/__screenshots__/ (pixelmatch), as screenshots.test.ts does
 * for the charts; UPDATE_SCREENSHOTS=1 rewrites it after an intended change (look at it before committing).
 */
import { expect } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

const DIR = 'tests/e2e/__screenshots__';
const OUT = 'tests/e2e/__output__';
/** Share of pixels allowed to differ: antialiasing noise, not a changed word or line. */
const TOLERANCE = 0.005;

export function expectKeptScreenshot(name: string, shot: Buffer): void {
  const file = join(DIR, `${name}.png`);
  if (process.env.UPDATE_SCREENSHOTS === '1' || !existsSync(file)) {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(file, shot);
    if (process.env.UPDATE_SCREENSHOTS !== '1')
      throw new Error(`No kept screenshot for ${name}: wrote ${file}; look at it, commit it, run again`);
    return;
  }
  const [a, b] = [PNG.sync.read(readFileSync(file)), PNG.sync.read(shot)];
  expect({ width: b.width, height: b.height }, `size of ${name}`).toEqual({
    width: a.width,
    height: a.height
  });
  const diff = new PNG({ width: a.width, height: a.height });
  const n = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.1 });
  if (n / (a.width * a.height) > TOLERANCE) {
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, `${name}.actual.png`), shot);
    writeFileSync(join(OUT, `${name}.diff.png`), PNG.sync.write(diff));
  }
  expect(
    n / (a.width * a.height),
    `share of pixels that differ for ${name} (see ${OUT})`
  ).toBeLessThanOrEqual(TOLERANCE);
}
