/**
 * Imported observations stored by column (typed arrays and small lookup tables): a million rows cost ~25 MB and no
 * per-row objects, so the import stays fast; objects are made only when asked for.
 */
import { METRICS } from '../model/metrics';
import {
  QUALIFIERS,
  type AreaLevel,
  type AreaStructure,
  type Observation,
  type Qualifier
} from '../model/types';

/** One imported figure: an observation before it belongs to a report, with the spreadsheet row it came from
 *  (header = 1). */
export type ImportedObservation = Omit<Observation, 'report_id'> & { row: number };

/** Every (metric, category) of the catalogue as a small integer; category '' (the total) first. */
export const METRIC_CATEGORIES: { metric: string; category: string; mi: number }[] = [];
/** metric → category → its index in METRIC_CATEGORIES. */
export const MC_INDEX = new Map<string, Map<string, number>>();
METRICS.forEach((m, mi) => {
  const byCat = new Map<string, number>();
  for (const category of ['', ...m.categories.map((c) => c.id)]) {
    byCat.set(category, METRIC_CATEGORIES.length);
    METRIC_CATEGORIES.push({ metric: m.id, category, mi });
  }
  MC_INDEX.set(m.id, byCat);
});
const qualifierIndex = (q: Qualifier): number => (q === 'exact' ? 0 : QUALIFIERS.indexOf(q));

export interface PeriodRef {
  label: string;
  start: string;
  end: string;
}
export interface AreaRef {
  code: string;
  level: AreaLevel;
  structure: AreaStructure;
}

/** Observations by column; `periods` and `areas` are the lookup tables the index columns point into. */
export class ObservationTable {
  length = 0;
  /** Periods and areas referenced by index from the columns. */
  readonly periods: PeriodRef[] = [];
  readonly areas: AreaRef[] = [];
  period = new Uint32Array(1024);
  area = new Uint32Array(1024);
  mc = new Uint8Array(1024);
  value = new Float64Array(1024);
  qualifier = new Uint8Array(1024);
  row = new Uint32Array(1024);
  /** Notes by observation index; most figures have none. */
  readonly notes = new Map<number, string>();

  private grow(): void {
    const cap = this.period.length * 2;
    const g = <T extends Uint32Array | Uint8Array | Float64Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(cap);
      b.set(a);
      return b;
    };
    this.period = g(this.period, Uint32Array);
    this.area = g(this.area, Uint32Array);
    this.mc = g(this.mc, Uint8Array);
    this.value = g(this.value, Float64Array);
    this.qualifier = g(this.qualifier, Uint8Array);
    this.row = g(this.row, Uint32Array);
  }

  /** Appends one observation (period, area and metric-category as indices). */
  push(
    period: number,
    area: number,
    mc: number,
    value: number,
    qualifier: Qualifier,
    row: number,
    note: string
  ): void {
    const i = this.length;
    if (i === this.period.length) this.grow();
    this.period[i] = period;
    this.area[i] = area;
    this.mc[i] = mc;
    this.value[i] = value;
    this.qualifier[i] = qualifierIndex(qualifier);
    this.row[i] = row;
    if (note !== '') this.notes.set(i, note);
    this.length = i + 1;
  }

  /** The observation at index i as an object. */
  get(i: number): ImportedObservation {
    const p = this.periods[this.period[i]];
    const a = this.areas[this.area[i]];
    const mc = METRIC_CATEGORIES[this.mc[i]];
    return {
      period: p.label,
      period_start: p.start,
      period_end: p.end,
      area_code: a.code,
      area_level: a.level,
      metric: mc.metric,
      category: mc.category,
      value: this.value[i],
      qualifier: QUALIFIERS[this.qualifier[i]],
      note: this.notes.get(i) ?? '',
      row: this.row[i]
    };
  }

  /** All observations as objects (a million objects: call only when needed). */
  toArray(): ImportedObservation[] {
    const out = new Array<ImportedObservation>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.get(i);
    return out;
  }
}
