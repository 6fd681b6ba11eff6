/** Days in the reports are Europe/Rome days, whatever the browser's own zone. */
const ZONE = 'Europe/Rome';
const DAY_MS = 86_400_000;
const parts = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

function fields(ms: number): Record<string, number> {
  return Object.fromEntries(parts.formatToParts(ms).filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)]));
}

/** Rome's offset from UTC at an instant, in milliseconds. */
function offsetAt(ms: number): number {
  const f = fields(ms);
  return Date.UTC(f.year!, f.month! - 1, f.day!, f.hour!, f.minute!, f.second!) - Math.floor(ms / 1000) * 1000;
}

/** The Rome date of an instant, YYYY-MM-DD. */
export function romeDate(ms: number): string {
  const f = fields(ms);
  return `${f.year}-${String(f.month).padStart(2, '0')}-${String(f.day).padStart(2, '0')}`;
}

/** The first instant of a Rome date (midnight is never inside a clock change in Rome: those are at 02:00 and 03:00). */
export function romeMidnight(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const utc = Date.UTC(y, m - 1, d);
  return utc - offsetAt(utc - 2 * 3_600_000);
}

/** The Rome date `days` days after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Rome date and wall-clock time of an instant, YYYY-MM-DD HH:MM. */
export function romeDateTime(ms: number): string {
  const f = fields(ms);
  return `${romeDate(ms)} ${String(f.hour).padStart(2, '0')}:${String(f.minute).padStart(2, '0')}`;
}
