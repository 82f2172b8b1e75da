import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

const BUILD_DIR = process.env.BUILD_DIR ?? 'build';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    // Static files any web server can host; every page is prerendered from the bundled data.
    // BUILD_DIR / KIT_OUT_DIR let parallel builds (e.g. a benchmark beside a test run) use separate folders.
    adapter: adapter({ pages: BUILD_DIR, assets: BUILD_DIR, fallback: undefined, strict: true }),
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
    prerender: { handleHttpError: 'fail', handleMissingId: 'fail' }
  }
};
