import type { AbandonPolicyName, ClosedIntervalEntry, ReportGranularity, ReportRow, ReportSeries } from '@plancia/contracts';
import { addSums, emptySums, figuresOf, sumsOf, type Sums } from './report-figures.js';
import { periodOf, romeDay } from './report-periods.js';

/** A queue's abandon policy: the one its configuration states now (the engine's default for an unconfigured queue). */
export type PolicyOf = (queueId: string) => AbandonPolicyName;

/**
 * The policy an interval's service level was computed under: the one stored with it, or, for an interval stored
 * before the policy was kept, the queue's current one (right unless the policy changed since).
 */
const policyThen = (interval: ClosedIntervalEntry, policyOf: PolicyOf): AbandonPolicyName => interval.abandonPolicy ?? policyOf(interval.queueId);

/**
 * The period length of a report: the one asked for, raised to the longest stored interval summed, since a stored
 * interval cannot be split. `interval` keeps each stored length as it is.
 */
function spanOf(granularity: ReportGranularity, intervals: readonly ClosedIntervalEntry[]): number | 'day' | null {
  if (granularity === 'day') return 'day';
  if (granularity === 'interval') return null;
  return Math.max(Number(granularity), ...intervals.map((i) => i.intervalMinutes));
}

interface Bucket { start: number; minutes: number; intervals: number; sums: Sums }

/** Sums stored intervals (of one queue or several) into periods: the rows of a report and their total. */
export function buildSeries(
  intervals: readonly ClosedIntervalEntry[], policyOf: PolicyOf, granularity: ReportGranularity, fromMs: number, toMs: number,
): ReportSeries {
  const span = spanOf(granularity, intervals);
  const buckets = new Map<string, Bucket>();
  const total = emptySums();
  for (const interval of intervals) {
    const startMs = Date.parse(interval.intervalStart);
    const period = span === null ? { start: startMs, minutes: interval.intervalMinutes } : periodOf(startMs, span);
    const key = `${period.start}|${period.minutes}`;
    const bucket = buckets.get(key) ?? { ...period, intervals: 0, sums: emptySums() };
    buckets.set(key, bucket);
    const sums = sumsOf(interval.metrics, policyThen(interval, policyOf));
    addSums(bucket.sums, sums);
    addSums(total, sums);
    bucket.intervals += 1;
  }
  const rows = [...buckets.values()].sort((a, b) => a.start - b.start || a.minutes - b.minutes).map(rowOf);
  return { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), rows, total: figuresOf(total) };
}

function rowOf(bucket: Bucket): ReportRow {
  return {
    start: new Date(bucket.start).toISOString(),
    minutes: bucket.minutes,
    day: romeDay(bucket.start),
    intervals: bucket.intervals,
    ...figuresOf(bucket.sums),
  };
}

/** The total of several intervals: one figure set for a month, a queue or a channel. */
export function totalOf(intervals: readonly ClosedIntervalEntry[], policyOf: PolicyOf) {
  const sums = emptySums();
  for (const interval of intervals) addSums(sums, sumsOf(interval.metrics, policyThen(interval, policyOf)));
  return figuresOf(sums);
}
