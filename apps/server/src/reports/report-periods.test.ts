import { describe, expect, it } from 'vitest';
import { monthsBetween, periodOf, romeDay, romeMonth, sameTimeLastWeek } from './report-periods.js';

describe('report periods in Europe/Rome', () => {
  it('dates an instant by its Rome day, not its UTC one', () => {
    expect(romeDay(Date.parse('2026-03-01T23:30:00Z'))).toBe('2026-03-02');
    expect(romeDay(Date.parse('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
  });

  it('gives the clock-change days 23 and 25 hours', () => {
    expect(periodOf(Date.parse('2026-03-29T10:00:00Z'), 'day')).toEqual({ start: Date.parse('2026-03-28T23:00:00Z'), minutes: 23 * 60 });
    expect(periodOf(Date.parse('2026-10-25T10:00:00Z'), 'day')).toEqual({ start: Date.parse('2026-10-24T22:00:00Z'), minutes: 25 * 60 });
  });

  it('aligns 15 and 30 minute periods on their multiples', () => {
    expect(periodOf(Date.parse('2026-03-02T09:45:00Z'), 30)).toEqual({ start: Date.parse('2026-03-02T09:30:00Z'), minutes: 30 });
  });

  it('finds the same weekday and wall-clock time a week earlier, across the spring clock change', () => {
    // Monday 30 March 09:00 CEST (07:00Z) → Monday 23 March 09:00 CET (08:00Z).
    expect(new Date(sameTimeLastWeek(Date.parse('2026-03-30T07:00:00Z'))).toISOString()).toBe('2026-03-23T08:00:00.000Z');
  });

  it('bounds months in Rome and lists a range of them', () => {
    expect(romeMonth('2026-01')).toEqual({ fromMs: Date.parse('2025-12-31T23:00:00Z'), toMs: Date.parse('2026-01-31T23:00:00Z') });
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});
