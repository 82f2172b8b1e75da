import { afterEach, describe, expect, it } from 'vitest';
import { getDb, NoWebAssemblyError } from '$db/client';
import { UploadExistsError } from '$db/uploads';
import { reasonOf } from '$feeds/reason';
import { lang } from '$i18n/lang.svelte';

const wasm = globalThis.WebAssembly;
afterEach(() => {
  globalThis.WebAssembly = wasm;
  lang.current = 'vi';
});

describe('errors as a person reads them', () => {
  it('says the browser has no WebAssembly, in vi and en, instead of a bare TypeError', async () => {
    // @ts-expect-error: a browser without WebAssembly
    delete globalThis.WebAssembly;
    const e = await getDb().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NoWebAssemblyError);
    expect(reasonOf(e)).toContain('WebAssembly');
    expect(reasonOf(e)).toContain('Trình duyệt');
    lang.current = 'en';
    expect(reasonOf(e)).toMatch(/^This browser has no WebAssembly/);
  });

  it('never shows "null" for a save aborted without a reason', () => {
    expect(reasonOf(null)).not.toBe('null');
    expect(reasonOf(undefined)).toContain('không nêu lý do');
    expect(reasonOf(new UploadExistsError('upload-x'))).toContain('thẻ khác');
  });
});
