/** Which column a sortable table is sorted by, shared by its header buttons and their aria-sort. */
import type { SortDir } from './sort';

export class SortState<K extends string> {
  by = $state() as K;
  dir = $state<SortDir>('asc');

  /**
   * `firstDir`: the direction a column starts in when picked (names A→Z, figures largest first). `fixed`: a column
   * with an order of its own (the catalogue's), which a second click does not reverse.
   */
  constructor(
    by: K,
    private firstDir: (key: K) => SortDir,
    private fixed?: K
  ) {
    this.by = by;
    this.dir = firstDir(by);
  }

  toggle(key: K): void {
    if (this.by === key && key !== this.fixed) this.dir = this.dir === 'asc' ? 'desc' : 'asc';
    else [this.by, this.dir] = [key, this.firstDir(key)];
  }

  aria(key: K): 'ascending' | 'descending' | 'other' | 'none' {
    if (this.by !== key) return 'none';
    if (key === this.fixed) return 'other';
    return this.dir === 'asc' ? 'ascending' : 'descending';
  }
}
