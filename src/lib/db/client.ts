/**
 * The browser's shared database, loaded on first use. Pages call `getDb()` only when a person asks for something the
 * prerendered page does not already hold, so a reader who only looks never downloads DuckDB.
 * It starts from the build's Arrow snapshot of every table (/db/<table>.arrow: the same tables the pages were
 * prerendered from), then adds the uploads kept in this browser and, only if there are any, derives `figures` anew.
 */
import { base } from '$app/paths';
import type { Connector } from './connector';
import { loadSnapshot, SNAPSHOT_TABLES, type SnapshotTable } from './bundle';

async function fetchTable(table: SnapshotTable): Promise<Uint8Array> {
  const res = await fetch(`${base}/db/${table}.arrow`);
  if (!res.ok) throw new Error(`${table}.arrow: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

let ready: Promise<Connector> | undefined;

/** This browser has no WebAssembly (switched off by policy, or too old): DuckDB-WASM cannot run. */
export class NoWebAssemblyError extends Error {
  constructor() {
    super('This browser has no WebAssembly, which the data engine needs');
    this.name = 'NoWebAssemblyError';
  }
}

/** The shared database, loaded once with every bundled report and this browser's uploads. */
export function getDb(): Promise<Connector> {
  ready ??= (async () => {
    // Without it DuckDB's loader fails with a bare TypeError ("WebAssembly is not defined").
    if (typeof WebAssembly === 'undefined') throw new NoWebAssemblyError();
    // Start-up marks (antq:db:*; bundle.ts has the rest): when a view first asked, and when the engine was up.
    performance.mark('antq:db:called');
    // The build's tables and the stored uploads are read while the engine starts, not after it.
    const tables = new Map(SNAPSHOT_TABLES.map((t) => [t, fetchTable(t)]));
    const uploads = import('./uploads').then((m) => ({ m, stored: m.allUploads() }));
    for (const p of [...tables.values(), uploads]) p.catch(() => undefined);
    const { openBrowserDb } = await import('./browser');
    const db = await openBrowserDb();
    performance.mark('antq:db:engine');
    // Uploads kept in this browser (IndexedDB) join the bundled reports: every page then shows them.
    await loadSnapshot(
      db,
      (t) => tables.get(t)!,
      async (db) => {
        const { m, stored } = await uploads;
        return m.loadStoredUploads(db, stored);
      }
    );
    return db;
  })();
  ready.catch(() => (ready = undefined));
  return ready;
}
