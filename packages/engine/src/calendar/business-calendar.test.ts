import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_CALENDAR, type BusinessCalendar } from '@plancia/contracts';
import { Calendar } from './business-calendar.js';

const HOUR = 3600;
const at = (iso: string): number => Date.parse(iso);
const iso = (ms: number): string => new Date(ms).toISOString();
const office = new Calendar(DEFAULT_CALENDAR);

const allDay = [{ start: '00:00', end: '24:00' }];
const alwaysOpen = (timeZone: string): BusinessCalendar => ({
  id: 'always', name: 'always', timeZone, italianHolidays: false, closures: [],
  weekly: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
});

describe('Calendar: default Mon–Fri 09–18 Europe/Rome with Italian holidays', () => {
  it('is open inside the span, closed at its end and outside it', () => {
    expect(office.isOpen(at('2026-01-19T09:00:00+01:00'))).toBe(true);
    expect(office.isOpen(at('2026-01-19T08:59:59+01:00'))).toBe(false);
    expect(office.isOpen(at('2026-01-19T17:59:59+01:00'))).toBe(true);
    expect(office.isOpen(at('2026-01-19T18:00:00+01:00'))).toBe(false);
    expect(office.isOpen(at('2026-01-17T10:00:00+01:00'))).toBe(false); // Saturday
  });

  it('moves 8 business hours from Friday 17:00 over the weekend to Monday 16:00', () => {
    const due = office.addBusinessSeconds(at('2026-01-16T17:00:00+01:00'), 8 * HOUR);
    expect(iso(due)).toBe(iso(at('2026-01-19T16:00:00+01:00')));
  });

  it('skips Easter Monday 2026 (6 April): Friday 3 April 17:00 + 8 h is Tuesday 7 April 16:00', () => {
    expect(office.isOpen(at('2026-04-06T10:00:00+02:00'))).toBe(false);
    const due = office.addBusinessSeconds(at('2026-04-03T17:00:00+02:00'), 8 * HOUR);
    expect(iso(due)).toBe(iso(at('2026-04-07T16:00:00+02:00')));
  });

  it('skips Christmas and Santo Stefano 2025 (Thursday and Friday)', () => {
    const due = office.addBusinessSeconds(at('2025-12-24T17:00:00+01:00'), 8 * HOUR);
    expect(iso(due)).toBe(iso(at('2025-12-29T16:00:00+01:00')));
    expect(office.businessSecondsBetween(at('2025-12-24T17:00:00+01:00'), due)).toBe(8 * HOUR);
  });

  it('spreads 48 business hours over five full days and three hours', () => {
    const due = office.addBusinessSeconds(at('2026-01-12T09:00:00+01:00'), 48 * HOUR);
    expect(iso(due)).toBe(iso(at('2026-01-19T12:00:00+01:00')));
  });

  it('starts counting at the next opening when started while closed', () => {
    const due = office.addBusinessSeconds(at('2026-01-17T23:00:00+01:00'), HOUR);
    expect(iso(due)).toBe(iso(at('2026-01-19T10:00:00+01:00')));
  });

  it('ends exactly at closing time when the remaining time fits to the second', () => {
    const due = office.addBusinessSeconds(at('2026-01-19T17:00:00+01:00'), HOUR);
    expect(iso(due)).toBe(iso(at('2026-01-19T18:00:00+01:00')));
  });

  it('keeps wall-time spans across the spring DST change (Sunday 29 March 2026)', () => {
    const friday = at('2026-03-27T17:00:00+01:00');
    const due = office.addBusinessSeconds(friday, 8 * HOUR);
    expect(iso(due)).toBe(iso(at('2026-03-30T16:00:00+02:00')));
    expect(office.isOpen(at('2026-03-30T09:00:00+02:00'))).toBe(true);
    expect(office.isOpen(at('2026-03-30T08:30:00+02:00'))).toBe(false);
  });

  it('keeps wall-time spans across the autumn DST change (Sunday 25 October 2026)', () => {
    const due = office.addBusinessSeconds(at('2026-10-23T17:00:00+02:00'), 2 * HOUR);
    expect(iso(due)).toBe(iso(at('2026-10-26T10:00:00+01:00')));
  });

  it('measures business time between two instants, negative when reversed', () => {
    const a = at('2026-01-16T17:30:00+01:00');
    const b = at('2026-01-19T09:45:00+01:00');
    // Friday 17:30–18:00 and Monday 09:00–09:45
    expect(office.businessSecondsBetween(a, b)).toBe(1.25 * HOUR);
    expect(office.businessSecondsBetween(b, a)).toBe(-1.25 * HOUR);
  });
});

