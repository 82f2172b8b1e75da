/** Serves a built folder on a port: `tsx scripts/serve.ts [dir=build] [port=4173]` (for screenshots and benchmarks). */
import { createServer } from 'node:http';
import sirv from 'sirv';

const [dir = 'build', port = '4173'] = process.argv.slice(2);
const serve = sirv(dir, { extensions: ['html'], etag: true });
createServer((req, res) =>
  serve(req, res, () => {
    res.statusCode = 404;
    res.end('not found');
  })
).listen(Number(port), '127.0.0.1', () => console.log(`serving ${dir} on http://127.0.0.1:${port}`));
