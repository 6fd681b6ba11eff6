import { useMemo } from 'react';
import { createFormatters } from '../format.js';
import { MESSAGES, type MessageKey } from './messages.js';
import { useLocaleStore } from './locale-store.js';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The texts and number/time formats of the board's current language. */
export function useI18n() {
  const locale = useLocaleStore((s) => s.locale);
  return useMemo(() => {
    const messages = MESSAGES[locale];
    const t: Translate = (key, params) =>
      messages[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? `{${name}}`));
    return { locale, t, fmt: createFormatters(locale) };
  }, [locale]);
}
