import { describe, expect, it } from 'vitest';
import { loadBundle, loadSnapshot, SNAPSHOT_TABLES, type SnapshotTable } from '$db/bundle';
import { openNodeDb } from '$db/node';
import { areaSeries } from '$db/queries/series';
import { addReport } from '$db/uploads';
import { diskBundle } from '../../../src/lib/server/bundle';
import { uploadedReport } from '../../fixtures/reports';

describe('prebuilt snapshot', () => {
  it('gives the same figures as loading the CSVs, with and without a refresh after extra reports', async () => {
    const built = await openNodeDb();
    await loadBundle(built, diskBundle());
    const ipc = new Map<SnapshotTable, Uint8Array>();
    for (const t of SNAPSHOT_TABLES) ipc.set(t, await built.exportArrow!(`SELECT * FROM ${t}`));
    const expected = await built.query(areaSeries('001'));

    const fresh = await openNodeDb();
    const t0 = performance.now();
    await loadSnapshot(fresh, async (t) => ipc.get(t)!);
    console.log('snapshot load ms', performance.now() - t0);
    expect(await fresh.query(areaSeries('001'))).toEqual(expected);
    const [tips] = (await fresh.query(areaSeries('01'))).filter(
      (f) => f.metric === 'tips' && f.period === '2013–2018' && f.category === ''
    );
    expect(tips).toMatchObject({ value: 208229, kind: 'published', period_start: '2013-01-01' });

    // With an upload, its figures are added to the snapshot's (figures.ts, addReportFigures).
    const withUpload = await openNodeDb();
    await loadSnapshot(
      withUpload,
      async (t) => ipc.get(t)!,
      async (db) => {
        const csv =
          'period,period_start,period_end,area_code,metric,category,value,qualifier,note\n2026,2026-01-01,2026-12-31,01,tips,,1234,exact,\n';
        await addReport(db, uploadedReport('up-1'), { csv });
      }
    );
    expect(await withUpload.query(areaSeries('001'))).toEqual(expected);
    const city = await withUpload.query(areaSeries('01'));
    expect(city.find((f) => f.period === '2026' && f.metric === 'tips')).toMatchObject({
      value: 1234,
      kind: 'uploaded'
    });
    expect(city.filter((f) => f.period === '2013–2018').length).toBe(
      (await built.query(areaSeries('01'))).filter((f) => f.period === '2013–2018').length
    );
  }, 180_000);
});
