/** Sorting rows of a table by a key, with missing values last whichever the direction. */
export type SortDir = 'asc' | 'desc';

export function sortRows<T>(rows: T[], key: (r: T) => number | string | undefined, dir: SortDir): T[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
    return sign * String(x).localeCompare(String(y), 'vi');
  });
}
