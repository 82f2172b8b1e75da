import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '$import/csv';

const root = dirname(createRequire(import.meta.url).resolve('csv-spectrum/package.json'));
const cases = readdirSync(join(root, 'csvs')).map((f) => f.replace(/\.csv$/, ''));

describe('CSV layer against the csv-spectrum cases', () => {
  it.each(cases)('parses %s as its expected JSON says', (name) => {
    const rows = parseCsv(readFileSync(join(root, 'csvs', `${name}.csv`), 'utf8'), ',');
    const [header, ...data] = rows;
    const objects = data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
    let expected = JSON.parse(readFileSync(join(root, 'json', `${name}.json`), 'utf8'));
    if (name === 'location_coordinates') {
      // Upstream fixture bug: the JSON is a bare object and its phone number (1234567890) is not the CSV's.
      expect(Array.isArray(expected)).toBe(false);
      expected = [{ ...expected, 'Contact Phone Number': '2095257564' }];
    }
    expect(objects).toEqual(expected);
  });
});
