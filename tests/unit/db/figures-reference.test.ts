/**
 * Every figure and candidate equals what the SQL of commit 5f9f9fe derives (reference/figures-5f9f9fe.ts), row for
 * row, after uploads and removals: the SQL that derives and decides an upload's figures was made faster, and a
 * faster commit that changed one number would be the worst bug this product could ship. The reference is rebuilt
 * from the committed observations after each step and compared with the incrementally kept tables as multisets of
 * whole rows.
 *
 * The uploads: random small reports (a ward beside its district and the city, every ward of a district or only
 * some, categories with and without their total, qualifiers, periods that meet the bundled published and demo
 * figures, both Hà Nội structures and a province, a second upload over the first), and a generated file of every
 * commune (scripts/gen-big-csv.ts) through the Arrow stream the import worker makes, then reports over its cells.
 */
import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '$db/bundle';
import type { Connector } from '$db/connector';
import { openNodeDb } from '$db/node';
import { addReport, removeUpload } from '$db/uploads';
import { importCsv } from '$import';
import { observationsToArrow } from '$import/arrow';
import { CANONICAL_HEADER } from '$import/canonical';
import { diskBundle } from '../../../src/lib/server/bundle';
import { referenceAreas } from '../../fixtures/areas';
import { uploadedReport } from '../../fixtures/reports';
import { referenceTables } from './reference/figures-5f9f9fe';

const TAY_HO = ['00091', '00094', '00097', '00100', '00103', '00106', '00109', '00112'];
/** 2019 units: the city, Tây Hồ (003) with all its wards, Cầu Giấy (005) with 3 of 8, and a province. */
const AREAS_2019 = ['01', '003', '005', ...TAY_HO, '00157', '00160', '00163', '79'];
/** 2025 units (no districts): the city, three wards, a province. */
const AREAS_2025 = ['01', '00004', '00008', '00025', '79'];
const PERIODS = [
  ['2013-2018', '2013-01-01', '2018-12-31'],
  ['2019', '2019-01-01', '2019-12-31'],
  ['2022', '2022-01-01', '2022-12-31'],
  ['2023', '2023-01-01', '2023-12-31'],
  ['2024-H1', '2024-01-01', '2024-06-30'],
  ['2025-H2', '2025-07-01', '2025-12-31']
];
const CELLS = [
  ['tips', ''],
  ['tips', 'political_security'],
  ['tips', 'criminal'],
  ['tips', 'social_evils'],
  ['tips', 'other'],
  ['disputes_resolved', ''],
  ['patrol_turns', ''],
  ['models', ''],
  ['models', 'cluster_linkage'],
  ['models', 'self_defence'],
  ['model_communes', 'cluster_linkage']
];
const QUALIFIERS = ['exact', 'exact', 'more_than', 'about', 'nearly'];

interface Obs {
  p: number;
  a: number;
  c: number;
  value: number;
  q: string;
}

const areaOf = (o: { p: number; a: number }) =>
  PERIODS[o.p][2] >= '2025-07-01' ? AREAS_2025[o.a % AREAS_2025.length] : AREAS_2019[o.a];

