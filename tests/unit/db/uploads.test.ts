import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '$db/bundle';
import type { Connector } from '$db/connector';
import { openNodeDb } from '$db/node';
import { areaSeries } from '$db/queries/series';
import {
  commitUpload,
  countUploads,
  getUpload,
  listUploads,
  loadStoredUploads,
  removeUpload,
  stageUpload,
  unstageUpload,
  ARROW_TYPE,
  type StoredUpload
} from '$db/uploads';
import { importCsv, toCanonicalCsv, type ObservationTable } from '$import';
import { arrowToCanonicalCsv, observationsToArrow } from '$import/arrow';
import type { Report } from '$model/types';
import { refreshFigures } from '$db/figures';
import { diskBundle } from '../../../src/lib/server/bundle';
import { referenceAreas } from '../../fixtures/areas';

const areas = referenceAreas();

let db: Connector;
let csv: Blob;
let table: ObservationTable;
const arrow = (id: string) =>
  new Blob([observationsToArrow(table, id) as Uint8Array<ArrayBuffer>], { type: ARROW_TYPE });
const meta = (id: string): Report => ({
  id,
  title: 'Test upload',
  publisher: 'Công an TP',
  published: '2025-07-15',
  url: '',
  kind: 'uploaded',
  notes: '',
  file: 'valid-long.csv'
});
const upload = (id: string, data: Blob = arrow(id)): StoredUpload => ({
  meta: meta(id),
  data,
  fileName: 'valid-long.csv',
  uploadedAt: new Date().toISOString(),
  rows: 8,
  observations: 8
});
const city = async () => JSON.stringify(await db.query(areaSeries('01')));
const tips = async (period: string, area = '01') =>
  (await db.query(areaSeries(area))).find(
    (f) => f.period === period && f.metric === 'tips' && f.category === ''
  );

beforeAll(async () => {
  db = await openNodeDb();
  await loadBundle(db, diskBundle());
  const r = await importCsv(readFileSync('tests/fixtures/upload/valid-long.csv'), { areas });
  table = r.table;
  csv = new Blob([toCanonicalCsv(r.table)], { type: 'text/csv' });
}, 120_000);

