import type { OpeningSpan } from '@plancia/contracts';

/** Opening hours and closures as a supervisor types them, to and from the contract's shape. */

export const WEEK_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekDay = (typeof WEEK_DAYS)[number];

const SPAN = /^(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/;
const padded = (time: string) => time.padStart(5, '0');

export const formatSpans = (spans: readonly OpeningSpan[]) => spans.map((s) => `${s.start}-${s.end}`).join(', ');

/** "09:00-13:00, 14:00-18:00" → spans; empty → closed that day; null when a span is not written as HH:MM-HH:MM. */
export function parseSpans(text: string): OpeningSpan[] | null {
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  const spans: OpeningSpan[] = [];
  for (const part of parts) {
    const match = SPAN.exec(part);
    if (!match) return null;
    spans.push({ start: padded(match[1]!), end: padded(match[2]!) });
  }
  return spans;
}

/** One date a line (commas too), blanks ignored; the contract checks each is YYYY-MM-DD. */
export const parseDays = (text: string) => text.split(/[\n,]/).map((d) => d.trim()).filter(Boolean);

/** Whether the browser's time-zone database knows the name, as the server's does. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name.length > 0;
  } catch {
    return false;
  }
}
