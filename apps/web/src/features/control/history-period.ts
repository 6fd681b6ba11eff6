/** The periods the history and the MTTA/MTTR table offer. */
export const PERIODS = ['last24h', 'last7d', 'last30d', 'today'] as const;
export type Period = (typeof PERIODS)[number];

const HOUR = 3_600_000;
const SPANS: Record<Exclude<Period, 'today'>, number> = { last24h: 24 * HOUR, last7d: 7 * 24 * HOUR, last30d: 30 * 24 * HOUR };

/** Midnight of `nowMs`'s day in `timeZone`, as an instant (the centre's day, not the browser's). */
export function startOfDay(nowMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', hour: 'numeric', minute: 'numeric', second: 'numeric' })
    .formatToParts(nowMs);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const sinceMidnight = ((part('hour') * 60 + part('minute')) * 60 + part('second')) * 1000 + (nowMs % 1000);
  return nowMs - sinceMidnight;
}

/** The instants a period covers, as the API's `from` and `to` (ISO). */
export function periodRange(period: Period, nowMs: number, timeZone: string): { from: string; to: string } {
  const from = period === 'today' ? startOfDay(nowMs, timeZone) : nowMs - SPANS[period];
  return { from: new Date(from).toISOString(), to: new Date(nowMs).toISOString() };
}
