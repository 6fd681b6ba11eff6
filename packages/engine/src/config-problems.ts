import { tzOffset } from '@date-fns/tz';
import { kpiTargetProblems, type BusinessCalendar, type EngineSettings, type QueueConfig } from '@plancia/contracts';
import type { EngineConfig } from './engine-api.js';

/** A setting the engine cannot run on, named by its JSON Pointer within the checked value. */
export interface ConfigProblem {
  path: string;
  message: string;
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export function isKnownTimeZone(timeZone: string): boolean {
  return !Number.isNaN(tzOffset(timeZone, new Date(0)));
}

export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** A real date of the proleptic Gregorian calendar (no 30 February, no month 13): Date.UTC would roll it over. */
function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function dateProblem(path: string, value: string, withYear: boolean): ConfigProblem[] {
  const parts = value.split('-').map(Number);
  const [year, month, day] = withYear ? parts : [2000, ...parts]; // 2000 is a leap year: 02-29 is a real day
  return isRealDate(year!, month!, day!) ? [] : [{ path, message: `${value} is not a real date` }];
}

/** What the engine rejects in one calendar, with paths relative to the calendar (`/timeZone`, `/weekly/mon/0`). */
export function calendarProblems(cal: BusinessCalendar): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (!isKnownTimeZone(cal.timeZone)) problems.push({ path: '/timeZone', message: `"${cal.timeZone}" is not a known IANA time zone` });
  for (const weekday of WEEKDAYS) {
    cal.weekly[weekday].forEach((span, i) => {
      const start = minutesOf(span.start);
      const end = minutesOf(span.end);
      if (!(start < end) || end > 1440) {
        problems.push({ path: `/weekly/${weekday}/${i}`, message: `must start before it ends (got ${span.start}–${span.end})` });
      }
    });
  }
  if (cal.patronSaintDay !== undefined) problems.push(...dateProblem('/patronSaintDay', cal.patronSaintDay, false));
  cal.closures.forEach((date, i) => problems.push(...dateProblem(`/closures/${i}`, date, true)));
  return problems;
}

/** What the engine rejects in the centre-wide settings (paths relative to the settings). */
export function settingsProblems(settings: Partial<EngineSettings>): ConfigProblem[] {
  if (settings.timeZone === undefined || isKnownTimeZone(settings.timeZone)) return [];
  return [{ path: '/timeZone', message: `"${settings.timeZone}" is not a known IANA time zone` }];
}

/** Every setting of a whole configuration the engine would refuse to run on, with paths within the configuration. */
/** What the engine rejects in one queue (paths relative to the queue): a KPI's critical value on the good side of its target. */
export function queueProblems(queue: Pick<QueueConfig, 'kpiTargets'>): ConfigProblem[] {
  return kpiTargetProblems(queue.kpiTargets).map((p) => ({ path: `/kpiTargets${p.path}`, message: p.message }));
}

export function configProblems(config: Pick<EngineConfig, 'calendars'> & { settings?: Partial<EngineSettings>; queues?: readonly Pick<QueueConfig, 'kpiTargets'>[] }): ConfigProblem[] {
  const within = (prefix: string) => (p: ConfigProblem): ConfigProblem => ({ path: `${prefix}${p.path}`, message: p.message });
  return [
    ...settingsProblems(config.settings ?? {}).map(within('/settings')),
    ...config.calendars.flatMap((cal, i) => calendarProblems(cal).map(within(`/calendars/${i}`))),
    ...(config.queues ?? []).flatMap((queue, i) => queueProblems(queue).map(within(`/queues/${i}`))),
  ];
}
