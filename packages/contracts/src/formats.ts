import { FormatRegistry } from '@sinclair/typebox';

// RFC 3339 date-time: a full date, a time and an explicit offset (Z or ±hh:mm).
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

/**
 * Whether the text is an RFC 3339 date-time naming a real instant: `Date.parse` alone rolls `2026-02-30` over to
 * 2 March and takes hour 24, so each field is checked against the calendar (leap years included). Every event's time
 * passes here: the fields are read without building arrays or dates.
 */
export function isDateTime(value: string): boolean {
  const match = RFC3339.exec(value);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(match[1]), month)
    && Number(match[4]) <= 23 && Number(match[5]) <= 59 && Number(match[6]) <= 59
    && Number(match[8] ?? 0) <= 23 && Number(match[9] ?? 0) <= 59 && !Number.isNaN(Date.parse(value));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1–12) of a proleptic Gregorian year. */
function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

if (!FormatRegistry.Has('date-time')) FormatRegistry.Set('date-time', isDateTime);

/** An RFC 3339 full-date (YYYY-MM-DD) that is a real day of the calendar. */
export function isDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

if (!FormatRegistry.Has('date')) FormatRegistry.Set('date', isDate);
