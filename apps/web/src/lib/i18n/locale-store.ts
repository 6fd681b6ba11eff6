import { create } from 'zustand';
import type { Locale } from './messages.js';

const KEY = 'plancia.locale';

/** ?lang= first (a TV link can fix it), then the choice made on this screen, then the browser's language. */
function initialLocale(): Locale {
  const asked = new URLSearchParams(globalThis.location?.search ?? '').get('lang') ?? globalThis.localStorage?.getItem(KEY);
  if (asked === 'it' || asked === 'en') return asked;
  return globalThis.navigator?.language?.toLowerCase().startsWith('it') ? 'it' : 'en';
}

export const useLocaleStore = create<{ locale: Locale; select(locale: Locale): void }>()((set) => ({
  locale: initialLocale(),
  select: (locale) => {
    globalThis.localStorage?.setItem(KEY, locale);
    document.documentElement.lang = locale;
    set({ locale });
  },
}));
