import { TZDate } from '@date-fns/tz';
import { REPORT_TIME_ZONE } from '@plancia/contracts';

const MINUTE_MS = 60_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** The Europe/Rome date of an instant, YYYY-MM-DD. */
export function romeDay(ms: number): string {
  const d = new TZDate(ms, REPORT_TIME_ZONE);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The first instant of the Rome day holding `ms`. */
export function romeDayStart(ms: number): number {
  const d = new TZDate(ms, REPORT_TIME_ZONE);
  return new TZDate(d.getFullYear(), d.getMonth(), d.getDate(), REPORT_TIME_ZONE).getTime();
}

/** The first instant of the Rome day after the one holding `ms` (a day lasts 23, 24 or 25 hours). */
export function romeNextDayStart(ms: number): number {
  const d = new TZDate(ms, REPORT_TIME_ZONE);
  return new TZDate(d.getFullYear(), d.getMonth(), d.getDate() + 1, REPORT_TIME_ZONE).getTime();
}

/** The same Rome wall-clock time seven days earlier: the same weekday last week, across a clock change too. */
export function sameTimeLastWeek(ms: number): number {
  const d = new TZDate(ms, REPORT_TIME_ZONE);
  return new TZDate(d.getFullYear(), d.getMonth(), d.getDate() - 7, d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds(), REPORT_TIME_ZONE).getTime();
}

/** A month YYYY-MM as [first instant, first instant of the next month) in Rome. */
export function romeMonth(month: string): { fromMs: number; toMs: number } {
  const [year, index] = month.split('-').map(Number) as [number, number];
  return {
    fromMs: new TZDate(year, index - 1, 1, REPORT_TIME_ZONE).getTime(),
    toMs: new TZDate(year, index, 1, REPORT_TIME_ZONE).getTime(),
  };
}

/** Every month from `from` to `to` included, YYYY-MM. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  for (let key = from; key <= to; key = `${year}-${pad(month)}`) {
    months.push(key);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

/**
 * The period a stored interval falls in: the aligned span of `minutes` (intervals are aligned on UTC multiples of
 * their length, and Rome's offset is whole hours, so no interval straddles a Rome midnight), or its Rome day.
 */
export function periodOf(startMs: number, minutes: number | 'day'): { start: number; minutes: number } {
  if (minutes === 'day') {
    const start = romeDayStart(startMs);
    return { start, minutes: Math.round((romeNextDayStart(startMs) - start) / MINUTE_MS) };
  }
  const span = minutes * MINUTE_MS;
  return { start: Math.floor(startMs / span) * span, minutes };
}