const report = fc
  .record({
    periods: fc.subarray([...PERIODS.keys()], { minLength: 1, maxLength: 2 }),
    cells: fc.subarray([...CELLS.keys()], { minLength: 1, maxLength: 4 }),
    rows: fc.array(
      fc.record({
        p: fc.nat(1),
        a: fc.nat(AREAS_2019.length - 1),
        c: fc.nat(3),
        value: fc.nat(60),
        q: fc.constantFrom(...QUALIFIERS)
      }),
      { minLength: 1, maxLength: 40 }
    ),
    // Every ward of Tây Hồ, with all four tip categories, with or without their total.
    wholeDistrict: fc.option(
      fc.record({ p: fc.nat(PERIODS.length - 2), value: fc.nat(40), total: fc.boolean() }),
      { nil: undefined }
    ),
    published: fc.constantFrom('2020-05-01', '2024-03-15', '2025-07-15'),
    breaks: fc.subarray(['tips', 'models']),
    unstated: fc.subarray(['tips', 'disputes_resolved'])
  })
  .map(({ periods, cells, rows, wholeDistrict, published, breaks, unstated }) => {
    const all = new Map<string, Obs>();
    const add = (o: Obs) => all.set(`${o.p}|${areaOf(o)}|${o.c}`, o);
    for (const o of rows) add({ ...o, p: periods[o.p % periods.length], c: cells[o.c % cells.length] });
    if (wholeDistrict)
      for (const [i, a] of TAY_HO.entries()) {
        const a2 = AREAS_2019.indexOf(a);
        for (const c of [1, 2, 3, 4])
          add({ p: wholeDistrict.p, a: a2, c, value: wholeDistrict.value + i + c, q: 'exact' });
        if (wholeDistrict.total)
          add({ p: wholeDistrict.p, a: a2, c: 0, value: 4 * wholeDistrict.value + 4 * i + 10, q: 'exact' });
      }
    return { rows: [...all.values()], published, breaks, unstated };
  });

const csvOf = (rows: Obs[]) =>
  `${CANONICAL_HEADER}\n` +
  rows.map((o) => [...PERIODS[o.p], areaOf(o), ...CELLS[o.c], o.value, o.q, ''].join(',')).join('\n');

const meta = (id: string, r: { published: string; breaks?: string[]; unstated?: string[] }) =>
  uploadedReport(id, {
    published: r.published,
    file: `${id}.csv`,
    breaks: r.breaks ?? [],
    period_unstated: r.unstated ?? []
  });

let db: Connector;

/** Rows of table `a` not in `b` and of `b` not in `a`, as multisets. */
async function differ(a: string, b: string): Promise<number> {
  const [r] = await db.query<{ n: number }>(
    `SELECT ((SELECT count(*) FROM (SELECT * FROM ${a} EXCEPT ALL SELECT * FROM ${b}))
           + (SELECT count(*) FROM (SELECT * FROM ${b} EXCEPT ALL SELECT * FROM ${a})))::INTEGER AS n`
  );
  return r.n;
}

/** `figures` and `candidates` against the reference SQL's, and how many rows they hold. */
async function againstReference() {
  await referenceTables(db);
  const [n] = await db.query<{ figures: number; candidates: number }>(
    `SELECT (SELECT count(*) FROM figures)::INTEGER AS figures, (SELECT count(*) FROM candidates)::INTEGER AS candidates`
  );
  return {
    figures: await differ('figures', 'ref_figures'),
    candidates: await differ('candidates', 'ref_candidates'),
    rows: n
  };
}

beforeAll(async () => {
  db = await openNodeDb();
  await loadBundle(db, diskBundle());
}, 120_000);

