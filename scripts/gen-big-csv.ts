/**
 * Writes a large canonical long CSV (default 1,000,000 rows) to measure the import pipeline:
 * real Hà Nội commune codes (2019 structure), catalogue metrics and categories, monthly periods, no duplicates.
 * Run: npx tsx scripts/gen-big-csv.ts OUT.csv [ROWS]
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { METRICS } from '../src/lib/model/metrics';

const [out, n = '1000000'] = process.argv.slice(2);
if (!out) {
  console.error('usage: tsx scripts/gen-big-csv.ts OUT.csv [ROWS]');
  process.exit(2);
}
const ROWS = Number(n);

let seed = 20240601;
const rand = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const communes = readFileSync(new URL('../data/areas/hanoi-units-2019.csv', import.meta.url), 'utf8')
  .split('\n')
  .slice(1)
  .map((l) => l.split(','))
  .filter((c) => c[3] === 'commune')
  .map((c) => c[0]);

// Every metric's total and categories, except model_communes (a commune-level count of itself makes no sense).
const combos = METRICS.filter((m) => m.id !== 'model_communes').flatMap((m) => [
  [m.id, ''],
  ...m.categories.map((c) => [m.id, c.id])
]);

const SUMS = new Set(METRICS.filter((m) => m.categoriesSumToTotal).map((m) => m.id));

const ws = createWriteStream(out);
ws.write('period,period_start,period_end,area_code,metric,category,value,qualifier,note\n');
let written = 0;
let buf = '';
const last = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
outer: for (let y = 2013; y <= 2024; y++) {
  for (let mo = 1; mo <= 12; mo++) {
    const mm = String(mo).padStart(2, '0');
    const p = `${y}-${mm},${y}-${mm}-01,${y}-${mm}-${last(y, mo)}`;
    for (const code of communes) {
      // Where categories add up to the total (tips, models), the total is their exact sum: a consistent file.
      const values = combos.map(([metric]) => Math.floor(rand() * (metric === 'patrol_turns' ? 5000 : 60)));
      combos.forEach(([metric, category], i) => {
        if (category === '' && SUMS.has(metric)) {
          values[i] = combos.reduce((s, [m2, c2], j) => (m2 === metric && c2 !== '' ? s + values[j] : s), 0);
        }
      });
      for (let i = 0; i < combos.length; i++) {
        const [metric, category] = combos[i];
        const value = values[i];
        const q = rand() < 0.02 ? 'more_than' : 'exact';
        const note = rand() < 0.05 ? `"số liệu ước tính: ${value} tin, xã ${code}"` : '';
        buf += `${p},${code},${metric},${category},${value},${q},${note}\n`;
        if (++written >= ROWS) break outer;
        if (buf.length > 1 << 20) {
          ws.write(buf);
          buf = '';
        }
      }
    }
  }
}
ws.write(buf);
ws.end(() => console.error(`${written} rows → ${out}`));
