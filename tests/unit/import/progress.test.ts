import { describe, expect, it } from 'vitest';
import { run, utf8 } from './helpers';

const big = () => {
  let s = 'period,area_code,metric,category,value\n';
  for (let y = 2000; y < 2020; y++)
    for (const c of ['001', '002', '003']) s += `${y},${c},tips,,${y}\n${y},${c},tips,criminal,1\n`;
  return utf8(s);
};

describe('progress and cancellation', () => {
  it('reports progress in bytes and rows, ending at the file size', async () => {
    const bytes = big();
    const seen: { bytes: number; rows: number }[] = [];
    const r = await run(bytes, { chunkSize: 256, onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.at(-1)!.bytes).toBe(bytes.length);
    expect(seen.at(-1)!.rows).toBe(r.rows);
    for (let i = 1; i < seen.length; i++) expect(seen[i].bytes).toBeGreaterThanOrEqual(seen[i - 1].bytes);
    // Small slices give the same result as one big one.
    expect(r.observations).toEqual((await run(bytes)).observations);
  });

  it('stops with an AbortError when cancelled', async () => {
    const already = new AbortController();
    already.abort();
    await expect(run(big(), { signal: already.signal })).rejects.toMatchObject({ name: 'AbortError' });
    const during = new AbortController();
    await expect(
      run(big(), { chunkSize: 256, signal: during.signal, onProgress: (p) => p.rows > 20 && during.abort() })
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('keeps figures in a columnar table and makes objects only on demand', async () => {
    const r = await run(big());
    expect(r.table.length).toBe(120);
    expect(r.table.get(0)).toEqual(r.observations[0]);
    expect(Object.keys(JSON.parse(JSON.stringify(r)))).toEqual(
      expect.arrayContaining([
        'file',
        'encoding',
        'delimiter',
        'layout',
        'rows',
        'observations',
        'errors',
        'warnings'
      ])
    );
    expect(JSON.parse(JSON.stringify(r))).not.toHaveProperty('table');
  });
});
