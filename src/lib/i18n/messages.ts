/**
 * The one message catalogue: interface and import texts in Vietnamese (default, src/lib/i18n/vi.ts) and English
 * (en.ts), and `t(key, params)` to fill in their `{name}` placeholders. Names of metrics, categories and units are
 * data and live in the metric catalogue (src/lib/model/metrics.ts).
 */
import type { Lang } from './format';
import { en } from './en';
import { vi, type MessageKey } from './vi';

export type { MessageKey };

/** The texts by language, placeholders as written; `MESSAGES[lang].key` reads a text that has none. */
export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { vi, en };

/** The names of the `{name}` placeholders in a text. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;

/** A value a message quotes, written as String() writes it. */
export type Param = string | number;

/** The parameters of a message: one for each placeholder of its Vietnamese text. */
export type ParamsOf<K extends MessageKey> = Record<Placeholders<(typeof vi)[K]>, Param>;

/** What follows the key: nothing for a text without placeholders, else its parameters. */
export type ParamArgs<K extends MessageKey> = [Placeholders<(typeof vi)[K]>] extends [never]
  ? []
  : [params: ParamsOf<K>];

/** `t(key, params)`: the text of `key` with its placeholders filled in; a wrong key or parameter fails to type-check. */
export type Translate = <K extends MessageKey>(key: K, ...params: ParamArgs<K>) => string;

/** Fills each `{name}` with its parameter; a placeholder given none stays as written, so the gap shows. */
export function interpolate(text: string, params: Partial<Record<string, Param>> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}

/** `t(key, params)` in one language, for code that is handed the language rather than reading the reader's. */
export function translator(lang: Lang): Translate {
  return (key, ...params) => interpolate(MESSAGES[lang][key], params[0]);
}
