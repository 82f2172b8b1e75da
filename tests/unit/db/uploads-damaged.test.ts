/**
 * Two tabs never overwrite each other's upload, and a damaged record is quarantined: listed as damaged with what of
 * it is readable, while every other upload still loads.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '$db/bundle';
import type { Connector } from '$db/connector';
import { openNodeDb } from '$db/node';
import { areaSeries } from '$db/queries/series';
import {
  commitUpload,
  deleteUpload,
  getUpload,
  listUploads,
  loadStoredUploads,
  ARROW_TYPE,
  type StoredUpload
} from '$db/uploads';
import { importCsv, type ObservationTable } from '$import';
import { observationsToArrow } from '$import/arrow';
import { uploadId } from '$model/upload';
import { diskBundle } from '../../../src/lib/server/bundle';
import { referenceAreas } from '../../fixtures/areas';

const areas = referenceAreas();

let table: ObservationTable;
const upload = (id: string, title = 'Test upload'): StoredUpload => ({
  meta: {
    id,
    title,
    publisher: 'Công an TP',
    published: '2025-07-15',
    url: '',
    kind: 'uploaded',
    notes: '',
    file: `${id}.csv`
  },
  data: new Blob([observationsToArrow(table, id) as Uint8Array<ArrayBuffer>], { type: ARROW_TYPE }),
  fileName: 'report.csv',
  uploadedAt: new Date().toISOString(),
  rows: 8,
  observations: 8
});
const fresh = async () => {
  const db = await openNodeDb();
  await loadBundle(db, diskBundle());
  return db;
};
const h1 = async (db: Connector) =>
  (await db.query(areaSeries('01'))).find(
    (f) => f.period === '2025-H1' && f.metric === 'tips' && f.category === ''
  );

/** Writes a record straight into the store, as a bug, an old version or a damaged disk might have left it. */
async function putRaw(key: string, record: unknown, summary: unknown = record): Promise<void> {
  const idb = await new Promise<IDBDatabase>((ok, fail) => {
    const req = indexedDB.open('antq-uploads', 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore('reports');
      req.result.createObjectStore('summaries');
    };
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
  });
  await new Promise<void>((ok, fail) => {
    const tx = idb.transaction(['reports', 'summaries'], 'readwrite');
    tx.objectStore('reports').put(record, key);
    tx.objectStore('summaries').put(summary, key);
    tx.oncomplete = () => ok();
    tx.onabort = () => fail(tx.error);
  });
  idb.close();
}

let tabA: Connector;
let tabB: Connector;
beforeAll(async () => {
  table = (await importCsv(readFileSync('tests/fixtures/upload/valid-long.csv'), { areas })).table;
  [tabA, tabB] = [await fresh(), await fresh()];
}, 180_000);

describe('two tabs', { timeout: 120_000 }, () => {
  it('give two files of one name added in the same second two ids', () => {
    const now = new Date('2026-12-04T10:00:00Z');
    const ids = new Set(Array.from({ length: 50 }, () => uploadId('report.csv', now)));
    expect(ids.size).toBe(50);
    expect([...ids][0]).toMatch(/^upload-20261204100000-report-[0-9a-f]{8}$/);
  });

  it('refuse a commit whose id is already stored, with a reason, and roll DuckDB back', async () => {
    const id = 'upload-20261204100000-report-1';
    await commitUpload(tabA, upload(id, 'From tab A'));
    const before = JSON.stringify(await tabB.query(areaSeries('01')));
    const err = await commitUpload(tabB, upload(id, 'From tab B')).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).name).toBe('UploadExistsError');
    expect((err as Error).message).not.toMatch(/^null$|undefined/);
    // Tab B's DuckDB is as it was; tab A's record is the one kept.
    expect(JSON.stringify(await tabB.query(areaSeries('01')))).toBe(before);
    expect(await tabB.query(`SELECT * FROM reports WHERE id = '${id}'`)).toHaveLength(0);
    expect((await getUpload(id))?.meta.title).toBe('From tab A');
    await deleteUpload(id);
  });
});

describe('damaged records are quarantined', { timeout: 120_000 }, () => {
  it('load everything else and report a record with garbage data and one missing fields', async () => {
    const good = upload('upload-good');
    await commitUpload(tabA, good);
    const garbage = {
      ...upload('upload-garbage', 'Garbage'),
      data: new Blob(['not arrow'], { type: ARROW_TYPE })
    };
    await putRaw('upload-garbage', garbage, { ...garbage, data: undefined });
    await putRaw('upload-fields', { meta: { id: 'upload-fields' }, fileName: 'half.csv' });

    // Before DuckDB has tried the data: the record missing fields is already damaged, the others listed.
    const listed = await listUploads();
    expect(listed.uploads.map((u) => u.meta.id).sort()).toEqual(['upload-garbage', 'upload-good']);
    expect(listed.damaged).toEqual([
      expect.objectContaining({ id: 'upload-fields', fileName: 'half.csv', title: undefined })
    ]);

    const db = await openNodeDb();
    let damaged: Awaited<ReturnType<typeof loadStoredUploads>> = [];
    await loadBundle(db, {
      ...diskBundle(),
      extraReports: async (d) => (damaged = await loadStoredUploads(d))
    });
    expect(damaged.map((d) => d.id).sort()).toEqual(['upload-fields', 'upload-garbage']);
    expect(await h1(db)).toMatchObject({ value: 51234, report_id: 'upload-good' });

    // After the load: the garbage one is listed as damaged too, with its name and date.
    const after = await listUploads();
    expect(after.uploads.map((u) => u.meta.id)).toEqual(['upload-good']);
    const g = after.damaged.find((d) => d.id === 'upload-garbage');
    expect(g).toMatchObject({ title: 'Garbage', fileName: 'report.csv' });
    expect(g?.uploadedAt).toMatch(/^\d{4}-/);

    // And each can be removed.
    await deleteUpload('upload-garbage');
    await deleteUpload('upload-fields');
    expect((await listUploads()).damaged).toEqual([]);
    await deleteUpload('upload-good');
  });

  it('list the others when a summary is not even an object', async () => {
    await putRaw('upload-null', null);
    const { uploads, damaged } = await listUploads();
    expect(uploads).toEqual([]);
    expect(damaged).toEqual([expect.objectContaining({ id: 'upload-null', reason: 'not an object' })]);
    await deleteUpload('upload-null');
  });
});
