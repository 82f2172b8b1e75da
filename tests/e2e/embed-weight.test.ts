/**
 * Every prerendered embed page, as a reader would download it: its HTML and every file it references (styles,
 * scripts, icon, images, and what the CSS references), gzip-compressed, must stay under 150 KB. Reads build/.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHARTS } from '$charts/registry';

const BUILD = process.env.E2E_BUILD_DIR ?? 'build';
const LIMIT = 150 * 1024;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? htmlFiles(p) : f.endsWith('.html') ? [p] : [];
  });
}

/** The URL path a file under build/ is served at (`build/embed/x.html` → `/embed/x`). */
const urlOf = (file: string) =>
  '/' +
  relative(BUILD, file)
    .split('\\')
    .join('/')
    .replace(/\.html$/, '');

/** Files referenced by an HTML or CSS text, as paths under build/ (same-site, so they count). */
function references(text: string, fromUrl: string, css: boolean): string[] {
  const re = css
    ? /url\(\s*["']?([^"')]+)["']?\s*\)/g
    : /<(?:link|script|img|source|iframe)\b[^>]*?\s(?:href|src)=["']([^"']+)["']/g;
  return [...text.matchAll(re)]
    .map((m) => m[1])
    .filter((u) => !/^(data:|#|https?:)/.test(u))
    .map((u) => posix.normalize(posix.join(posix.dirname(fromUrl), u.split(/[?#]/)[0])));
}

/** Total gzip size of a page and everything it pulls in, with the list of files. */
function weigh(file: string): { bytes: number; files: string[] } {
  const seen = new Set<string>();
  const queue = [urlOf(file)];
  let bytes = 0;
  while (queue.length) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const path = [join(BUILD, url), join(BUILD, `${url}.html`)].find(
      (p) => existsSync(p) && statSync(p).isFile()
    );
    if (!path) throw new Error(`${urlOf(file)} references ${url}, which is not in build/`);
    const body = readFileSync(path);
    bytes += gzipSync(body).length;
    const isHtml = path.endsWith('.html');
    // Relative references resolve against the referring URL's folder (/embed/x → /embed/).
    if (isHtml || path.endsWith('.css')) queue.push(...references(body.toString('utf8'), url, !isHtml));
  }
  return { bytes, files: [...seen] };
}

describe('embed page weight (build/)', () => {
  const pages = existsSync(join(BUILD, 'embed')) ? htmlFiles(join(BUILD, 'embed')) : [];

  it('prerendered an embed for every registered chart, in both languages, and the not-found page', () => {
    for (const id of Object.keys(CHARTS)) {
      expect(existsSync(join(BUILD, 'embed', `${id}.html`)), id).toBe(true);
      expect(existsSync(join(BUILD, 'embed', id, 'en.html')), `${id}/en`).toBe(true);
    }
    expect(existsSync(join(BUILD, 'embed', '404.html'))).toBe(true);
  });

  it('keeps every embed page, with all it loads, under 150 KB gzip, with no JS bundle and no wasm', () => {
    expect(pages.length).toBeGreaterThan(Object.keys(CHARTS).length * 2);
    const heaviest = new Map<string, number>();
    for (const file of pages) {
      const { bytes, files } = weigh(file);
      expect(bytes, `${file}: ${bytes} B`).toBeLessThan(LIMIT);
      expect(
        files.filter((f) => /\.(js|mjs|wasm)$/.test(f)),
        file
      ).toEqual([]);
      const chart = relative(join(BUILD, 'embed'), file)
        .split(/[/\\]/)[0]
        .replace(/\.html$/, '');
      heaviest.set(chart, Math.max(heaviest.get(chart) ?? 0, bytes));
    }
    const defaults = Object.keys(CHARTS).map(
      (id) => `${id} ${weigh(join(BUILD, 'embed', `${id}.html`)).bytes}`
    );
    console.log(`embed pages: ${pages.length}\nat defaults (gzip B):\n  ${defaults.join('\n  ')}`);
    console.log(
      `heaviest variant per chart (gzip B):\n  ${[...heaviest].map((e) => e.join(' ')).join('\n  ')}`
    );
  });
});
