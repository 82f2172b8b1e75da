/** Memory samplers: Chromium's renderer processes (from /proc) and a page's main-thread JS heap (CDP). */
import { readdirSync, readFileSync } from 'node:fs';
import type { Session } from './browser';

function procs(): { pid: number; ppid: number }[] {
  const out: { pid: number; ppid: number }[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      out.push({ pid: Number(d), ppid });
    } catch {
      /* gone */
    }
  }
  return out;
}

const cmdline = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
};

/** kB of a /proc/PID/status field (VmRSS, VmHWM), 0 when the process is gone. */
export function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+)`, 'm'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Every descendant of `root` (not itself). */
export function descendants(root: number): number[] {
  const all = procs();
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    const p = queue.shift()!;
    for (const c of all) {
      if (c.ppid !== p) continue;
      out.push(c.pid);
      queue.push(c.pid);
    }
  }
  return out;
}

/** The renderer processes of the Chromium that uses `profileDir` (its page and workers run in them). */
export function rendererPids(profileDir: string): number[] {
  const browser = procs().find((p) => cmdline(p.pid).some((a) => a === `--user-data-dir=${profileDir}`));
  if (!browser) return [];
  // Child processes rewrite their argv into one string: match within the joined command line.
  return descendants(browser.pid).filter((p) => / --type=renderer /.test(` ${cmdline(p).join(' ')} `));
}

/**
 * Samples, every `everyMs`, the RSS of the session's largest renderer process (the page's, with its workers) and the page's main-thread JS heap
 * (CDP Runtime.getHeapUsage). `stop()` returns the peaks in bytes.
 */
export async function sampleMemory(s: Session, everyMs = 100) {
  const cdp = await s.context.newCDPSession(s.page);
  let rss = 0;
  let heap = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const pids = rendererPids(s.dir);
      // The page and its dedicated workers share one renderer process: the largest one.
      rss = Math.max(rss, ...pids.map((p) => statusKb(p, 'VmRSS') * 1024));
      const h = await cdp.send('Runtime.getHeapUsage').catch(() => ({ usedSize: 0 }) as { usedSize: number });
      heap = Math.max(heap, h.usedSize);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await cdp.detach().catch(() => undefined);
      return { rendererRss: rss, mainHeap: heap };
    }
  };
}
