import type { Locale } from './i18n/messages.js';

/** The centre's time zone: a board in Italy shows Italian time whatever the TV's own setting. */
export const TIME_ZONE = 'Europe/Rome';
const INTL_LOCALE: Record<Locale, string> = { it: 'it-IT', en: 'en-GB' };

export interface Formatters {
  percent(fraction: number | null): string;
  integer(value: number): string;
  decimal(value: number): string;
  /** Seconds as m:ss, or h:mm:ss past an hour. */
  duration(seconds: number | null): string;
  clock(ms: number): string;
  time(ms: number): string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function createFormatters(locale: Locale): Formatters {
  const tag = INTL_LOCALE[locale];
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  const integer = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
  const clock = new Intl.DateTimeFormat(tag, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  const time = new Intl.DateTimeFormat(tag, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false });
  return {
    percent: (fraction) => (fraction === null ? '—' : percent.format(fraction)),
    integer: (value) => integer.format(value),
    decimal: (value) => decimal.format(value),
    duration: (seconds) => {
      if (seconds === null) return '—';
      const whole = Math.max(0, Math.floor(seconds));
      const h = Math.floor(whole / 3600);
      const m = Math.floor((whole % 3600) / 60);
      const s = whole % 60;
      return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
    },
    clock: (ms) => clock.format(ms),
    time: (ms) => time.format(ms),
  };
}
