/** bad_period: the period cells of a row (one label, or start and end dates) → a period of the observation table. */
import type { AreaStructure } from '../../model/types';
import type { AreaResolver } from '../areas';
import { resolvePeriod } from '../periods';
import type { ObservationTable } from '../table';

/** A period the table holds, with the area structure in force at its end. */
export interface PlacedPeriod {
  ok: true;
  /** Index in the observation table's periods. */
  index: number;
  label: string;
  start: string;
  end: string;
  structure: AreaStructure;
}

/** A period that could not be read: the value and column to report. */
export interface BadPeriod {
  ok: false;
  reason: string;
  value: string;
  column: string;
}

/** Periods resolved once per distinct cells (consecutive rows usually repeat them, so the last is compared first). */
export class PeriodCells {
  private byCells = new Map<string, PlacedPeriod | BadPeriod>();
  private lastLabel: string | null = null;
  private lastStart = '';
  private lastEnd = '';
  private lastPeriod: PlacedPeriod | BadPeriod | null = null;

  constructor(
    private table: ObservationTable,
    private areas: AreaResolver
  ) {}

  /** The period of a row's label, start and end cells; `column` is where a bad label is reported. */
  read(label: string, start: string, end: string, column: string): PlacedPeriod | BadPeriod {
    if (this.lastPeriod && label === this.lastLabel && start === this.lastStart && end === this.lastEnd)
      return this.lastPeriod;
    const key = start === '' && end === '' ? label : `${label}\u0000${start}\u0000${end}`;
    let period = this.byCells.get(key);
    if (!period) {
      period = this.resolve(label, start, end, column);
      this.byCells.set(key, period);
    }
    this.lastLabel = label;
    this.lastStart = start;
    this.lastEnd = end;
    this.lastPeriod = period;
    return period;
  }

  private resolve(label: string, start: string, end: string, column: string): PlacedPeriod | BadPeriod {
    const resolved = resolvePeriod(label, start, end);
    if (!resolved.ok) {
      const value = resolved.reason === 'bad_start' ? start : resolved.reason === 'bad_end' ? end : label;
      return { ok: false, reason: resolved.reason, value: value.trim().normalize('NFC'), column };
    }
    const ref = {
      label: resolved.period.label.normalize('NFC'),
      start: resolved.period.start,
      end: resolved.period.end
    };
    const index = this.table.periods.length;
    this.table.periods.push(ref);
    return { ok: true, index, ...ref, structure: this.areas.structureAt(ref.end) };
  }
}
