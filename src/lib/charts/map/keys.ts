/**
 * Moving between map units from the keyboard: the arrow keys go to the nearest unit in that direction, by the
 * units' centroids (SVG coordinates: y grows downwards). A unit inside the 45° cone of the direction beats one off
 * it, so ArrowRight goes east and not north-east when there is anything east.
 */
export type Arrow = 'ArrowRight' | 'ArrowLeft' | 'ArrowUp' | 'ArrowDown';

const DIRECTION: Record<Arrow, [number, number]> = {
  ArrowRight: [1, 0],
  ArrowLeft: [-1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1]
};

export const isArrow = (key: string): key is Arrow => key in DIRECTION;

/** The code of the unit the arrow key moves to from `from`, or null when there is none that way. */
export function neighbour(
  units: readonly { code: string; c: readonly [number, number] }[],
  from: string,
  key: Arrow
): string | null {
  const here = units.find((u) => u.code === from);
  if (!here) return null;
  const [dx0, dy0] = DIRECTION[key];
  let best: string | null = null;
  let bestScore = Infinity;
  for (const u of units) {
    if (u.code === from) continue;
    const dx = u.c[0] - here.c[0];
    const dy = u.c[1] - here.c[1];
    const along = dx * dx0 + dy * dy0; // distance in the direction asked
    const across = Math.abs(dx * dy0 - dy * dx0); // distance off it
    if (along <= 0) continue;
    // Off the 45° cone costs a lot: such a unit is chosen only when nothing lies within it.
    const score = along + 2 * across + (across > along ? 1e6 : 0);
    if (score < bestScore) [best, bestScore] = [u.code, score];
  }
  return best;
}
