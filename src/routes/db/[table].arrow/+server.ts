/**
 * Build-time snapshots of the database's tables as Arrow IPC streams (/db/figures.arrow …), so the browser's DuckDB
 * starts from the same tables the prerendered pages were made from, without parsing CSVs or deriving `figures`.
 */
import { error } from '@sveltejs/kit';
import { buildDb } from '$lib/server/db';
import { SNAPSHOT_TABLES, type SnapshotTable } from '$db/bundle';

export const prerender = true;

export function entries() {
  return SNAPSHOT_TABLES.map((table) => ({ table }));
}

export async function GET({ params }) {
  if (!SNAPSHOT_TABLES.includes(params.table as SnapshotTable)) error(404, `No table ${params.table}`);
  const db = await buildDb();
  // The name is one of SNAPSHOT_TABLES (checked above), never user text.
  const ipc = await db.exportArrow!(`SELECT * FROM ${params.table}`);
  return new Response(new Blob([ipc as Uint8Array<ArrayBuffer>]), {
    headers: { 'content-type': 'application/vnd.apache.arrow.stream' }
  });
}
