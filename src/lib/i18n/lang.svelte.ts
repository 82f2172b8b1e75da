/** The interface language: Vietnamese by default, English by choice, remembered in this browser. */
import { interpolate, MESSAGES, type Translate } from './messages';
import type { Lang } from './format';

const KEY = 'antq.lang';

/** localStorage, or null where reading it throws (a sandboxed iframe, storage disabled). */
function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

class LangState {
  current = $state<Lang>('vi');

  /** Reads the saved choice (or ?lang=) once in the browser; prerendered HTML is always Vietnamese. */
  restore() {
    const fromUrl = new URLSearchParams(location.search).get('lang');
    const saved = fromUrl ?? storage()?.getItem(KEY);
    if (saved === 'en' || saved === 'vi') this.set(saved);
  }

  set(lang: Lang) {
    this.current = lang;
    storage()?.setItem(KEY, lang);
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
  }

  /** `t(key, params)` in the reader's language. */
  t: Translate = (key, ...params) => interpolate(MESSAGES[this.current][key], params[0]);
}

export const lang = new LangState();
