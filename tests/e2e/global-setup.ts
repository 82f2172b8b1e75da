/** Serves the built site (build/) on a free localhost port for the end-to-end tests. Run `npm run build` first. */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';
import type { TestProject } from 'vitest/node';

let server: Server;

export async function setup(project: TestProject) {
  const dir = process.env.E2E_BUILD_DIR ?? 'build'; // parallel builds use their own folder
  if (!existsSync(`${dir}/index.html`))
    throw new Error(`${dir}/ is missing: run \`npm run build\` before the e2e tests`);
  const serve = sirv(dir, { extensions: ['html'], dev: false, etag: true });
  // As the docs tell a host to: a missing path gets 404.html (the error page), one under /embed/ embed/404.html.
  const notFound = (url = '') => join(dir, url.startsWith('/embed/') ? 'embed/404.html' : '404.html');
  server = createServer((req, res) =>
    serve(req, res, () => {
      res.statusCode = 404;
      const page = notFound(req.url);
      if (existsSync(page)) {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(readFileSync(page));
      } else res.end('not found');
    })
  );
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  project.provide('baseUrl', `http://127.0.0.1:${port}`);
}

export async function teardown() {
  await new Promise((ok) => server?.close(ok));
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
