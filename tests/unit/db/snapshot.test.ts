import { describe, expect, it } from 'vitest';
import { loadBundle, loadSnapshot, SNAPSHOT_TABLES, type SnapshotTable } from '$db/bundle';
import { openNodeDb } from '$db/node';
import { areaSeries } from '$db/queries/series';
import { refreshFigures } from '$db/figures';
import { diskBundle } from '../../../src/lib/server/bundle';

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

    // Derived tables can be rebuilt from the snapshot's loaded data (what happens when uploads exist).
    await refreshFigures(fresh);
    expect(await fresh.query(areaSeries('001'))).toEqual(expected);
  }, 180_000);
});
