import { describe, expect, it } from 'vitest';
import { addDays, romeDate, romeMidnight } from './rome-day.js';

describe('Rome days in the browser', () => {
  it('finds midnight in Rome in winter and summer, and on clock-change days', () => {
    expect(new Date(romeMidnight('2026-11-09')).toISOString()).toBe('2026-11-08T23:00:00.000Z');
    expect(new Date(romeMidnight('2026-07-01')).toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(new Date(romeMidnight('2026-03-29')).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(new Date(romeMidnight('2026-10-25')).toISOString()).toBe('2026-10-24T22:00:00.000Z');
  });

  it('dates an instant in Rome and counts days across a month end', () => {
    expect(romeDate(Date.parse('2026-03-01T23:30:00Z'))).toBe('2026-03-02');
    expect(addDays('2026-03-02', -13)).toBe('2026-02-17');
  });
});
