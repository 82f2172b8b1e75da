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
    const table = this.table;
    if (!this.firstRowOf) {
      // Built on the first duplicate only: most files have none, and a map of a million rows costs memory.
      this.firstRowOf = new Map();
      for (let i = 0; i < table.length; i++) {
        const key = figureKey(table.period[i], table.area[i], table.mc[i]);
        if (!this.firstRowOf.has(key)) this.firstRowOf.set(key, table.row[i]);
      }
    }
    const row = this.firstRowOf.get(figureKey(period, area, metricCategory));
    if (row !== undefined) return row;
    // Added after the map was built: find it in the newer part of the table.
    for (let i = table.length - 1; i >= 0; i--)
      if (table.period[i] === period && table.area[i] === area && table.mc[i] === metricCategory)
        return table.row[i];
    return 0;
  }
}

/** A (period, area, metric-category) as one number, for the first-row map. */
function figureKey(period: number, area: number, metricCategory: number): number {
  return (period * AREA_SLOTS + area) * PER_SLOT + metricCategory;
}
