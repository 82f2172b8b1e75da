/**
 * Generates data/reports/demo-hanoi-communes.csv: SYNTHETIC figures for every commune of Hà Nội's 2019 structure,
 * for 2013–2018 and each year 2019–2024. Reproducible (fixed seed). City totals for 2013–2018 equal the published
 * ones exactly, so the demo drill-down adds up to the real headline figure.
 * Metrics with a `demo` entry in the catalogue (src/lib/model/metrics.ts) are apportioned from it; models and the
 * figures that follow from them (sites, classes, trainees) are written here, as they depend on one another.
 * Run: npm run demo-data
 */
import { readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { METRICS, requireMetric } from '../src/lib/model/metrics';

const SEED = 20131218;

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(SEED);
const between = (lo: number, hi: number) => lo + (hi - lo) * rand();
/** Log-normal-ish positive weight. */
const weight = (spread: number) => Math.exp((rand() + rand() + rand() - 1.5) * spread);

/** Splits `total` into integers proportional to `weights` that add up to `total` exactly (largest remainder). */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (w / sum) * total);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0; k++, left--) out[order[k % order.length][1]]++;
  return out;
}

/** Picks `k` distinct indices, each with probability growing with its weight. */
function weightedSample(weights: number[], k: number): Set<number> {
  const keyed = weights.map((w, i) => [Math.pow(rand(), 1 / w), i] as const).sort((a, b) => b[0] - a[0]);
  return new Set(keyed.slice(0, k).map(([, i]) => i));
}

const units = Papa.parse<Record<string, string>>(readFileSync('data/areas/hanoi-units-2019.csv', 'utf8'), {
  header: true,
  skipEmptyLines: true
}).data;
const communes = units.filter((u) => u.level === 'commune');
const size = communes.map((c) => weight(0.9) * (c.type === 'Phường' ? 1.3 : 1));

type Row = [string, string, string, string, string, string, number, string, string];
const rows: Row[] = [];
const add = (
  p: [string, string, string],
  code: string,
  metric: string,
  category: string,
  values: number[],
  i: number
) => rows.push([...p, code, metric, category, values[i], 'exact', ''] as Row);

// 2013–2018: apportion the published city totals exactly.
const P0: [string, string, string] = ['2013–2018', '2013-01-01', '2018-12-31'];
const APPORTIONED = METRICS.filter((m) => m.demo);
/** By metric id, then category id: each commune's 2013–2018 figure. */
const base: Record<string, Record<string, number[]>> = Object.fromEntries(
  APPORTIONED.map((m) => [
    m.id,
    Object.fromEntries(
      Object.entries(m.demo!.base).map(([cat, t]) => [
        cat,
        apportion(
          t,
          size.map((s) => s * weight(m.demo!.spread))
        )
      ])
    )
  ])
);
const MODEL_COMMUNES: Record<string, number> = {
  cluster_linkage: 174,
  self_defence: 128,
  clan_self_management: 124,
  other: 96
};
for (const c of requireMetric('models').categories)
  if (!(c.id in MODEL_COMMUNES)) throw new Error(`no demo commune count for model type "${c.id}"`);
for (const id of ['model_sites', 'training_classes', 'trainees']) requireMetric(id);
const hasModel = Object.fromEntries(
  Object.entries(MODEL_COMMUNES).map(([t, k]) => [t, weightedSample(size, k)])
) as Record<string, Set<number>>;
const models: Record<string, number[]> = Object.fromEntries(
  Object.keys(MODEL_COMMUNES).map((t) => [
    t,
    communes.map((_, i) => (hasModel[t].has(i) ? 1 + Math.floor(rand() * rand() * 3) : 0))
  ])
);
const classes0 = communes.map((_, i) => Math.round(size[i] * between(2, 8)));

function emit(p: [string, string, string], scale: number, year: number) {
  communes.forEach((c, i) => {
    for (const m of APPORTIONED) {
      for (const [cat, v] of Object.entries(base[m.id])) {
        add(p, c.code, m.id, cat, [year === 0 ? v[i] : Math.round((v[i] / 6) * scale * weight(0.3))], 0);
      }
    }
    let sites = 0;
    for (const t of Object.keys(MODEL_COMMUNES)) {
      // Models are a stock: communes keep theirs and some add one as years pass.
      if (year > 0 && rand() < 0.04 * scale) models[t][i] += 1;
      // Zeros are stated, so a commune's total is the sum of its four types and absence never reads as unknown.
      add(p, c.code, 'models', t, [models[t][i]], 0);
      sites += models[t][i] * Math.round(between(1, 4));
    }
    add(p, c.code, 'model_sites', '', [sites], 0);
    const cls = year === 0 ? classes0[i] : Math.max(0, Math.round((classes0[i] / 6) * scale * weight(0.3)));
    add(p, c.code, 'training_classes', '', [cls], 0);
    add(p, c.code, 'trainees', '', [Math.round(cls * between(25, 60))], 0);
  });
}

emit(P0, 1, 0);
for (let y = 2019; y <= 2024; y++) {
  // Gentle growth, with a dip in 2020–2021 (movement restrictions), so trends have shape.
  const scale = (1 + 0.05 * (y - 2018)) * (y === 2020 ? 0.8 : y === 2021 ? 0.75 : 1);
  emit([`${y}`, `${y}-01-01`, `${y}-12-31`], scale, y);
}

const header = 'period,period_start,period_end,area_code,metric,category,value,qualifier,note';
writeFileSync(
  'data/reports/demo-hanoi-communes.csv',
  header + '\n' + rows.map((r) => r.join(',')).join('\n') + '\n'
);
console.log(`wrote ${rows.length} rows for ${communes.length} communes`);
