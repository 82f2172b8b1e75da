import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$db/connector';
import { openNodeDb } from '$db/node';
import { slices, type Idle } from '$db/slices';

// 300,000 rows (three of DuckDB's 122,880-row groups), 30 areas a group: a group read from DuckDB comes back in
// the table's stored order, with no ORDER BY (slices.ts), also across a row group's boundary.
let db: Connector;
beforeAll(async () => {
  db = await openNodeDb();
  // 3 parents × 2 metrics × 3 days × 4 areas; value pmda in digits.
  await db.query(
    `CREATE TABLE small AS
     SELECT dense_rank() OVER (ORDER BY parent_code, metric, period_start, period_end)::INTEGER AS g, *
     FROM (SELECT 'p' || p AS parent_code, 'm' || m AS metric, DATE '2000-01-01' + d::INTEGER AS period_start,
                  DATE '2000-01-01' + d::INTEGER AS period_end, 'a' || a AS area_code,
                  (p * 1000 + m * 100 + d * 10 + a)::DOUBLE AS value
           FROM range(3) t1(p), range(2) t2(m), range(3) t3(d), range(4) t4(a))
     ORDER BY g, area_code`
  );
  await db.query(
    `CREATE TABLE big AS
     SELECT (i // 30 + 1)::INTEGER AS g, 'p' || lpad((i // 3000)::VARCHAR, 4, '0') AS parent_code,
            'a' || lpad((29 - i % 30)::VARCHAR, 2, '0') AS area_code, 'tips' AS metric,
            DATE '1900-01-01' + (i // 30 % 100)::INTEGER AS period_start,
            DATE '1900-01-01' + (i // 30 % 100)::INTEGER AS period_end, i::DOUBLE AS value
     FROM range(300000) t(i)
     ORDER BY g, area_code`
  );
}, 60_000);

describe('slices read from DuckDB by group', () => {
  it("come back in the table's order, across row groups", async () => {
    const read = await slices<{ area_code: string; value: number; period_start: string }>(
      db,
      'big',
      'parent_code',
      'area_code',
      { area_code: 'text', value: 'number', period_start: 'date', period_end: 'date' },
      'duckdb'
    );
    // p0040 spans rows 120,000–122,999: the first row group ends at 122,880.
    const rows = await read.all('p0040', 'tips');
    expect(rows).toHaveLength(3000);
    const want = Array.from({ length: 3000 }, (_, j) => {
      const i = 120_000 + j;
      const base = i - (i % 30);
      return base + 29 - (i % 30); // area a00 holds the group's last i
    });
    expect(rows.map((r) => r.value)).toEqual(want);
    const one = await read.period('p0040', 'tips', '1900-01-06', '1900-01-06');
    expect(one.map((r) => r.area_code)).toEqual(
      Array.from({ length: 30 }, (_, j) => `a${String(j).padStart(2, '0')}`)
    );
  });
});

describe('slices read from DuckDB, kept and read ahead', () => {
  /** The connector, counting the statements sent to DuckDB. */
  const counting = () => {
    const c = { n: 0, db: { ...db } as Connector };
    c.db.query = (q) => (c.n++, db.query(q));
    c.db.queryTable = (q) => (c.n++, db.queryTable(q));
    return c;
  };
  const cols = { area_code: 'text', value: 'number' } as const;
  const values = (rows: { value: number }[]) => rows.map((r) => r.value);
  /** `small` by parent, read from DuckDB through `conn`, reading ahead when given `idle`. */
  const small = (conn: Connector, idle?: Idle) =>
    slices<{ area_code: string; value: number }>(
      conn,
      'small',
      'parent_code',
      'area_code',
      cols,
      'duckdb',
      idle
    );

  it('answer the next change of any one picker from the page, once read ahead while idle', async () => {
    const c = counting();
    const later: (() => void)[] = [];
    const idle: Idle = (run) => later.push(run);
    const read = await small(c.db, idle);
    const setup = c.n;
    expect(values(await read.period('p1', 'm1', '2000-01-02', '2000-01-02'))).toEqual([
      1110, 1111, 1112, 1113
    ]);
    expect(c.n).toBe(setup + 1);
    // Read again: from the page.
    expect(values(await read.period('p1', 'm1', '2000-01-02', '2000-01-02'))).toEqual([
      1110, 1111, 1112, 1113
    ]);
    expect(c.n).toBe(setup + 1);
    expect(later).toHaveLength(2);
    later.splice(0).forEach((run) => run());
    // The reads ahead are short queries, one after another: wait until no more are sent.
    for (let n = -1; n !== c.n;) {
      n = c.n;
      await new Promise((ok) => setTimeout(ok, 100));
    }
    const ahead = c.n;
    expect(ahead).toBeGreaterThan(setup + 1);
    // Another period, another parent, another metric: no statement, and the rows a direct read gives.
    const direct = await small(db);
    for (const [k, m, d] of [
      ['p1', 'm1', '2000-01-03'],
      ['p2', 'm1', '2000-01-02'],
      ['p0', 'm1', '2000-01-02'],
      ['p1', 'm0', '2000-01-02']
    ]) {
      const got = await read.period(k, m, d, d);
      expect(got).toEqual(await direct.period(k, m, d, d));
      expect(got).toHaveLength(4);
    }
    // …and the latest period of another metric or parent, which a view falls back to when it lacks the period.
    expect(values(await read.period('p1', 'm0', null, null))).toEqual([1020, 1021, 1022, 1023]);
    expect(values(await read.period('p0', 'm1', null, null))).toEqual([120, 121, 122, 123]);
    expect(c.n).toBe(ahead);
    // Two pickers away (another parent and metric) was not read ahead.
    expect(values(await read.period('p2', 'm0', '2000-01-01', '2000-01-01'))).toEqual([
      2000, 2001, 2002, 2003
    ]);
    expect(c.n).toBe(ahead + 1);
  });

  it('without idle, read only what is asked, and share frozen rows', async () => {
    const c = counting();
    const read = await small(c.db);
    const setup = c.n;
    const rows = await read.all('p0', 'm1');
    expect(values(rows)).toEqual([100, 101, 102, 103, 110, 111, 112, 113, 120, 121, 122, 123]);
    expect(Object.isFrozen(rows[0])).toBe(true);
    await read.period('p0', 'm1', null, null);
    await new Promise((ok) => setTimeout(ok, 20));
    expect(c.n).toBe(setup + 1);
  });
});
