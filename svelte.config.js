import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    // Static files any web server can host; every page is prerendered from the bundled data.
    adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
    alias: {
      $model: 'src/lib/model',
      $db: 'src/lib/db',
      $charts: 'src/lib/charts',
      $i18n: 'src/lib/i18n',
      $ui: 'src/lib/ui',
      $import: 'src/lib/import',
      $data: 'data'
    },
    prerender: { handleHttpError: 'fail', handleMissingId: 'fail' }
  }
};
