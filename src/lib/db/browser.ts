/**
 * DuckDB-WASM in the browser: created once, lazily, in its own worker, from bundles this site serves itself.
 * Import this module dynamically (never from a prerendered module's top level): the first call downloads ~5–8 MB.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { arrowRows, ipcFileToStream, safeTableName, type Connector, type Query, type Row } from './connector';

/** Opens a new database in a new worker. Most callers want the shared one from `$db/client`. */
export async function openBrowserDb(): Promise<Connector> {
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
    eh: { mainModule: ehWasm, mainWorker: ehWorker }
  });
  const worker = new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const conn = await db.connect();
  const statements = new Map<string, ReturnType<typeof conn.prepare>>();
  const connector: Connector = {
    async query<T extends object = Row>(query: Query<T> | string): Promise<T[]> {
      return arrowRows<T>(await connector.queryTable(query));
    },
    async queryTable(query: Query<object> | string) {
      const { sql, params } = typeof query === 'string' ? { sql: query, params: [] } : query;
      if (params.length === 0) return conn.query(sql);
      // Prepared statements are kept per SQL text: each prepare/close is a round trip to the worker, and a view
      // re-runs the same few builders with new parameters on every change.
      const run = async () => {
        let stmt = statements.get(sql);
        if (!stmt) statements.set(sql, (stmt = conn.prepare(sql)));
        return (await stmt).query(...params);
      };
      try {
        return await run();
      } catch {
        // A kept statement can go stale (its tables were replaced): prepare it once more, and let a real error out.
        statements.delete(sql);
        return run();
      }
    },
    async registerFile(name, data) {
      if (typeof data === 'string') await db.registerFileText(name, data);
      else await db.registerFileBuffer(name, data);
    },
    async dropFile(name) {
      await db.dropFile(name);
    },
    async importArrow(table, ipc, create) {
      await conn.insertArrowFromIPCStream(ipc, { name: safeTableName(table), create });
    },
    async exportArrow(sql) {
      // The worker's answer as bytes: `conn.query` would decode it into an Arrow table on the page's thread.
      return ipcFileToStream(await conn.useUnsafe((b, id) => b.runQuery(id, sql)));
    }
  };
  return connector;
}
