import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, DEFAULT_SETTINGS } from '@plancia/contracts';
import { calendarProblems, configProblems } from './config-problems.js';

describe('configuration the engine refuses', () => {
  it('accepts the defaults', () => {
    expect(configProblems({ settings: DEFAULT_SETTINGS, calendars: [DEFAULT_CALENDAR] })).toEqual([]);
  });

  it('names an unknown zone, a span that starts when it ends and impossible dates', () => {
    const bad = {
      ...DEFAULT_CALENDAR, timeZone: 'Not/AZone', patronSaintDay: '02-30', closures: ['2026-08-14', '2026-02-30', '2026-13-01'],
      weekly: { ...DEFAULT_CALENDAR.weekly, wed: [{ start: '09:00', end: '18:00' }, { start: '10:00', end: '10:00' }] },
    };
    expect(calendarProblems(bad).map((p) => p.path)).toEqual(['/timeZone', '/weekly/wed/1', '/patronSaintDay', '/closures/1', '/closures/2']);
  });

  it('accepts 29 February as a patron saint day and on a leap year, not on another year', () => {
    expect(calendarProblems({ ...DEFAULT_CALENDAR, patronSaintDay: '02-29', closures: ['2028-02-29'] })).toEqual([]);
    expect(calendarProblems({ ...DEFAULT_CALENDAR, closures: ['2027-02-29'] })).toEqual([{ path: '/closures/0', message: '2027-02-29 is not a real date' }]);
  });

  it('places problems within the whole configuration', () => {
    const problems = configProblems({ settings: { ...DEFAULT_SETTINGS, timeZone: 'Mars/Olympus' }, calendars: [DEFAULT_CALENDAR, { ...DEFAULT_CALENDAR, timeZone: 'X/Y' }] });
    expect(problems.map((p) => p.path)).toEqual(['/settings/timeZone', '/calendars/1/timeZone']);
  });
});
