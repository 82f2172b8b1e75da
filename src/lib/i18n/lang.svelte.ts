/** The interface language: Vietnamese by default, English by choice, remembered in this browser. */
import { MESSAGES, type MessageKey } from './messages';
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

  t = (key: MessageKey): string => MESSAGES[this.current][key];
}

export const lang = new LangState();
