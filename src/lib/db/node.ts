/** DuckDB-WASM's blocking build in Node: the same engine as the browser, for build-time prerendering and tests. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createDuckDB, NODE_RUNTIME, VoidLogger, type DuckDBBindings } from '@duckdb/duckdb-wasm/blocking';
import { arrowRows, ipcFileToStream, safeTableName, type Connector, type Query, type Row } from './connector';

/** Opens a fresh in-memory database (~0.75 s): create one per process or test file. */
export async function openNodeDb(): Promise<Connector> {
  const require = createRequire(import.meta.url);
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
  const bundles = {
    mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
    eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: '' }
  };
  const db: DuckDBBindings = await createDuckDB(bundles, new VoidLogger(), NODE_RUNTIME);
  await db.instantiate(() => {});
  db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const conn = db.connect();
  const connector: Connector = {
    async query<T extends object = Row>(query: Query<T> | string): Promise<T[]> {
      return arrowRows<T>(await connector.queryTable(query));
    },
    async queryTable(query: Query<object> | string) {
      const { sql, params } = typeof query === 'string' ? { sql: query, params: [] } : query;
      if (params.length === 0) return conn.query(sql);
      const stmt = conn.prepare(sql);
      try {
        return stmt.query(...params);
      } finally {
        stmt.close();
      }
    },
    async registerFile(name, data) {
      if (typeof data === 'string') db.registerFileText(name, data);
      else db.registerFileBuffer(name, data);
    },
    async dropFile(name) {
      db.dropFile(name);
    },
    async importArrow(table, ipc, create) {
      conn.insertArrowFromIPCStream(ipc, { name: safeTableName(table), create });
    },
    async exportArrow(sql) {
      // The engine answers in the IPC *file* format; insertArrowFromIPCStream takes the stream inside it.
      return ipcFileToStream(conn.useUnsafe((bindings, id) => bindings.runQuery(id, sql)));
    }
  };
  return connector;
}
