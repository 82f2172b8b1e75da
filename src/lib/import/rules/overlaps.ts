/** period_overlap: a figure for a period that meets one already stored for the same area and metric. */
import { METRICS } from '../../model/metrics';
import { BitSet } from '../bitset';
import type { IssueSink } from '../issues';
import type { ExistingRange } from '../types';
import type { Target } from '../targets';

const PER_SLOT = METRICS.length;

/** A period as the overlap check reads it (ISO dates, inclusive). */
export interface PeriodSpan {
  start: string;
  end: string;
}

/** Stored periods by area and metric; checked once per (period, area, metric) of the file. */
export class OverlapCheck {
  private checked = new BitSet();
  private byAreaMetric = new Map<string, ExistingRange[]>();

  constructor(existing: ExistingRange[]) {
    for (const range of existing) {
      const key = `${range.area_code}\u0000${range.metric}`;
      const list = this.byAreaMetric.get(key);
      if (list) list.push(range);
      else this.byAreaMetric.set(key, [range]);
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
    const stored = this.byAreaMetric.get(`${areaCode}\u0000${target.metric.id}`);
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
