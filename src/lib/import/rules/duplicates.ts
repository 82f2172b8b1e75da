/** duplicate: a (period, area, metric, category) given twice in one file; the second is rejected. */
import { BitSet } from '../bitset';
import { AREA_SLOTS } from '../slots';
import { METRIC_CATEGORIES, type ObservationTable } from '../table';

const PER_SLOT = METRIC_CATEGORIES.length;

/** Remembers which (metric, category) each (period, area) slot already holds. */
export class DuplicateCheck {
  private seen = new BitSet();
  private firstRowOf: Map<number, number> | null = null;

  constructor(private table: ObservationTable) {}

  /** Whether the slot already holds this (metric, category); records it when it does not. */
  isDuplicate(slot: number, metricCategory: number): boolean {
    const key = slot * PER_SLOT + metricCategory;
    if (this.seen.has(key)) return true;
    this.seen.add(key);
    return false;
  }

  /** The row of the figure a duplicate repeats, for its message. */
  firstRow(period: number, area: number, metricCategory: number): number {
    const t = this.table;
    const keyOf = (p: number, a: number, mc: number) => (p * AREA_SLOTS + a) * 256 + mc;
    if (!this.firstRowOf) {
      // Built on the first duplicate only: most files have none, and a map of a million rows costs memory.
      this.firstRowOf = new Map();
      for (let i = 0; i < t.length; i++) {
        const key = keyOf(t.period[i], t.area[i], t.mc[i]);
        if (!this.firstRowOf.has(key)) this.firstRowOf.set(key, t.row[i]);
      }
    }
    const row = this.firstRowOf.get(keyOf(period, area, metricCategory));
    if (row !== undefined) return row;
    // Added after the map was built: find it in the newer part of the table.
    for (let i = t.length - 1; i >= 0; i--)
      if (t.period[i] === period && t.area[i] === area && t.mc[i] === metricCategory) return t.row[i];
    return 0;
  }
}
