import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  server: { fs: { allow: ['data'] } },
  preview: { port: 4173, strictPort: true },
  // The DuckDB-WASM blocking build runs at build time (prerender) in Node; keep it out of the SSR bundle.
  ssr: { external: ['@duckdb/duckdb-wasm'] },
  worker: { format: 'es' },
  test: {
    projects: [
      {
        extends: './vite.config.ts',
        plugins: [svelteTesting()],
        test: {
          name: 'client',
          environment: 'jsdom',
          include: ['tests/component/**/*.svelte.test.ts'],
          setupFiles: ['tests/setup-jsdom.ts']
        }
      },
      {
        extends: './vite.config.ts',
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          // Each SQL test file opens DuckDB-WASM and loads the bundled data; on 2 shared cores that can take a while.
          testTimeout: 120_000,
          hookTimeout: 120_000
        }
      },
      {
        extends: './vite.config.ts',
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false
        }
      }
    ]
  }
});