describe('Calendar: holidays, closures and custom hours', () => {
  const rome: BusinessCalendar = {
    ...DEFAULT_CALENDAR,
    patronSaintDay: '06-29',
    closures: ['2026-08-14'],
    weekly: { ...DEFAULT_CALENDAR.weekly, mon: [{ start: '14:00', end: '18:00' }, { start: '09:00', end: '13:00' }] },
  };
  const cal = new Calendar(rome);

  it('closes on the patron saint day and on one-off closures', () => {
    expect(cal.isOpen(at('2026-06-29T10:00:00+02:00'))).toBe(false); // Monday, Santi Pietro e Paolo
    expect(cal.isOpen(at('2026-08-14T10:00:00+02:00'))).toBe(false); // Friday before Ferragosto
    expect(cal.isOpen(at('2026-08-13T10:00:00+02:00'))).toBe(true);
  });

  it('closes on the fixed national holidays', () => {
    for (const day of ['2026-01-01', '2026-01-06', '2026-04-06', '2026-04-24', '2026-06-02', '2026-11-02']) {
      const open = cal.isOpen(at(`${day}T10:00:00Z`));
      expect(open, day).toBe(day === '2026-04-24' || day === '2026-11-02');
    }
  });

  it('honours a lunch break given out of order', () => {
    expect(cal.isOpen(at('2026-01-19T13:30:00+01:00'))).toBe(false);
    const due = cal.addBusinessSeconds(at('2026-01-19T09:00:00+01:00'), 5 * HOUR);
    expect(iso(due)).toBe(iso(at('2026-01-19T15:00:00+01:00')));
  });

  it('counts 23 and 25 hours on the DST days of a round-the-clock calendar', () => {
    const always = new Calendar(alwaysOpen('Europe/Rome'));
    expect(always.businessSecondsBetween(at('2026-03-29T00:00:00+01:00'), at('2026-03-30T00:00:00+02:00'))).toBe(23 * HOUR);
    expect(always.businessSecondsBetween(at('2026-10-25T00:00:00+02:00'), at('2026-10-26T00:00:00+01:00'))).toBe(25 * HOUR);
  });

  it('never reaches a deadline on a calendar with no opening hours', () => {
    const closed = new Calendar({ ...DEFAULT_CALENDAR, weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } });
    expect(closed.addBusinessSeconds(0, 1)).toBe(Number.POSITIVE_INFINITY);
    expect(closed.addBusinessSeconds(0, 0)).toBe(0);
  });

  it('rejects an unknown time zone and an inverted span, naming the field', () => {
    expect(() => new Calendar({ ...DEFAULT_CALENDAR, timeZone: 'Mars/Olympus' })).toThrow(/timeZone "Mars\/Olympus"/);
    const inverted = { ...DEFAULT_CALENDAR.weekly, tue: [{ start: '18:00', end: '09:00' }] };
    expect(() => new Calendar({ ...DEFAULT_CALENDAR, weekly: inverted })).toThrow(/\/weekly\/tue\/0 must start before it ends/);
  });

  it('rejects negative durations', () => {
    expect(() => office.addBusinessSeconds(0, -1)).toThrow(/seconds/);
  });
});

describe('Calendar properties', () => {
  const start = fc.integer({ min: at('2024-01-01T00:00:00Z'), max: at('2028-12-31T00:00:00Z') });
  const seconds = fc.integer({ min: 0, max: 500 * HOUR });

  it('addBusinessSeconds then businessSecondsBetween gives the same seconds back', () => {
    fc.assert(fc.property(start, seconds, (a, s) => office.businessSecondsBetween(a, office.addBusinessSeconds(a, s)) === s));
  });

  it('addBusinessSeconds is monotone in the duration and never goes back in time', () => {
    fc.assert(fc.property(start, seconds, seconds, (a, s1, s2) => {
      const [lo, hi] = s1 <= s2 ? [s1, s2] : [s2, s1];
      const dueLo = office.addBusinessSeconds(a, lo);
      return a <= dueLo && dueLo <= office.addBusinessSeconds(a, hi);
    }));
  });

  it('businessSecondsBetween is additive and never exceeds the wall-clock time', () => {
    fc.assert(fc.property(start, fc.integer({ min: 0, max: 30 * 86_400_000 }), fc.integer({ min: 0, max: 30 * 86_400_000 }), (a, d1, d2) => {
      const total = office.businessSecondsBetween(a, a + d1 + d2);
      const parts = office.businessSecondsBetween(a, a + d1) + office.businessSecondsBetween(a + d1, a + d1 + d2);
      return Math.abs(total - parts) < 1e-6 && total >= 0 && total <= (d1 + d2) / 1000;
    }));
  });

  it('a round-the-clock calendar counts wall-clock time', () => {
    const always = new Calendar(alwaysOpen('America/New_York'));
    fc.assert(fc.property(start, seconds, (a, s) => always.addBusinessSeconds(a, s) === a + s * 1000));
  });
});
