/** period_overlap: a figure for a period that meets one already stored for the same area and metric. */
import { METRICS } from '../../model/metrics';
import { BitSet } from '../bitset';
import type { IssueSink } from '../issues';
import type { ExistingRange } from '../types';
import type { Target } from '../targets';

const PER_SLOT = METRICS.length;
const METRIC_INDEX = new Map(METRICS.map((metric, i) => [metric.id, i]));

/** A period as the overlap check reads it (ISO dates, inclusive). */
export interface PeriodSpan {
  start: string;
  end: string;
}

/** Stored periods by area and metric; checked once per (period, area, metric) of the file. */
export class OverlapCheck {
  private checked = new BitSet();
  /** Stored ranges by area code, then by metric index (an array: no key string built per check). */
  private byArea = new Map<string, ExistingRange[][]>();

  constructor(existing: ExistingRange[]) {
    for (const range of existing) {
      // A stored metric the catalogue no longer has cannot meet a figure of this file.
      const metricIndex = METRIC_INDEX.get(range.metric);
      if (metricIndex === undefined) continue;
      let byMetric = this.byArea.get(range.area_code);
      if (!byMetric) this.byArea.set(range.area_code, (byMetric = []));
      (byMetric[metricIndex] ??= []).push(range);
    }
  }

  /** Warns (once per slot and metric) when a stored period of the area and metric meets this one. */
  checkPeriodOverlap(
    sink: IssueSink,
    slot: number,
    period: PeriodSpan,
    areaCode: string,
    target: Target,
    row: number,
    column: string
  ): void {
    const key = slot * PER_SLOT + target.metricIndex;
    if (this.checked.has(key)) return;
    this.checked.add(key);
    const stored = this.byArea.get(areaCode)?.[target.metricIndex];
    if (!stored) return;
    for (const other of stored) {
      if (other.period_start <= period.end && period.start <= other.period_end) {
        sink.add('period_overlap', row, column, {
          period: `${period.start}…${period.end}`,
          other: `${other.period_start}…${other.period_end}`,
          report: other.report
        });
        return;
      }
    }
  }
}
