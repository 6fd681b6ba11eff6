import { civilDateOf, dayNumberOf, monthDayOf } from './civil-day.js';

/** National public holidays of Italy on fixed dates (MM-DD), Law 260/1949 and later amendments. */
export const ITALIAN_FIXED_HOLIDAYS: readonly { monthDay: string; name: string }[] = [
  { monthDay: '01-01', name: 'Capodanno' },
  { monthDay: '01-06', name: 'Epifania' },
  { monthDay: '04-25', name: 'Festa della Liberazione' },
  { monthDay: '05-01', name: 'Festa del Lavoro' },
  { monthDay: '06-02', name: 'Festa della Repubblica' },
  { monthDay: '08-15', name: 'Ferragosto' },
  { monthDay: '11-01', name: 'Ognissanti' },
  { monthDay: '12-08', name: 'Immacolata Concezione' },
  { monthDay: '12-25', name: 'Natale' },
  { monthDay: '12-26', name: 'Santo Stefano' },
];

/** Easter Sunday of a Gregorian year by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

/** Every Italian national public holiday of a year as MM-DD, Easter Sunday and Easter Monday included. */
export function italianHolidays(year: number): string[] {
  const easter = easterSunday(year);
  const easterDay = dayNumberOf(year, easter.month, easter.day);
  const movable = [easterDay, easterDay + 1].map((n) => monthDayOf(civilDateOf(n)));
  return [...ITALIAN_FIXED_HOLIDAYS.map((h) => h.monthDay), ...movable].sort();
}
