import { describe, expect, it } from 'vitest';
import { feedKey, feedPath, paramsOfKey } from '$feeds/files';

describe('feed result files', () => {
  it('name a result by its params in name order, and read the params back', () => {
    const p = { period: '2019-01-01/2019-12-31', area: '001', metric: 'disputes_resolved' };
    const key = feedKey(p)!;
    expect(key).toBe('001~disputes_resolved~2019-01-01,2019-12-31');
    expect(paramsOfKey(key, ['metric', 'area', 'period'])).toEqual(p);
    expect(paramsOfKey(feedKey({ area: '01', period: '' })!, ['area', 'period'])).toEqual({
      area: '01',
      period: ''
    });
  });

  it('write no file for a value that is not a plain name, nor for a feed the build does not write', () => {
    expect(feedKey({ area: '../x' })).toBeUndefined();
    expect(feedKey({ area: 'a~b' })).toBeUndefined();
    expect(feedKey({ area: 'a,b' })).toBeUndefined();
    expect(feedPath('overview', { area: '001' })).toBe('/feeds/overview/001.json');
    expect(feedPath('reports', {})).toBeUndefined();
  });
});
