import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDate, isDateTime } from './formats.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Whether the UTC calendar has that day (setUTCFullYear, not Date.UTC, which reads years 0–99 as 1900–1999). */
function inCalendar(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const last = new Date(0);
  last.setUTCFullYear(year, month, 0);
  return day <= last.getUTCDate();
}

describe('the date format', () => {
  it('takes a real day of the calendar only', () => {
    expect(isDate('2026-01-15')).toBe(true);
    expect(isDate('2024-02-29')).toBe(true);
    expect(isDate('2026-02-29')).toBe(false);
    expect(isDate('2026-13-01')).toBe(false);
    expect(isDate('2026-1-15')).toBe(false);
    expect(isDate('2026-01-15T00:00:00Z')).toBe(false);
  });

  it('agrees with the UTC calendar on every day of any year', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (year, month, day) => {
      expect(isDate(`${pad(year, 4)}-${pad(month)}-${pad(day)}`)).toBe(inCalendar(year, month, day));
    }));
  });
});

describe('the date-time format', () => {
  it('takes an RFC 3339 instant that exists, with its offset', () => {
    expect(isDateTime('2024-02-29T23:59:59.123Z')).toBe(true);
    expect(isDateTime('2026-03-29T02:30:00+01:00')).toBe(true);
    expect(isDateTime('2026-02-29T10:00:00Z')).toBe(false);
    expect(isDateTime('1900-02-29T10:00:00Z')).toBe(false);
    expect(isDateTime('2000-02-29T10:00:00Z')).toBe(true);
    expect(isDateTime('2026-01-15T24:00:00Z')).toBe(false);
    expect(isDateTime('2026-01-15T10:60:00Z')).toBe(false);
    expect(isDateTime('2026-01-15T10:00:00+24:00')).toBe(false);
    expect(isDateTime('2026-01-15T10:00:00')).toBe(false);
  });

  it('takes a day exactly when the calendar has it', () => {
    fc.assert(fc.property(fc.integer({ min: 1970, max: 2400 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (year, month, day) => {
      expect(isDateTime(`${year}-${pad(month)}-${pad(day)}T12:00:00Z`)).toBe(inCalendar(year, month, day));
    }));
  });
});
