/** The periods the history and the MTTA/MTTR table offer; `custom` runs between two instants the person picks. */
export const PERIODS = ['last24h', 'last7d', 'last30d', 'today', 'custom'] as const;
export type Period = (typeof PERIODS)[number];

/** A custom period as its two fields hold it: `YYYY-MM-DDTHH:mm` wall-clock times of the centre (empty until set). */
export interface CustomPeriod {
  from: string;
  to: string;
}

const HOUR = 3_600_000;
const SPANS: Record<Exclude<Period, 'today' | 'custom'>, number> = { last24h: 24 * HOUR, last7d: 7 * 24 * HOUR, last30d: 30 * 24 * HOUR };

/** The wall-clock fields of `atMs` in `timeZone`. */
function wallClock(atMs: number, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(atMs);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute'), second: part('second') };
}

/** Midnight of `nowMs`'s day in `timeZone`, as an instant (the centre's day, not the browser's). */
export function startOfDay(nowMs: number, timeZone: string): number {
  const { hour, minute, second } = wallClock(nowMs, timeZone);
  return nowMs - (((hour * 60 + minute) * 60 + second) * 1000 + (nowMs % 1000));
}

/**
 * The instant a wall-clock time (`YYYY-MM-DDTHH:mm`) names in `timeZone`; null when it is not one. The zone's offset is
 * read at a first guess and corrected once, which lands right on both sides of a daylight-saving change.
 */
export function zonedInstant(wall: string, timeZone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(asUtc)) return null;
  const offsetAt = (atMs: number) => {
    const c = wallClock(atMs, timeZone);
    return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) - Math.floor(atMs / 1000) * 1000;
  };
  const guess = asUtc - offsetAt(asUtc);
  return asUtc - offsetAt(guess);
}

/**
 * The instants a period covers, as the API's `from` and `to` (ISO); null for a custom period whose ends are missing
 * or out of order.
 */
export function periodRange(period: Period, nowMs: number, timeZone: string, custom?: CustomPeriod): { from: string; to: string } | null {
  if (period === 'custom') {
    const from = custom && zonedInstant(custom.from, timeZone);
    const to = custom && zonedInstant(custom.to, timeZone);
    return from != null && to != null && to > from ? { from: new Date(from).toISOString(), to: new Date(to).toISOString() } : null;
  }
  const from = period === 'today' ? startOfDay(nowMs, timeZone) : nowMs - SPANS[period];
  return { from: new Date(from).toISOString(), to: new Date(nowMs).toISOString() };
}
