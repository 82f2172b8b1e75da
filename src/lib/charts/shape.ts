/** Drawing helpers of the small multiples: which bar is under the pointer, and which one a focused panel reads. */
import type { MultiplesBar } from '$feeds/shape';

/**
 * The bar of a small multiple under time `t` (ms): where periods overlap (a month inside its year inside a five-year
 * report) the shortest, the one whose figure the pointer is most precisely on.
 */
export function barAt<B extends Pick<MultiplesBar, 'start' | 'end'>>(bars: B[], t: number): B | null {
  let best: B | null = null;
  let bestLength = Infinity;
  for (const b of bars) {
    const [s, e] = [Date.parse(b.start), Date.parse(b.end)];
    if (s <= t && t < e && e - s < bestLength) [best, bestLength] = [b, e - s];
  }
  return best;
}

/** The latest bar (the one ending last; of those, the shortest): what a focused panel reads out first. */
export function latestBar<B extends Pick<MultiplesBar, 'start' | 'end'>>(bars: B[]): B | null {
  let best: B | null = null;
  for (const b of bars)
    if (!best || b.end > best.end || (b.end === best.end && b.start > best.start)) best = b;
  return best;
}
