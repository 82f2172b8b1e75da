/** sum_mismatch: the categories of a metric add up to more than its total, or (all given) to other than it. */
import type { Qualifier } from '../../model/types';
import type { IssueSink } from '../issues';
import { SUM_METRICS, type Target } from '../targets';

const PER_SLOT = SUM_METRICS.length;
const TOLERANCE = 1e-9;

/** Per (period, area) slot and summed metric: the total, the categories' sum and which categories were given. */
export class SumCheck {
  private total = new Float64Array(0);
  private sum = new Float64Array(0);
  private categoriesSeen = new Uint32Array(0);
  private inexact = new Uint8Array(0);
  private totalRow = new Uint32Array(0);
  private totalColumn = new Int32Array(0);
  private capacity = 0;

  /** Records a figure of a summed metric (callers skip targets with sumIndex -1). */
  add(slot: number, target: Target, value: number, qualifier: Qualifier, row: number, column: number): void {
    const at = slot * PER_SLOT + target.sumIndex;
    if (at >= this.total.length) this.grow(slot + 1);
    // A rounded or estimated figure makes the comparison meaningless: the slot is then not checked.
    if (qualifier !== 'exact') this.inexact[at] = 1;
    if (target.categoryBit === 0) {
      this.total[at] = value;
      this.totalRow[at] = row;
      this.totalColumn[at] = column;
    } else {
      this.sum[at] += value;
      this.categoriesSeen[at] |= target.categoryBit;
    }
  }

  /** After the last row: reports each exact total its categories contradict, on the total's row and column. */
  report(sink: IssueSink, headers: string[]): void {
    for (let slot = 0; slot < this.capacity; slot++) {
      for (let sumIndex = 0; sumIndex < PER_SLOT; sumIndex++) {
        const at = slot * PER_SLOT + sumIndex;
        const total = this.total[at];
        if (Number.isNaN(total) || this.categoriesSeen[at] === 0 || this.inexact[at]) continue;
        const metric = SUM_METRICS[sumIndex];
        const all = this.categoriesSeen[at] === (1 << metric.categories.length) - 1;
        const sum = this.sum[at];
        const over = sum > total + TOLERANCE;
        if ((all && Math.abs(sum - total) > TOLERANCE) || over) {
          sink.add('sum_mismatch', this.totalRow[at], headers[this.totalColumn[at]] ?? '', {
            metric: metric.id,
            sum,
            total,
            over: over ? 1 : 0
          });
        }
      }
    }
  }

  private grow(minSlots: number): void {
    let slots = Math.max(256, this.capacity * 2);
    while (slots < minSlots) slots *= 2;
    const size = slots * PER_SLOT;
    const copy = <T extends Float64Array | Uint32Array | Uint8Array | Int32Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.total = copy(this.total, new Float64Array(size).fill(NaN));
    this.sum = copy(this.sum, new Float64Array(size));
    this.categoriesSeen = copy(this.categoriesSeen, new Uint32Array(size));
    this.inexact = copy(this.inexact, new Uint8Array(size));
    this.totalRow = copy(this.totalRow, new Uint32Array(size));
    this.totalColumn = copy(this.totalColumn, new Int32Array(size));
    this.capacity = slots;
  }
}
