/**
 * One view's data on a page: what it was loaded for, the data (prerendered, then reloaded through the browser's
 * DuckDB), what was last asked for, loading, slow and error. Every page and its parts use this one class, so the
 * guard against a late answer lives here only: the latest request wins, an older one that answers late is dropped.
 * `params` and `data` change together when a load ends, so a view is never drawn with new params over old data.
 * Raw state: a load's result is replaced whole, never mutated, so it needs no deep proxy.
 */
import { base } from '$app/paths';
import type { Connector } from '$db/connector';
import { feedPath } from './files';
import { reasonOf } from './reason';
import { hasUploads } from './revision.svelte';
import type { FeedDef } from './types';

/** How long a view loads before its loading notice shows (aria-busy is set at once). */
export const SLOW_MS = 150;

type Client = typeof import('$db/client');
// The database module once loaded: importing it again would still wait for a task, and the browser may render a
// frame in between, before the query is even sent.
let client: Client | undefined;

/** The browser's shared database (DuckDB-WASM), started on first need. */
export async function browserDb(): Promise<Connector> {
  client ??= await import('$db/client');
  return client.getDb();
}

export class Feed<P, D> {
  params = $state.raw() as P;
  /** The params last asked for: what the controls show while their data loads. */
  target = $state.raw() as P;
  data = $state.raw() as D;
  loading = $state(false);
  /**
   * Loading for longer than SLOW_MS: only then is it said on screen. A picker change answered from DuckDB in tens of
   * milliseconds would otherwise flash the notice, and paint the view once more, on every change.
   */
  slow = $state(false);
  error = $state('');
  #seq = 0;
  readonly def: FeedDef<P, D>;

  /** Whether to try the build's file of a result before DuckDB (feeds/files.ts). */
  readonly prebuilt: boolean;

  /** `data` is what the page was prerendered with for `params`. */
  constructor(def: FeedDef<P, D>, params: P, data: D, opts: { prebuilt?: boolean } = {}) {
    this.def = def;
    this.params = this.target = params;
    this.data = data;
    this.prebuilt = opts.prebuilt ?? false;
  }

  /** The build's result for `params`, when it wrote one and this browser holds no upload it would lack. */
  async #fromFile(params: P): Promise<D | undefined> {
    const path = this.prebuilt ? feedPath(this.def.id, params as object) : undefined;
    if (!path || (await hasUploads())) return undefined;
    const res = await fetch(`${base}${path}`).catch(() => undefined);
    return res?.ok ? ((await res.json()) as D) : undefined;
  }

  /** Loads the data for `params`; resolves once it is shown, or dropped for a later request, or failed. */
  async set(params: P): Promise<void> {
    const seq = ++this.#seq;
    const latest = () => seq === this.#seq;
    this.target = params;
    this.loading = true;
    this.error = '';
    const slow = setTimeout(() => latest() && (this.slow = true), SLOW_MS);
    try {
      const next = (await this.#fromFile(params)) ?? (await this.def.load(await browserDb(), params));
      if (latest()) [this.params, this.data] = [params, next];
    } catch (e) {
      if (latest()) this.error = reasonOf(e);
    } finally {
      clearTimeout(slow);
      if (latest()) this.loading = this.slow = false;
    }
  }

  /** Loads the params last asked for again: after an upload is committed or removed. */
  reload(): Promise<void> {
    return this.set(this.target);
  }
}
