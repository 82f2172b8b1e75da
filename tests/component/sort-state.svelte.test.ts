import { describe, expect, it } from 'vitest';
import { SortState } from '$ui/sort-state.svelte';

describe('SortState', () => {
  it('starts a picked column in its own direction and reverses it on a second click', () => {
    const s = new SortState<'name' | 'value'>('value', (k) => (k === 'name' ? 'asc' : 'desc'));
    expect([s.by, s.dir, s.aria('value'), s.aria('name')]).toEqual(['value', 'desc', 'descending', 'none']);
    s.toggle('value');
    expect(s.aria('value')).toBe('ascending');
    s.toggle('name');
    expect([s.by, s.dir]).toEqual(['name', 'asc']);
  });

  it('never reverses a column with an order of its own', () => {
    const s = new SortState<'metric' | 'pct'>('metric', () => 'desc', 'metric');
    s.toggle('metric');
    expect([s.by, s.aria('metric')]).toEqual(['metric', 'other']);
    s.toggle('pct');
    expect(s.aria('pct')).toBe('descending');
  });
});
