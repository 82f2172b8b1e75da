/**
 * The bench's static server: the built site through sirv on a free localhost port, with gzip. Files are
 * precompressed once into `<file>.gz` beside the originals (level 9; level 6 above 4 MB, i.e. the wasm) and sirv
 * (`gzip: true`) sends them to clients that accept gzip — what a static host with precompressed files does.
 * The bench's own pages (bench/blank.html, bench/pages/*) are copied under `/__bench/`.
 */
import { createServer, type Server } from 'node:http';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCb, constants } from 'node:zlib';
import sirv from 'sirv';

const gzip = promisify(gzipCb);
// .arrow: the build's table snapshots (/db/*.arrow), which compress well; a host should gzip them too.
const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|wasm|arrow|csv|txt|xml)$/;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Writes `<file>.gz` for every compressible file that has none newer than itself. Returns files written. */
export async function precompress(dir: string): Promise<number> {
  const todo = walk(dir).filter((f) => {
    // The bench's CSVs are fetched untimed by the page: no need to compress 70 MB.
    if (!COMPRESSIBLE.test(f) || f.includes(`${sep}__bench${sep}data${sep}`)) return false;
    try {
      return statSync(`${f}.gz`).mtimeMs < statSync(f).mtimeMs;
    } catch {
      return true;
    }
  });
  let next = 0;
  // zlib runs on libuv's thread pool: a few files at a time keep both cores busy.
  const lane = async () => {
    while (next < todo.length) {
      const f = todo[next++];
      const body = readFileSync(f);
      const level = body.length > 4 << 20 ? 6 : constants.Z_BEST_COMPRESSION;
      writeFileSync(`${f}.gz`, await gzip(body, { level }));
    }
  };
  await Promise.all([lane(), lane(), lane(), lane()]);
  return todo.length;
}

/** Copies the bench's own static pages into `<dir>/__bench/`. */
export function installBenchPages(dir: string, files: Record<string, string>): void {
  mkdirSync(join(dir, '__bench'), { recursive: true });
  for (const [name, src] of Object.entries(files)) copyFileSync(src, join(dir, '__bench', name));
}

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 at a free port (call `precompress` first: sirv lists files when it starts). */
export async function serve(dir: string): Promise<Served> {
  const handler = sirv(dir, { extensions: ['html'], gzip: true, etag: true, dev: false });
  const server: Server = createServer((req, res) =>
    handler(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    })
  );
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      })
  };
}
