/** The validator CLI on the big file, as a person runs it: wall time and peak RSS. */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { descendants, statusKb } from './memory';
import type { FigureResult } from './report';
import { max, mb, median, ms } from './stats';

const TIME = '/usr/bin/time';

interface Run {
  wallMs: number;
  rssBytes: number;
  exit: number;
  how: string;
}

/**
 * `npm run --silent validate -- FILE` under GNU time -v when present (its maximum resident set size is the
 * largest single process of the tree: the node process that validates); otherwise spawned directly and the
 * largest VmHWM of its process tree sampled every 50 ms from /proc.
 */
function runOnce(file: string): Promise<Run> {
  const useTime = existsSync(TIME);
  const cmd = useTime ? TIME : 'npm';
  const args = [...(useTime ? ['-v', 'npm'] : []), 'run', '--silent', 'validate', '--', file];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    let hwm = 0;
    const timer = useTime
      ? undefined
      : setInterval(() => {
          for (const p of [child.pid!, ...descendants(child.pid!)]) hwm = Math.max(hwm, statusKb(p, 'VmHWM'));
        }, 50);
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      if (timer) clearInterval(timer);
      const exit = useTime ? Number(err.match(/Exit status: (\d+)/)?.[1] ?? code) : (code ?? -1);
      const rssKb = useTime
        ? Number(err.match(/Maximum resident set size \(kbytes\): (\d+)/)?.[1] ?? NaN)
        : hwm;
      resolve({
        wallMs,
        rssBytes: rssKb * 1024,
        exit,
        how: useTime ? 'GNU time -v' : '/proc VmHWM sampling'
      });
    });
  });
}

export async function validatorCli(
  file: string,
  rows: number,
  runs: number,
  log: (s: string) => void
): Promise<FigureResult> {
  const rs: Run[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await runOnce(file);
    log(`  validate run ${i + 1}/${runs}: ${ms(r.wallMs)}, peak RSS ${mb(r.rssBytes)}, exit ${r.exit}`);
    rs.push(r);
  }
  const wall = median(rs.map((r) => r.wallMs));
  const ok = rs.every((r) => r.exit === 0);
  return {
    name: 'validator_cli',
    goal: 'exits 0 (no errors) on the generated file; time and memory are recorded, no limit set',
    meets: ok,
    method:
      `${runs} runs of \`npm run --silent validate -- FILE\` (${rows.toLocaleString('en')} rows, ${mb(statSync(file).size)}), ` +
      `stdout discarded; wall time from spawn to exit (includes npm and tsx start-up); peak RSS by ${rs[0].how}.`,
    values: {
      rows,
      wall_ms: wall,
      rows_per_s: Math.round(rows / (wall / 1000)),
      peak_rss_bytes: max(rs.map((r) => r.rssBytes)),
      exit_codes: rs.map((r) => r.exit).join(',')
    },
    rows: [
      [
        'wall time (median)',
        `${ms(wall)}  (${Math.round(rows / (wall / 1000)).toLocaleString('en')} rows/s)`
      ],
      ['peak RSS (max)', mb(max(rs.map((r) => r.rssBytes)))],
      ['exit codes', rs.map((r) => r.exit).join(', ')]
    ]
  };
}
