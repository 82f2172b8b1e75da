/** Medians and percentiles of a few runs, and number formatting for the table. */

export function median(xs: number[]): number {
  return quantile(xs, 0.5);
}

/** Linear-interpolated quantile (q in 0..1) of the values; NaN for none. */
export function quantile(xs: number[], q: number): number {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const pos = (v.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return v[lo] + (v[hi] - v[lo]) * (pos - lo);
}

export const max = (xs: number[]) => (xs.length ? Math.max(...xs) : NaN);

export function round(x: number, digits = 1): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export const ms = (x: number) => (Number.isFinite(x) ? `${round(x, x < 100 ? 1 : 0)} ms` : '—');
export const kb = (bytes: number) => (Number.isFinite(bytes) ? `${round(bytes / 1024, 1)} KB` : '—');
export const mb = (bytes: number) => (Number.isFinite(bytes) ? `${round(bytes / 2 ** 20, 1)} MB` : '—');
export const x = (r: number) => (Number.isFinite(r) ? `${round(r, 2)}×` : '—');
