/**
 * Pages are prerendered from the bundled data; uploads live in this browser only. A page asks `hasUploads()` on
 * mount — one IndexedDB count, no DuckDB — and reloads through `getDb()` only when there are some, so a reader
 * without uploads still never downloads DuckDB. `revision` goes up after each commit or removal.
 */
import { countUploads } from '$db/uploads';

let stored: Promise<boolean> | undefined;

class UploadRevision {
  /** Bumped whenever the stored uploads change; views that show them depend on it. */
  value = $state(0);
  bump() {
    this.value++;
    stored = undefined;
  }
}

export const revision = new UploadRevision();

/**
 * Whether this browser keeps any upload (false on any IndexedDB failure: the bundled data still shows). Asked once
 * per page and again after this tab commits or removes one.
 */
export function hasUploads(): Promise<boolean> {
  stored ??= countUploads().then(
    (n) => n > 0,
    () => false
  );
  return stored;
}

/** Calls `reload` once if uploads are stored; for a page's onMount. */
export function whenUploads(reload: () => unknown): void {
  void hasUploads().then((yes) => {
    // A failed reload leaves the prerendered figures, which are still correct for the bundled data.
    if (!yes) return;
    Promise.resolve(reload()).catch((e) => console.warn('Reload with uploads failed:', e));
  });
}

/** Reloads each feed once if uploads are stored: for a page's onMount, so its views include them. */
export function reloadWithUploads(...feeds: { reload(): Promise<void> }[]): void {
  whenUploads(() => Promise.all(feeds.map((f) => f.reload())));
}
