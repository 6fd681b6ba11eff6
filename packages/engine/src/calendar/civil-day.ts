/**
 * Local calendar dates as day numbers (days since 1970-01-01), so that walking a calendar is integer arithmetic.
 * The arithmetic is on the proleptic Gregorian calendar with no time zone: a day number names a local date.
 */
const DAY_MS = 86_400_000;

export interface CivilDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

export function dayNumberOf(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function civilDateOf(dayNumber: number): CivilDate {
  const d = new Date(dayNumber * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday, like Date#getDay. 1970-01-01 was a Thursday. */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** The day number of the local date whose wall clock shows `localMs` (an instant shifted by its UTC offset). */
export function dayNumberOfLocalMs(localMs: number): number {
  return Math.floor(localMs / DAY_MS);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD` */
export function isoDateOf(date: CivilDate): string {
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** `MM-DD` */
export function monthDayOf(date: CivilDate): string {
  return `${pad(date.month)}-${pad(date.day)}`;
}
