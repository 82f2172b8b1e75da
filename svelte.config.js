import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The embeds inline frame.js (routes/embed/[chart]/[[key]]/+page.svelte); kit.csp hashes only Kit's own scripts. */
const FRAME_JS = readFileSync(
  new URL('./src/routes/embed/[chart]/[[key]]/frame.js', import.meta.url),
  'utf8'
);
const frameHash = `sha256-${createHash('sha256').update(FRAME_JS).digest('base64')}`;

const BUILD_DIR = process.env.BUILD_DIR ?? 'build';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    // Static files any web server can host; every page is prerendered from the bundled data.
    // BUILD_DIR / KIT_OUT_DIR let parallel builds (e.g. a benchmark beside a test run) use separate folders.
    // 404.html: the client renders +error.svelte there, in the reader's language; a host serves it for missing paths.
    adapter: adapter({ pages: BUILD_DIR, assets: BUILD_DIR, fallback: '404.html', strict: true }),
    outDir: process.env.KIT_OUT_DIR ?? '.svelte-kit',
    alias: {
      $model: 'src/lib/model',
      $db: 'src/lib/db',
      $feeds: 'src/lib/feeds',
      $charts: 'src/lib/charts',
      $i18n: 'src/lib/i18n',
      $ui: 'src/lib/ui',
      $import: 'src/lib/import',
      $data: 'data'
    },
    // Inline the (small) stylesheets: a prerendered chart then paints without waiting for CSS requests that
    // queue behind the JS modulepreloads on an HTTP/1.1 host.
    inlineStyleThreshold: 64 * 1024,
    prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
    // Content-Security-Policy of every page, as a <meta> tag: prerendered pages cannot carry nonces, so Kit hashes its
    // own inline scripts. 'wasm-unsafe-eval' lets DuckDB-WASM compile; styles stay 'unsafe-inline' because the
    // prerendered markup carries style attributes, which no hash covers (Kit then adds no style hashes either).
    // What a meta tag cannot say (frame-ancestors) the host sends as a header: docs/security.md.
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self', 'wasm-unsafe-eval', frameHash],
        'worker-src': ['self'],
        'connect-src': ['self'],
        'img-src': ['self', 'data:', 'blob:'],
        'style-src': ['self', 'unsafe-inline'],
        'object-src': ['none'],
        'base-uri': ['self']
      }
    }
  }
};
