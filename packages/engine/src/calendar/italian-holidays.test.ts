import { describe, expect, it } from 'vitest';
import { easterSunday, italianHolidays } from './italian-holidays.js';

describe('easterSunday', () => {
  // Published Gregorian Easter dates, including the earliest (22 March 2285) and latest (25 April 2038) in range.
  const known: [number, number, number][] = [
    [2019, 4, 21], [2024, 3, 31], [2025, 4, 20], [2026, 4, 5], [2027, 3, 28], [2038, 4, 25], [2285, 3, 22],
  ];
  it.each(known)('Easter %i is %i/%i', (year, month, day) => {
    expect(easterSunday(year)).toEqual({ month, day });
  });
});

describe('italianHolidays', () => {
  it('lists the twelve national holidays of 2026, Easter Monday on 6 April', () => {
    expect(italianHolidays(2026)).toEqual([
      '01-01', '01-06', '04-05', '04-06', '04-25', '05-01', '06-02', '08-15', '11-01', '12-08', '12-25', '12-26',
    ]);
  });

  it('moves Easter Monday into April when Easter Sunday is 31 March (2024)', () => {
    expect(italianHolidays(2024)).toContain('04-01');
    expect(italianHolidays(2024)).toContain('03-31');
  });
});
