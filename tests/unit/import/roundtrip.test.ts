/**
 * What the import accepts is what it stores, and what it stores comes back: numbers a double cannot hold exactly
 * are errors, and every stored report survives download (canonical CSV, from the Arrow stream IndexedDB keeps) →
 * validate → the same observations.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCanonicalCsv } from '$import/canonical';
import { arrowToCanonicalCsv, observationsToArrow } from '$import/arrow';
import { numberText, parseNumber } from '$import/numbers';
import { neutraliseFormula, restoreFormula } from '$model/formula';
import type { ImportResult } from '$import/pipeline';
import { run } from './helpers';

const HEADER = 'period,area_code,metric,category,value,note';
const one = (value: string) => run(`${HEADER}\n2018,001,tips,,${value},\n`);
const errorsOf = (r: ImportResult) => r.errors.map((e) => [e.code, e.row, e.column]);

describe('numbers that are not what the cell says are errors', () => {
  it.each([
    ['9007199254740993', 'an integer past 2^53 (would be stored as …992)'],
    ['123456789012345678901', 'a 21-digit value'],
    ['9'.repeat(400), '400 nines (Infinity)'],
    ['9.007.199.254.740.993', 'grouped past 2^53'],
    ['10.000.000 tỷ', 'a multiplier past 2^53']
  ])('rejects %s with row and column: %s', async (cell) => {
    const r = await one(cell);
    expect(errorsOf(r)).toEqual([['bad_number', 2, 'value']]);
    expect(r.errors[0].message.en).toContain('too large');
    expect(r.errors[0].message.vi).toContain('quá lớn');
    expect(r.observations).toEqual([]);
  });

  it('keeps the largest exact integer, 9007199254740991', async () => {
    const r = await one('9007199254740991');
    expect(r.errors).toEqual([]);
    expect(r.observations[0].value).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('never returns a value it cannot store', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789.,9 e+-'.split('')), maxLength: 40 }),
        (s) => {
          const n = parseNumber(s);
          if (n.ok) expect(Math.abs(n.value)).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
        }
      )
    );
  });
});

describe('numberText writes what parseNumber reads back', () => {
  it.each([
    [1.234, '1.2340'],
    [1e-7, '0.0000001'],
    [1.5e-10, '0.00000000015'],
    [208229, '208229'],
    [0.5, '0.5']
  ])('%s → %s', (v, text) => {
    expect(numberText(v)).toBe(text);
    expect(parseNumber(text)).toMatchObject({ ok: true, value: v });
  });

  it('for any storable non-negative double', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: Number.MAX_SAFE_INTEGER, noNaN: true }), (v) => {
        expect(parseNumber(numberText(v))).toMatchObject({ ok: true, value: v });
      })
    );
  });
});

describe('formula neutralising', () => {
  it('marks formula-leading text and restores exactly what it marked', () => {
    expect(neutraliseFormula('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(neutraliseFormula('+cmd')).toBe("'+cmd");
    expect(neutraliseFormula("'=already")).toBe("''=already");
    expect(neutraliseFormula('plain')).toBe('plain');
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(restoreFormula(neutraliseFormula(s))).toBe(s);
      })
    );
  });
});

// Real communes of the 2019 structure, so that every generated row names a valid, distinct area.
const AREAS = ['00001', '00004', '00006', '00007', '00008', '00010', '00013', '00016', '00019', '00022'];
const valueCell = fc.oneof(
  { weight: 3, arbitrary: fc.nat().map(String) },
  { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: 10n ** 25n }).map(String) },
  { weight: 2, arbitrary: fc.double({ min: 0, max: 1e25, noNaN: true }).map((v) => String(v)) },
  {
    weight: 2,
    arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true }).map((v) => String(v).replace('.', ','))
  },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 420 }).map((n) => '9'.repeat(n)) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('hơn ', 'gần ', 'khoảng ', '> ', ''), fc.nat(99_999))
      .map(([q, n]) => q + n)
  },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.nat(999), fc.constantFrom(' triệu', ' tỷ', ' nghìn')).map(([n, m]) => `${n},5${m}`)
  }
);
const noteCell = fc.oneof(
  fc.constant(''),
  fc.string({ maxLength: 12 }),
  fc
    .tuple(fc.constantFrom('=', '+', '-', '@', "'=", "''+", '\t', "'"), fc.string({ maxLength: 10 }))
    .map(([a, b]) => a + b),
  fc.constantFrom('=HYPERLINK("http://evil.example","click")', '+cmd|calc', '@SUM(A1)', '-1+2')
);
const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
const facts = (r: ImportResult) =>
  r.observations.map((o) => [
    o.period,
    o.period_start,
    o.period_end,
    o.area_code,
    o.metric,
    o.category,
    o.value,
    o.qualifier,
    o.note ?? ''
  ]);

describe('every stored report round-trips download → validate', () => {
  it('to the same observations, through the Arrow stream IndexedDB keeps', async () => {
    let stored = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(valueCell, noteCell), { minLength: 1, maxLength: 4 }),
        async (rows) => {
          const csv =
            `${HEADER}\n` +
            rows.map(([v, n], i) => `2018,${AREAS[i]},tips,,${quote(v)},${quote(n)}`).join('\n');
          const first = await run(csv);
          if (first.error_count > 0) return; // refused: nothing is stored
          stored++;
          for (const o of first.observations)
            expect(Math.abs(o.value)).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
          const download = arrowToCanonicalCsv(observationsToArrow(first.table, 'upload-x'));
          expect(download).toBe(toCanonicalCsv(first.table));
          const again = await run(download);
          expect(again.errors).toEqual([]);
          expect(facts(again)).toEqual(facts(first));
        }
      ),
      { numRuns: 300 }
    );
    expect(stored).toBeGreaterThan(30); // the property saw enough stored reports to mean something
  }, 120_000);
});
