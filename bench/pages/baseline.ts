/**
 * The ingest baseline, loaded into the page under test (`import('/__bench/baseline.js')`, bundled by bench/run.ts):
 * DuckDB-WASM's own `read_csv` on the same bytes, in a database of its own, with the build's own wasm and worker.
 * Only the read is timed: registering the buffer (a copy posted to the worker) and `CREATE TABLE … AS SELECT * FROM
 * read_csv(…)` with auto-detection, the fastest way into DuckDB-WASM measured in ../shared/STACK.md.
 */
import { AsyncDuckDB, VoidLogger } from '@duckdb/duckdb-wasm';

export interface BaselineRun {
  ms: number;
  rows: number;
}

/** Opens a database (not timed), reads `bytes` `runs` times (timed each), and terminates the worker. */
export async function readCsvRuns(
  bytes: Uint8Array,
  wasmUrl: string,
  workerUrl: string,
  NativeWorker: typeof Worker,
  runs = 1
): Promise<BaselineRun[]> {
  const worker = new NativeWorker(workerUrl);
  const db = new AsyncDuckDB(new VoidLogger(), worker);
  try {
    await db.instantiate(wasmUrl);
    await db.open({ query: { castBigIntToDouble: true } });
    const conn = await db.connect();
    const out: BaselineRun[] = [];
    for (let i = 0; i < runs; i++) {
      const copy = bytes.slice(); // registerFileBuffer transfers (detaches) its buffer
      const t0 = performance.now();
      await db.registerFileBuffer('baseline.csv', copy);
      await conn.query(`CREATE OR REPLACE TABLE baseline AS SELECT * FROM read_csv('baseline.csv')`);
      const ms = performance.now() - t0;
      const n = (await conn.query('SELECT count(*) AS n FROM baseline')).toArray()[0].toJSON().n as number;
      await conn.query('DROP TABLE baseline');
      await db.dropFile('baseline.csv');
      out.push({ ms, rows: Number(n) });
    }
    await conn.close();
    return out;
  } finally {
    await db.terminate();
  }
}
