/**
 * `npm run bench`: builds the site into its own folder, serves it with sirv (gzip) on a free localhost port, and
 * measures, with Debian's Chromium and Node on this machine:
 *   cold_load_overview, cold_load_embed, first_interaction, ingest_100k, ingest_1m, interaction, validator_cli
 * (each a median of several runs; each comparison a ratio against a baseline measured in the same run).
 * Prints a table, then, as the last line, one JSON object with every figure, its goal and whether it is met.
 *
 *   npm run bench [-- --no-build] [--dir build-bench] [--only validator,cold,first,ingest,interaction] [--quick]
 *
 * --no-build reuses the folder as built; --quick runs each figure fewer times (for trying the bench itself).
 * Not part of `npm test`: it takes several minutes and its figures depend on the machine.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  statSync,
  writeFileSync
} from 'node:fs';
import { cpus, loadavg, totalmem, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { chromiumVersion } from './browser';
import { coldLoads, writeFloorPage } from './cold';
import { firstInteraction } from './first';
import { ingest } from './ingest';
import { interaction } from './interaction';
import { ok, type FigureResult } from './report';
import { precompress, serve, type Served } from './server';
import { round } from './stats';
import { validatorCli } from './validator';

const GROUPS = ['validator', 'cold', 'first', 'ingest', 'interaction'] as const;
type Group = (typeof GROUPS)[number];

function parseArgs(argv: string[]) {
  const o = { build: true, dir: 'build-bench', only: new Set<Group>(GROUPS), quick: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-build') o.build = false;
    else if (a === '--quick') o.quick = true;
    else if (a === '--dir') o.dir = argv[++i];
    else if (a === '--only') {
      const list = argv[++i].split(',') as Group[];
      const bad = list.filter((g) => !GROUPS.includes(g));
      if (bad.length) throw new Error(`--only: unknown ${bad.join(', ')} (known: ${GROUPS.join(', ')})`);
      o.only = new Set(list);
    } else {
      process.stderr.write(
        'usage: npm run bench [-- --no-build] [--dir DIR] [--only validator,cold,first,ingest,interaction] [--quick]\n'
      );
      process.exit(2);
    }
  }
  // Interaction needs the 1M upload the ingest leaves in the browser.
  if (o.only.has('interaction')) o.only.add('ingest');
  return o;
}

const opts = parseArgs(process.argv.slice(2));
const RESULTS = 'bench-results';
const DATA = join(RESULTS, 'data');
const KIT_OUT = '.svelte-kit-bench';
const started = performance.now();
const elapsed = () => `${round((performance.now() - started) / 1000, 0)} s`;
const log = (s: string) => process.stderr.write(`[bench ${elapsed()}] ${s}\n`);
const RUNS = opts.quick
  ? { cold: 2, coldDb: 1, first: 1, ingest100k: 1, ingest1m: 1, validator: 1, changes: 21 }
  : { cold: 5, coldDb: 3, first: 3, ingest100k: 3, ingest1m: 2, validator: 2, changes: 70 };

function exec(cmd: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(logFile);
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.on('error', reject);
    child.on('close', (code) =>
      out.end(() =>
        code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')}: exit ${code}, see ${logFile}`))
      )
    );
  });
}

/** The generated long CSV with `rows` rows (regenerated when the generator is newer than the file). */
async function dataFile(rows: number, label: string): Promise<string> {
  const file = join(DATA, `long-${label}.csv`);
  const gen = 'scripts/gen-big-csv.ts';
  if (!existsSync(file) || statSync(file).mtimeMs < statSync(gen).mtimeMs) {
    log(`generating ${file} (${rows.toLocaleString('en')} rows)`);
    await exec('node_modules/.bin/tsx', [gen, file, String(rows)], {}, join(RESULTS, `gen-${label}.log`));
  }
  return file;
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

async function machine() {
  const [cpu] = cpus();
  return {
    date: new Date().toISOString(),
    commit:
      git(['rev-parse', '--short', 'HEAD']) +
      (git(['status', '--porcelain', '--untracked-files=no']) ? ' (with uncommitted changes)' : ''),
    nproc: availableParallelism(),
    cpu: cpu?.model ?? '',
    memory_gb: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    chromium: await chromiumVersion(),
    load_avg_start: loadavg().map((l) => round(l, 2))
  };
}

function table(figures: FigureResult[], m: Awaited<ReturnType<typeof machine>>, buildNote: string): string {
  const lines: string[] = [];
  lines.push(
    `Benchmark ${m.date}, commit ${m.commit} — ${m.nproc} cores (${m.cpu}), ${m.memory_gb} GB, Node ${m.node}, ` +
      `Chromium ${m.chromium}`,
    `Load average at start ${m.load_avg_start.join(' ')}, at end ${loadavg()
      .map((l) => round(l, 2))
      .join(' ')}; ${buildNote}`,
    ''
  );
  const w1 = Math.max(...figures.flatMap((f) => f.rows.map((r) => r[0].length)), 20) + 2;
  for (const f of figures) {
    lines.push(`${f.name} — goal: ${f.goal} — ${ok(f.meets)}`);
    for (const [k, v] of f.rows) lines.push(`  ${k.padEnd(w1)}${v}`);
    lines.push('');
  }
  return lines.join('\n');
}

async function main() {
  mkdirSync(DATA, { recursive: true });
  const dir = opts.dir;
  let buildNote = `served ${dir}/ as built earlier (--no-build)`;
  if (opts.build) {
    log(`building into ${dir}/ (${KIT_OUT}/); log in ${RESULTS}/build.log`);
    const t = performance.now();
    // tsconfig.json extends .svelte-kit/tsconfig.json, which a fresh clone has not made yet.
    await exec('node_modules/.bin/svelte-kit', ['sync'], {}, join(RESULTS, 'sync.log'));
    await exec(
      'node_modules/.bin/vite',
      ['build'],
      { BUILD_DIR: dir, KIT_OUT_DIR: KIT_OUT },
      join(RESULTS, 'build.log')
    );
    buildNote = `built ${dir}/ in ${round((performance.now() - t) / 1000, 0)} s`;
    log(buildNote);
  } else if (!existsSync(join(dir, 'index.html')))
    throw new Error(`${dir}/index.html is missing: run without --no-build`);

  const m = await machine();
  const big = opts.only.has('ingest') || opts.only.has('validator') ? await dataFile(1_000_000, '1m') : '';
  const small = opts.only.has('ingest') ? await dataFile(100_000, '100k') : '';

  // The bench's own files under <dir>/__bench/: the blank page, the overview's floor, the read_csv baseline module,
  // the CSVs.
  const benchDir = join(dir, '__bench');
  mkdirSync(join(benchDir, 'data'), { recursive: true });
  cpSync('bench/blank.html', join(benchDir, 'blank.html'));
  writeFloorPage(dir);
  if (opts.only.has('ingest')) {
    for (const f of [big, small]) cpSync(f, join(benchDir, 'data', f.split('/').pop()!));
    await build({
      configFile: false,
      logLevel: 'warn',
      root: process.cwd(),
      build: {
        lib: { entry: 'bench/pages/baseline.ts', formats: ['es'], fileName: () => 'baseline.js' },
        outDir: benchDir,
        emptyOutDir: false,
        copyPublicDir: false,
        target: 'es2022'
      }
    });
  }
  const t = performance.now();
  const n = await precompress(dir);
  log(`gzip: ${n} files precompressed in ${round((performance.now() - t) / 1000, 1)} s`);

  const figures: FigureResult[] = [];
  let server: Served | undefined;
  try {
    if (opts.only.has('validator')) {
      log('validator_cli');
      figures.push(await validatorCli(big, 1_000_000, RUNS.validator, log));
    }
    server = await serve(dir);
    log(`serving ${dir}/ on ${server.url}`);
    if (opts.only.has('cold')) {
      log('cold_load_overview, cold_load_embed');
      figures.push(...(await coldLoads(server.url, RUNS.cold, RUNS.coldDb, log)));
    }
    if (opts.only.has('first')) {
      log('first_interaction');
      figures.push(await firstInteraction(server.url, RUNS.first, log));
    }
    if (opts.only.has('ingest')) {
      const assets = readdirSync(join(dir, '_app/immutable/assets'));
      const wasm = assets.find((f) => /^duckdb-eh\..*\.wasm$/.test(f));
      const worker = assets.find((f) => /^duckdb-browser-eh\.worker\..*\.js$/.test(f));
      if (!wasm || !worker) throw new Error('DuckDB-WASM eh bundle not found in the build');
      const common = {
        wasmUrl: `${server.url}/_app/immutable/assets/${wasm}`,
        workerUrl: `${server.url}/_app/immutable/assets/${worker}`
      };
      log('ingest_100k');
      const r100k = await ingest(
        {
          name: 'ingest_100k',
          file: small,
          url: `${server.url}/__bench/data/long-100k.csv`,
          rows: 100_000,
          runs: RUNS.ingest100k,
          ...common
        },
        log
      );
      figures.push(r100k.figure);
      log('ingest_1m');
      const r1m = await ingest(
        {
          name: 'ingest_1m',
          file: big,
          url: `${server.url}/__bench/data/long-1m.csv`,
          rows: 1_000_000,
          runs: RUNS.ingest1m,
          ...common
        },
        log,
        opts.only.has('interaction')
      );
      figures.push(r1m.figure);
      if (r1m.session) {
        try {
          log('interaction (the 1M upload is stored in this browser)');
          // The extra visit (getDb loading the stored 1M upload) costs ~20–50 s: only within the time budget.
          const reload = performance.now() - started < 7 * 60_000;
          figures.push(await interaction(r1m.session, server.url, log, RUNS.changes, reload));
        } finally {
          await r1m.session.close();
        }
      }
    }
  } finally {
    await server?.close();
    log(`server stopped; ${elapsed()} in all`);
  }

  const text = table(figures, m, buildNote);
  const json = {
    bench: 'antq-dashboard',
    ...m,
    load_avg_end: loadavg().map((l) => round(l, 2)),
    build: buildNote,
    seconds: round((performance.now() - started) / 1000, 0),
    all_met: figures.every((f) => f.meets !== false),
    figures: Object.fromEntries(
      figures.map((f) => [
        f.name,
        {
          ...Object.fromEntries(
            Object.entries(f.values).map(([k, v]) => [k, typeof v === 'number' ? round(v, 1) : v])
          ),
          goal: f.goal,
          meets: f.meets,
          method: f.method
        }
      ])
    )
  };
  writeFileSync(join(RESULTS, 'latest.txt'), text + '\n');
  writeFileSync(join(RESULTS, 'latest.json'), JSON.stringify(json, null, 2) + '\n');
  process.stdout.write(text + '\n' + JSON.stringify(json) + '\n');
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