describe('uploads: DuckDB and IndexedDB together', { timeout: 120_000 }, () => {
  it('stages an upload for its preview without changing any figure, and unstages it without a trace', async () => {
    const start = await city();
    const obs = await db.query('SELECT count(*)::INTEGER AS n FROM observations');
    const bytes = new Uint8Array(await arrow('upload-preview').arrayBuffer());
    const { before, after } = await stageUpload(db, 'p1', meta('upload-preview'), bytes, ARROW_TYPE);
    expect(JSON.stringify(before)).toBe(start);
    const h1 = after.find((f) => f.period === '2025-H1' && f.metric === 'tips' && f.category === '');
    expect(h1).toMatchObject({ value: 51234, kind: 'uploaded', report_id: 'upload-preview' });
    // Staged rows are invisible: every figure, and the report list, are as they were.
    expect(await city()).toBe(start);
    expect(await tips('2025-H1')).toBeUndefined();
    expect(await db.query("SELECT * FROM reports WHERE id = 'upload-preview'")).toHaveLength(0);
    await unstageUpload(db, 'p1', 'upload-preview');
    expect(await db.query('SELECT count(*)::INTEGER AS n FROM observations')).toEqual(obs);
    expect(await city()).toBe(start);
  });

  it('commits what was staged: the same figures as a commit from the stored bytes', async () => {
    const bytes = new Uint8Array(await arrow('upload-9-staged').arrayBuffer());
    await stageUpload(db, 'p2', meta('upload-9-staged'), bytes, ARROW_TYPE);
    await commitUpload(db, upload('upload-9-staged'), { key: 'p2' });
    const staged = await city();
    expect(await tips('2025-H1')).toMatchObject({ value: 51234, report_id: 'upload-9-staged' });
    await removeUpload(db, 'upload-9-staged');
    await commitUpload(db, upload('upload-9-staged'));
    expect(await city()).toBe(staged);
    await removeUpload(db, 'upload-9-staged');
    expect(await tips('2025-H1')).toBeUndefined();
  });

  it('keeps the stored Arrow stream convertible back to the canonical CSV', async () => {
    expect(arrowToCanonicalCsv(new Uint8Array(await arrow('x').arrayBuffer()))).toBe(await csv.text());
  });

  it('still loads uploads stored as canonical CSV by the first version', async () => {
    await commitUpload(db, upload('upload-8-csv', csv));
    expect(await tips('2025-H1')).toMatchObject({ value: 51234, report_id: 'upload-8-csv' });
    await removeUpload(db, 'upload-8-csv');
    expect(await tips('2025-H1')).toBeUndefined();
  });

  it('commits to both stores, survives a fresh database, and is removed from both', async () => {
    expect((await tips('2024', '001'))?.kind).toBe('demo');
    await commitUpload(db, upload('upload-1-test'));
    expect(await countUploads()).toBe(1);
    expect((await listUploads()).uploads[0]).not.toHaveProperty('data');
    const stored = await getUpload('upload-1-test');
    expect(stored?.data.type).toBe(ARROW_TYPE);
    expect(arrowToCanonicalCsv(new Uint8Array(await stored!.data.arrayBuffer()))).toBe(await csv.text());
    expect(await tips('2025-H1')).toMatchObject({ value: 51234, kind: 'uploaded' });
    expect(await tips('2024', '001')).toMatchObject({ value: 1111, kind: 'uploaded' });

    const fresh = await openNodeDb();
    await loadBundle(fresh, { ...diskBundle(), extraReports: loadStoredUploads });
    const h1 = (await fresh.query(areaSeries('01'))).find(
      (f) => f.period === '2025-H1' && f.metric === 'tips' && f.category === ''
    );
    expect(h1).toMatchObject({ value: 51234, report_id: 'upload-1-test' });

    await removeUpload(db, 'upload-1-test');
    expect(await countUploads()).toBe(0);
    expect(await tips('2025-H1')).toBeUndefined();
    expect((await tips('2024', '001'))?.kind).toBe('demo');
  });

  it('stores nothing anywhere when DuckDB refuses the report', async () => {
    const start = await city();
    const bad = new Blob([(await csv.text()).replace(',001,tips', ',99999,tips')], { type: 'text/csv' });
    await expect(commitUpload(db, upload('upload-2-bad', bad))).rejects.toThrow(/reference units/);
    expect(await countUploads()).toBe(0);
    expect(await city()).toBe(start);
  });

  it('rolls DuckDB back when IndexedDB refuses the write', async () => {
    const start = await city();
    const real = globalThis.indexedDB;
    const failing = {
      open: () => {
        const req = { error: new Error('quota exceeded') } as unknown as IDBOpenDBRequest;
        setTimeout(() => req.onerror?.(new Event('error')));
        return req;
      }
    };
    globalThis.indexedDB = failing as unknown as IDBFactory;
    try {
      await expect(commitUpload(db, upload('upload-3-quota'))).rejects.toThrow(/quota/);
    } finally {
      globalThis.indexedDB = real;
    }
    expect(await city()).toBe(start);
    expect(await countUploads()).toBe(0);
  });
});

describe('incremental figures', { timeout: 120_000 }, () => {
  it('after commits and a removal, equal a rebuild of everything from scratch', async () => {
    await commitUpload(db, upload('upload-4-a'));
    // A second upload of the same figures: every cell it fills is contested.
    await commitUpload(db, upload('upload-5-b'));
    await removeUpload(db, 'upload-4-a');
    await db.query('CREATE OR REPLACE TEMP TABLE incremental AS SELECT * FROM figures');
    await refreshFigures(db);
    const [diff] = await db.query<{ a: number; b: number; n: number }>(
      `SELECT (SELECT count(*) FROM (SELECT * FROM incremental EXCEPT ALL SELECT * FROM figures))::INTEGER AS a,
              (SELECT count(*) FROM (SELECT * FROM figures EXCEPT ALL SELECT * FROM incremental))::INTEGER AS b,
              (SELECT count(*) FROM figures WHERE report_id = 'upload-5-b')::INTEGER AS n`
    );
    expect(diff.n).toBeGreaterThan(0);
    expect(diff).toMatchObject({ a: 0, b: 0 });
    await removeUpload(db, 'upload-5-b');
  });
});
