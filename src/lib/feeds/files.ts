/**
 * Feeds' results for given params, written out by the build as files (routes/feeds/[feed]/[key].json): a view of
 * bundled data then answers a picker change by fetching a few kilobytes instead of starting DuckDB (megabytes of
 * wasm and seconds). Only feeds whose results are the same for every reader (no uploads) are written.
 */

/** The feeds the build writes files for. */
export const PREBUILT = [
  'overview',
  'area-children',
  'compare-areas',
  'tips-by-category',
  'tips-share',
  'metric-trend',
  'children-ranked',
  'model-communes',
  'model-heatmap',
  'district-multiples',
  'map'
] as const;

const SAFE = /^[\w.-]*$/;
const PERIOD = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/;
const SLASH = ',';

/**
 * The file name of a feed's result: the params' values in the order of their names, '~' between them; a period
 * key's '/' as ',' and an empty value as '-'. Undefined for a value that could not be a file name (never prebuilt).
 */
export function feedKey(params: object): string | undefined {
  const values = Object.entries(params)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, v]) => (v === '' ? '-' : String(v)));
  const named = values.map((v) => (PERIOD.test(v) ? v.replace('/', SLASH) : SAFE.test(v) ? v : undefined));
  return named.every((v) => v !== undefined) ? named.join('~') || '-' : undefined;
}

/** Where the build wrote a feed's result for `params` (a path under the site's base), if it writes that feed. */
export function feedPath(id: string, params: object): string | undefined {
  const key = feedKey(params);
  return key && (PREBUILT as readonly string[]).includes(id) ? `/feeds/${id}/${key}.json` : undefined;
}

/** The params a file name stands for, given the names of the feed's params. */
export function paramsOfKey(key: string, names: string[]): Record<string, string> {
  const values = key.split('~');
  const sorted = [...names].sort();
  return Object.fromEntries(
    sorted.map((n, i) => [n, values[i] === '-' ? '' : (values[i] ?? '').replace(SLASH, '/')])
  );
}
