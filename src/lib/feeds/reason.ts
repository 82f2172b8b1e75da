/** Errors from the engine and the store as the page shows them. */
import { MESSAGES } from '$i18n/messages';
import { lang } from '$i18n/lang.svelte';

/** An error as a person reads it: a known failure in their language, else the error's own message. */
export function reasonOf(e: unknown): string {
  const t = MESSAGES[lang.current];
  if (e instanceof Error && e.name === 'UploadExistsError') return t.up_error_exists;
  if (e instanceof Error && e.name === 'NoWebAssemblyError') return t.db_no_wasm;
  if (e instanceof Error) return e.message || e.name;
  return e == null ? t.up_error_unknown : String(e);
}
