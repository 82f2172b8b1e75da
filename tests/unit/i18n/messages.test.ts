import { describe, expect, it } from 'vitest';
import { en } from '$i18n/en';
import { vi } from '$i18n/vi';
import { interpolate, MESSAGES, translator } from '$i18n/messages';
import { ERROR_CODES, WARNING_CODES } from '$import/messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('t(key, params)', () => {
  it('fills each placeholder with its parameter, numbers written as String() writes them', () => {
    expect(translator('vi')('map_part', { n: 3 })).toBe('một phần: 1/3 ×');
    expect(translator('en')('map_part', { n: 3 })).toBe('part: 1/3 ×');
  });

  it('fills a placeholder everywhere it appears', () => {
    const text = translator('en')('up_too_large', { file: 'a.csv', mb: '120', max: '100' });
    expect(text).toContain('a.csv is 120 MB, over the 100 MB limit');
    expect(text).toContain('npm run validate -- a.csv.');
    expect(text).not.toMatch(/\{\w+\}/);
  });

  it('returns a text without placeholders as written', () => {
    expect(translator('vi')('nav_upload')).toBe(vi.nav_upload);
    expect(translator('en')('nav_upload')).toBe(en.nav_upload);
  });

  it('leaves a placeholder given no parameter as written, so the gap shows', () => {
    expect(interpolate('{n} of {total}', { n: 2 })).toBe('2 of {total}');
    expect(interpolate('{n} of {total}')).toBe('{n} of {total}');
  });

  it('does not read placeholders inside a parameter value', () => {
    expect(interpolate('{a} and {b}', { a: '{b}', b: 'x' })).toBe('{b} and x');
  });
});

describe('the catalogue', () => {
  it('has exactly the same keys in English as in Vietnamese', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.vi).sort());
  });

  it('asks for the same parameters in both languages', () => {
    for (const key of Object.keys(vi) as (keyof typeof vi)[])
      expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]));
  });

  it('has no empty text', () => {
    for (const lang of ['vi', 'en'] as const)
      for (const [key, text] of Object.entries(MESSAGES[lang]))
        expect(text.trim(), `${lang}.${key}`).not.toBe('');
  });

  it('holds a text for every import issue code', () => {
    for (const code of [...ERROR_CODES, ...WARNING_CODES]) expect(Object.keys(vi)).toContain(`issue_${code}`);
  });
});
