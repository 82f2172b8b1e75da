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
  previewCityFigures,
  removeUpload,
  type StoredUpload
} from '$db/uploads';
import { createAreaResolver, importCsv, toCanonicalCsv } from '$import';
import type { Report } from '$model/types';
import { diskBundle } from '../../../src/lib/server/bundle';

const area = (f: string) => readFileSync(`data/areas/${f}`, 'utf8');
const areas = createAreaResolver({
  hn2019: area('hanoi-units-2019.csv'),
  hn2025: area('hanoi-units-2025.csv'),
  vn2019: area('vietnam-provinces-2019.csv'),
  vn2025: area('vietnam-provinces-2025.csv')
});

let db: Connector;
let csv: Blob;
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
const upload = (id: string, text = csv): StoredUpload => ({
  meta: meta(id),
  csv: text,
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
  csv = new Blob([toCanonicalCsv(r.table)], { type: 'text/csv' });
}, 120_000);

describe('uploads: DuckDB and IndexedDB together', { timeout: 120_000 }, () => {
  it('previews the city figures with the report and then leaves the database exactly as it was', async () => {
    const start = await city();
    const { before, after } = await previewCityFigures(db, meta('upload-preview'), csv);
    expect(JSON.stringify(before)).toBe(start);
    const h1 = after.find((f) => f.period === '2025-H1' && f.metric === 'tips' && f.category === '');
    expect(h1).toMatchObject({ value: 51234, kind: 'uploaded' });
    // Real district figures beat the demo communes' sum for 2024 at the district itself.
    expect(await city()).toBe(start);
    expect(await db.query("SELECT * FROM reports WHERE id = 'upload-preview'")).toHaveLength(0);
  });

  it('commits to both stores, survives a fresh database, and is removed from both', async () => {
    expect((await tips('2024', '001'))?.kind).toBe('demo');
    await commitUpload(db, upload('upload-1-test'));
    expect(await countUploads()).toBe(1);
    expect((await listUploads())[0]).not.toHaveProperty('csv');
    expect(await (await getUpload('upload-1-test'))?.csv.text()).toBe(await csv.text());
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
    const bad = new Blob([(await csv.text()).replace(',001,tips', ',99999,tips')]);
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