describe('figures and candidates equal the reference SQL', () => {
  it('on the bundled data', async () => {
    const r = await againstReference();
    expect(r.rows.figures).toBeGreaterThan(1000);
    expect(r).toMatchObject({ figures: 0, candidates: 0 });
  });

  it('after random uploads, one over another, and their removal', async () => {
    let run = 0;
    let contested = 0;
    let partial = 0;
    let byCategories = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ report, keep: fc.boolean() }), { minLength: 1, maxLength: 3 }),
        async (uploads) => {
          run++;
          const ids = uploads.map((_, i) => `ref-${run}-${i}`);
          try {
            for (const [i, u] of uploads.entries()) {
              await addReport(db, meta(ids[i], u.report), { csv: csvOf(u.report.rows) }, `r${i}`);
              const r = await againstReference();
              expect(r).toMatchObject({ figures: 0, candidates: 0 });
            }
            const [c] = await db.query<{ contested: number; partial: number; cats: number }>(
              `SELECT (SELECT count(*) FROM figures WHERE report_id LIKE 'ref-%' AND n_candidates > 1)::INTEGER AS contested,
                      (SELECT count(*) FROM candidates WHERE report_id LIKE 'ref-%' AND partial)::INTEGER AS partial,
                      (SELECT count(*) FROM candidates WHERE report_id LIKE 'ref-%'
                         AND basis = 'sum_of_categories')::INTEGER AS cats`
            );
            contested += c.contested;
            partial += c.partial;
            byCategories += c.cats;
            for (const [i, u] of uploads.entries())
              if (!u.keep) {
                await removeUpload(db, ids[i]);
                expect(await againstReference()).toMatchObject({ figures: 0, candidates: 0 });
              }
          } finally {
            for (const id of ids) await removeUpload(db, id).catch(() => undefined);
          }
          expect(await againstReference()).toMatchObject({ figures: 0, candidates: 0 });
        }
      ),
      { numRuns: 8 }
    );
    // The comparison means something only if uploads met other figures, summed only some units, and summed
    // categories without a total.
    expect(contested).toBeGreaterThan(0);
    expect(partial).toBeGreaterThan(0);
    expect(byCategories).toBeGreaterThan(0);
  });

  it('after a generated file of every commune through Arrow, reports over its cells, and removals', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'antq-ref-'));
    const file = join(dir, 'big.csv');
    // Two months of every commune, every metric and category (totals stated), 2% "more than", 5% with a note.
    execFileSync('npx', ['tsx', 'scripts/gen-big-csv.ts', file, '32000'], { stdio: 'ignore' });
    const areas = referenceAreas();
    const imported = await importCsv(readFileSync(file), { areas });
    expect(imported.error_count).toBe(0);
    expect(imported.table.length).toBe(32000);
    await addReport(db, meta('big', { published: '2024-03-15', breaks: ['models'] }), {
      arrow: observationsToArrow(imported.table, 'big')
    });
    let r = await againstReference();
    expect(r.rows.figures).toBeGreaterThan(32000);
    expect(r).toMatchObject({ figures: 0, candidates: 0 });

    // Over it: the districts and the city for January (a published date later and earlier), some wards' tips
    // without their total, and its cells again with other values.
    const jan = ['2013-01', '2013-01-01', '2013-01-31'];
    const lines = [CANONICAL_HEADER];
    for (const a of ['001', '003', '005', '01'])
      lines.push([...jan, a, 'tips', '', 7, 'exact', ''].join(','));
    for (const a of TAY_HO.slice(0, 3))
      for (const c of ['political_security', 'criminal', 'social_evils', 'other'])
        lines.push([...jan, a, 'tips', c, 3, 'about', ''].join(','));
    lines.push([...jan, '003', 'model_communes', 'cluster_linkage', 2, 'exact', ''].join(','));
    const over = lines.join('\n');
    const again = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l, i) => i === 0 || i % 7 === 3)
      .map((l, i) =>
        i === 0 ? l : l.replace(/,(\d+),(exact|more_than),/, (_, v, q) => `,${Number(v) + 1},${q},`)
      )
      .join('\n');
    await addReport(db, meta('over-new', { published: '2025-07-15' }), { csv: over }, 'o1');
    expect(await againstReference()).toMatchObject({ figures: 0, candidates: 0 });
    await addReport(
      db,
      meta('over-old', { published: '2020-05-01', unstated: ['tips'] }),
      { csv: over },
      'o2'
    );
    expect(await againstReference()).toMatchObject({ figures: 0, candidates: 0 });
    await addReport(db, meta('again', { published: '2025-07-15' }), { csv: again }, 'o3');
    r = await againstReference();
    expect(r).toMatchObject({ figures: 0, candidates: 0 });
    const [c] = await db.query<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM figures WHERE report_id IN ('big', 'again') AND n_candidates > 1`
    );
    expect(c.n).toBeGreaterThan(1000);

    for (const id of ['over-new', 'big', 'again', 'over-old']) {
      await removeUpload(db, id);
      expect(await againstReference()).toMatchObject({ figures: 0, candidates: 0 });
    }
  });
});
