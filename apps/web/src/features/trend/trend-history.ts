import type { ClosedIntervalEntry } from '@plancia/contracts';
import type { TrendPoint } from './stores/trend-store.js';

/** One row of the chart: a live sample (service level of the rolling window, waiting) or an interval's edge. */
export interface TrendRow {
  at: number;
  serviceLevel?: number | null;
  waiting?: number;
  intervalServiceLevel?: number | null;
}

export const intervalEnd = (interval: ClosedIntervalEntry) => Date.parse(interval.intervalStart) + interval.intervalMinutes * 60_000;

/**
 * Closed intervals as a flat step: each interval's service level from its start to its end. A gap between two
 * intervals (none stored for a while) breaks the line instead of bridging it; an interval overlapping the previous
 * one (stored under another interval length before a configuration change) is left out.
 */
export function intervalRows(intervals: readonly ClosedIntervalEntry[]): TrendRow[] {
  const rows: TrendRow[] = [];
  let previousEnd: number | null = null;
  for (const interval of intervals) {
    const start = Date.parse(interval.intervalStart);
    if (previousEnd !== null && start < previousEnd) continue;
    if (previousEnd !== null && start > previousEnd) rows.push({ at: previousEnd, intervalServiceLevel: null });
    rows.push({ at: start, intervalServiceLevel: interval.metrics.serviceLevel }, { at: intervalEnd(interval), intervalServiceLevel: interval.metrics.serviceLevel });
    previousEnd = intervalEnd(interval);
  }
  return rows;
}

/** Stored intervals, then the samples taken since the page loaded, in time order, from `fromMs` on. */
export function trendRows(intervals: readonly ClosedIntervalEntry[], live: readonly TrendPoint[], fromMs: number): TrendRow[] {
  const recent = intervals.filter((interval) => intervalEnd(interval) > fromMs);
  const rows = [...intervalRows(recent), ...live.filter((point) => point.at >= fromMs)];
  // Stable: an interval's end and a sample at the same instant keep that order.
  return rows.sort((a, b) => a.at - b.at);
}
