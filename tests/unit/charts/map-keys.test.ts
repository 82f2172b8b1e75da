import { describe, expect, it } from 'vitest';
import { neighbour } from '$charts/map/keys';

// A plus shape, with a far unit north-east of the centre:  n above c, w c e in a row, s below, ne far off.
const units = [
  { code: 'c', c: [10, 10] as const },
  { code: 'e', c: [20, 11] as const },
  { code: 'w', c: [0, 9] as const },
  { code: 'n', c: [11, 0] as const },
  { code: 's', c: [9, 20] as const },
  { code: 'ne', c: [14, 5] as const }
];

describe('map units from the keyboard', () => {
  it('goes to the nearest unit within the direction asked', () => {
    // ne is nearer than e, but off the eastward cone (3 along, 5 across).
    expect(neighbour(units, 'c', 'ArrowRight')).toBe('e');
    expect(neighbour(units, 'c', 'ArrowLeft')).toBe('w');
    expect(neighbour(units, 'c', 'ArrowUp')).toBe('n');
    expect(neighbour(units, 'c', 'ArrowDown')).toBe('s');
  });

  it('takes a unit off the direction only when none lies within it, and stops at the edge', () => {
    // From n nothing lies in the eastward cone: the nearest unit east of it is taken, ne before e.
    expect(neighbour(units, 'n', 'ArrowRight')).toBe('ne');
    expect(neighbour(units, 'e', 'ArrowRight')).toBeNull();
    expect(neighbour(units, 'x', 'ArrowRight')).toBeNull();
  });
});
