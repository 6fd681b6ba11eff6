import { TIME_ZONE } from '../../lib/format.js';
import type { Locale } from '../../lib/i18n/messages.js';

const TAGS: Record<Locale, string> = { it: 'it-IT', en: 'en-GB' };
const cache = new Map<Locale, Intl.DateTimeFormat>();

/** "05/12/2026, 09:30" in the centre's time zone: the history spans days, so the date is shown too. */
export function dateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '—';
  let format = cache.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(TAGS[locale], { timeZone: TIME_ZONE, dateStyle: 'short', timeStyle: 'short' });
    cache.set(locale, format);
  }
  return format.format(Date.parse(iso));
}

/** The value of a `datetime-local` input for an instant, in this browser's time zone (which the input speaks). */
export function localInputValue(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
