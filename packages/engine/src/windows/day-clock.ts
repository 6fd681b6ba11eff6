import { TZDate } from '@date-fns/tz';

/** The local day that contains `nowMs`, starting at `resetTime` (HH:MM) in `timeZone`; DST-aware. */
export function dayBounds(nowMs: number, timeZone: string, resetTime: string): { start: number; end: number } {
  const [hours, minutes] = resetTime === '24:00' ? [0, 0] : (resetTime.split(':').map(Number) as [number, number]);
  const local = new TZDate(nowMs, timeZone);
  // Month/day overflow is normalised by the Date constructor, so day − 1 and day + 1 are plain calendar steps.
  const at = (dayOffset: number): number =>
    new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + dayOffset, hours, minutes, 0, 0, timeZone).getTime();
  const today = at(0);
  return today <= nowMs ? { start: today, end: at(1) } : { start: at(-1), end: today };
}
