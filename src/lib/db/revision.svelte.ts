/**
 * Pages are prerendered from the bundled data; uploads live in this browser only. A page asks `hasUploads()` on
 * mount — one IndexedDB count, no DuckDB — and reloads through `getDb()` only when there are some, so a reader
 * without uploads still never downloads DuckDB. `revision` goes up after each commit or removal.
 */
import type { Report } from '$model/types';
import { countUploads, listUploads } from './uploads';

class UploadRevision {
  /** Bumped whenever the stored uploads change; views that show them depend on it. */
  value = $state(0);
  /**
   * The stored uploads' reports, for source lines: the prerendered catalogue (data/reports.json) does not know them.
   * Filled by `whenUploads` and after each change.
   */
  reports = $state.raw<Report[]>([]);
  bump() {
    this.value++;
    void this.loadReports();
  }
  async loadReports() {
    try {
      this.reports = (await listUploads()).map((u) => u.meta);
    } catch {
      this.reports = [];
    }
  }
}

export const revision = new UploadRevision();

/** Whether this browser keeps any upload (false on any IndexedDB failure: the bundled data still shows). */
export async function hasUploads(): Promise<boolean> {
  try {
    return (await countUploads()) > 0;
  } catch {
    return false;
  }
}

/** Calls `reload` once if uploads are stored; for a page's onMount. */
export function whenUploads(reload: () => unknown): void {
  void hasUploads().then((yes) => {
    // A failed reload leaves the prerendered figures, which are still correct for the bundled data.
    if (!yes) return;
    void revision.loadReports();
    Promise.resolve(reload()).catch((e) => console.warn('Reload with uploads failed:', e));
  });
}
