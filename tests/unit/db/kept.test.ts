import 'fake-indexeddb/auto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadBundle, loadSnapshot, SNAPSHOT_TABLES, type SnapshotTable } from '$db/bundle';
import type { Connector } from '$db/connector';
import { refreshFigures } from '$db/figures';
import { openNodeDb } from '$db/node';
import {
  addUpload,
  commitUpload,
  deleteUpload,
  getUpload,
  listUploads,
  loadStoredUploads,
  ARROW_TYPE
} from '$db/uploads';
import { importCsv } from '$import';
import { observationsToArrow } from '$import/arrow';
import type { StoredUpload } from '$model/upload';
import { diskBundle } from '../../../src/lib/server/bundle';
import { referenceAreas } from '../../fixtures/areas';
import { uploadedReport } from '../../fixtures/reports';

/**
 * An upload's derived candidates are kept with it at commit (db/kept.ts) and loaded on a later visit instead of
 * derived again; whatever about them does not check out is derived again. Either way the figures must equal a full
 * rebuild of everything.
 */
const areas = referenceAreas();

let page: Connector;
const snapshot = new Map<SnapshotTable, Uint8Array>();

async function uploadOf(id: string, csv: string): Promise<StoredUpload> {
  const r = await importCsv(csv, { areas });
  expect(r.error_count).toBe(0);
  const bytes = observationsToArrow(r.table, id) as Uint8Array<ArrayBuffer>;
  return {
    meta: uploadedReport(id),
    data: new Blob([bytes], { type: ARROW_TYPE }),
    fileName: `${id}.csv`,
    uploadedAt: new Date().toISOString(),
    rows: r.table.length,
    observations: r.table.length
  };
}

/** A new visit: the build's snapshot, then the stored uploads. Returns the database and whether it derived. */
async function visit(): Promise<{ db: Connector; derived: number }> {
  const db = await openNodeDb();
  const query = db.query.bind(db);
  let derived = 0;
  db.query = ((q: Parameters<Connector['query']>[0]) => {
    const sql = typeof q === 'string' ? q : q.sql;
    if (/TABLE stage_cand_\w+ AS\s+WITH obs/.test(sql)) derived++;
    return query(q);
  }) as Connector['query'];
  await loadSnapshot(db, async (t) => snapshot.get(t)!.slice(), loadStoredUploads);
  return { db, derived };
}

/** Rows of `figures` and `candidates` that differ from a full rebuild in the same database (0 and 0 when equal). */
async function diffFromRebuild(db: Connector) {
  await db.query('CREATE OR REPLACE TEMP TABLE f0 AS SELECT * FROM figures');
  await db.query('CREATE OR REPLACE TEMP TABLE c0 AS SELECT * FROM candidates');
  await refreshFigures(db);
  const [d] = await db.query<Record<string, number>>(
    `SELECT (SELECT count(*) FROM (SELECT * FROM f0 EXCEPT ALL SELECT * FROM figures))::INTEGER AS f_extra,
            (SELECT count(*) FROM (SELECT * FROM figures EXCEPT ALL SELECT * FROM f0))::INTEGER AS f_missing,
            (SELECT count(*) FROM (SELECT * FROM c0 EXCEPT ALL SELECT * FROM candidates))::INTEGER AS c_extra,
            (SELECT count(*) FROM (SELECT * FROM candidates EXCEPT ALL SELECT * FROM c0))::INTEGER AS c_missing,
            (SELECT count(*) FROM figures WHERE kind = 'uploaded')::INTEGER AS uploaded`
  );
  return d;
}

const SAME = { f_extra: 0, f_missing: 0, c_extra: 0, c_missing: 0 };

/** A district and two of its communes (sums of children: candidates), and categories of a city total. */
const DISTRICT = `period,area_code,metric,category,value,qualifier,note
2024,001,tips,,900,,
2024,00001,tips,,300,,
2024,00004,tips,,250,more_than,
2024,01,disputes_resolved,,77,,
`;

beforeAll(async () => {
  page = await openNodeDb();
  await loadBundle(page, diskBundle());
  for (const t of SNAPSHOT_TABLES) snapshot.set(t, await page.exportArrow!(`SELECT * FROM ${t}`));
}, 120_000);

beforeEach(async () => {
  for (const u of (await listUploads()).uploads) await deleteUpload(u.meta.id);
});

describe('derived candidates kept with an upload', { timeout: 120_000 }, () => {
  it('are stored at commit and loaded on the next visit instead of derived, giving a rebuild’s figures', async () => {
    await commitUpload(page, await uploadOf('kept-1', DISTRICT));
    // Written after the commit, off its path.
    await expect.poll(async () => (await getUpload('kept-1'))?.derived?.rows).toBeGreaterThan(0);
    expect((await listUploads()).uploads[0]).not.toHaveProperty('derived');

    const { db, derived } = await visit();
    expect(derived).toBe(0);
    const d = await diffFromRebuild(db);
    expect(d.uploaded).toBeGreaterThan(0);
    expect(d).toMatchObject(SAME);
  });

  it('are derived again, and the record repaired, when they do not check out', async () => {
    await commitUpload(page, await uploadOf('kept-2', DISTRICT));
    await expect.poll(async () => (await getUpload('kept-2'))?.derived).toBeDefined();
    const good = (await getUpload('kept-2'))!;
    const damaged: unknown[] = [
      { ...good.derived, hash: '1' },
      { ...good.derived, rows: good.derived!.rows + 1 },
      { ...good.derived, version: 'an older derivation' },
      { ...good.derived, arrow: new Blob([new Uint8Array(64).fill(7)]) },
      { ...good.derived, arrow: 'not a blob' },
      'nonsense'
    ];
    for (const bad of damaged) {
      await deleteUpload('kept-2');
      await addUpload({ ...good, derived: bad } as StoredUpload);
      const { db, derived } = await visit();
      expect(derived, JSON.stringify(bad)).toBe(1);
      expect(await diffFromRebuild(db)).toMatchObject(SAME);
      // Written back (not awaited by the load).
      await expect.poll(async () => (await getUpload('kept-2'))?.derived?.hash).toBe(good.derived!.hash);
    }
    // The repaired record is loaded as kept.
    expect((await visit()).derived).toBe(0);
  });

  it('are derived once for a record stored before they were kept', async () => {
    // As a record of the version before: no `derived`.
    await addUpload(await uploadOf('kept-3', DISTRICT));
    expect((await visit()).derived).toBe(1);
    await expect.poll(async () => (await getUpload('kept-3'))?.derived?.rows).toBeGreaterThan(0);
    const { db, derived } = await visit();
    expect(derived).toBe(0);
    expect(await diffFromRebuild(db)).toMatchObject(SAME);
  });

  it('are kept when there are none (a city figure alone derives nothing)', async () => {
    const csv = 'period,area_code,metric,category,value,qualifier,note\n2027,01,models,,12,,\n';
    await commitUpload(page, await uploadOf('kept-4', csv));
    await expect.poll(async () => (await getUpload('kept-4'))?.derived?.rows).toBe(0);
    const { db, derived } = await visit();
    expect(derived).toBe(0);
    expect(await diffFromRebuild(db)).toMatchObject(SAME);
  });
});
