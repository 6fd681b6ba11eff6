import type { Windows } from '@plancia/contracts';
import { Acc, windowMetrics } from './acc.js';
import { BucketRing } from './bucket-ring.js';
import type { SurveyFact } from '../surveys/survey-facts.js';
import { countInto, surveyOf, type Fact } from './facts.js';
import { F } from './fields.js';

/** Rolling windows move in 10-second steps: a W-minute window covers the last W × 6 buckets, the current one included. */
export const BUCKET_MS = 10_000;

/** Where the engine's clock stands, shared by every scope. */
export interface WindowClock {
  nowMs: number;
  todayStart: number;
  todayEnd: number;
  graceMs: number;
}

export interface ClosedAcc {
  startMs: number;
  acc: Acc;
}

const NONE_CLOSED: readonly ClosedAcc[] = [];

/** Service-level sums [numerator, denominator] of each window as of `stepStartMs`; see ScopeWindows.settledSums. */
export interface SettledSums {
  stepStartMs: number;
  paceStartMs: number;
  intervalEndMs: number;
  rolling: [number, number];
  interval: [number, number];
  today: [number, number];
}

/**
 * The three windows of one queue, channel or the centre. Rolling: a ring of buckets with a running sum,
 * buckets leaving the window are subtracted. Interval: one accumulator per aligned interval, kept open
 * for the grace period after it ends so late events still land in it. Today: one accumulator, reset at day start.
 *
 * Nearly every fact happens in the current bucket. Its plain sums are counted in that bucket only and added to the
 * three running sums when the bucket closes; a reading adds the open bucket in. Waits and surveys, and facts of
 * earlier buckets, go straight into every window that covers them.
 */
export class ScopeWindows {
  readonly rolling = new Acc();
  readonly today = new Acc();
  private readonly ring: BucketRing;
  private readonly intervals = new Map<number, Acc>();
  readonly intervalMs: number;
  private currentBucket = -1;
  /** whether the current bucket lies wholly inside today, so its sums can wait for it to close */
  private deferring = false;
  private currentInterval = -1;
  /** the current interval's accumulator, where nearly every fact lands: no map lookup for it */
  private currentAcc: Acc | undefined;
  private dayStart = -1;
  private dayEnd = -1;
  /** Bumped on every change, so the output layer can tell what moved. */
  version = 0;

  constructor(readonly rollingMinutes: number, readonly intervalMinutes: number) {
    this.ring = new BucketRing((rollingMinutes * 60_000) / BUCKET_MS);
    this.intervalMs = intervalMinutes * 60_000;
  }

  /** The three windows as metrics, the open bucket included. */
  metrics(): Windows {
    const open = this.deferring ? this.ring.sumsOf(this.currentBucket) : null;
    const interval = this.currentAcc ?? this.intervalAt(this.currentInterval);
    return { rolling: windowMetrics(this.rolling, open), interval: windowMetrics(interval, open), today: windowMetrics(this.today, open) };
  }

  /**
   * The service level's numerator and denominator of the three windows as of the start of the current 10-second
   * step (its open bucket left out), and where the rolling window's closed buckets begin: what the projection reads,
   * so it moves once a step whatever the reads between (docs/metrics.md, "Where the interval is going").
   */
  settledSums(): SettledSums {
    const open = this.ring.sumsOf(this.currentBucket);
    // Deferred sums are still only in the open bucket; otherwise they went straight into the running sums too.
    const drop = this.deferring || !open ? null : open;
    const pair = (acc: Acc | undefined): [number, number] => [
      (acc?.sums[F.slNumerator] ?? 0) - (drop ? drop[F.slNumerator]! : 0),
      (acc?.sums[F.slDenominator] ?? 0) - (drop ? drop[F.slDenominator]! : 0),
    ];
    return {
      stepStartMs: this.currentBucket * BUCKET_MS,
      paceStartMs: (this.currentBucket - this.ring.size + 1) * BUCKET_MS,
      intervalEndMs: (this.currentInterval + 1) * this.intervalMs,
      rolling: pair(this.rolling),
      interval: pair(this.currentAcc),
      today: pair(this.today),
    };
  }

  /** Moves the windows to the clock; returns the intervals that closed (grace included). */
  advance(clock: WindowClock): readonly ClosedAcc[] {
    this.expireBuckets(Math.floor(clock.nowMs / BUCKET_MS));
    if (clock.todayStart !== this.dayStart) {
      this.today.clear();
      this.dayStart = clock.todayStart;
      this.dayEnd = clock.todayEnd;
      this.version++;
    }
    const index = Math.floor(clock.nowMs / this.intervalMs);
    if (index !== this.currentInterval) {
      this.currentInterval = index;
      this.currentAcc = this.intervalAt(index);
      this.version++;
    }
    const bucketStart = this.currentBucket * BUCKET_MS;
    this.deferring = bucketStart >= this.dayStart && bucketStart + BUCKET_MS <= this.dayEnd;
    return this.closeIntervals(clock);
  }

  /** Counts a fact into every window that covers the instant it happened; `waitSlot`: see waitSlotOf. */
  apply(fact: Fact, waitSlot: number, sign: number): void {
    this.version++;
    const at = fact.at;
    const bucket = Math.floor(at / BUCKET_MS);
    if (bucket === this.currentBucket && this.deferring) {
      this.ring.apply(bucket, fact, waitSlot, sign);
      const survey = surveyOf(fact);
      if (waitSlot >= 0 || survey) this.countExtras(waitSlot, survey, sign);
      return;
    }
    if (bucket <= this.currentBucket && bucket > this.currentBucket - this.ring.size) {
      this.ring.apply(bucket, fact, waitSlot, sign);
      countInto(this.rolling, fact, waitSlot, sign);
    }
    const index = Math.floor(at / this.intervalMs);
    const interval = index === this.currentInterval ? this.currentAcc : this.intervals.get(index);
    if (interval) countInto(interval, fact, waitSlot, sign);
    if (at >= this.dayStart && at < this.dayEnd) countInto(this.today, fact, waitSlot, sign);
  }

  /** A wait or a survey of the open bucket: counted in all three windows at once (the bucket lists it for expiry). */
  private countExtras(slot: number, survey: SurveyFact | null, sign: number): void {
    // One window at a time rather than a loop over a new array of the three: this runs for nearly every answer.
    countExtra(this.rolling, slot, survey, sign);
    countExtra(this.currentAcc!, slot, survey, sign);
    countExtra(this.today, slot, survey, sign);
  }

  private intervalAt(index: number): Acc {
    let acc = this.intervals.get(index);
    if (!acc) {
      acc = new Acc();
      this.intervals.set(index, acc);
    }
    return acc;
  }

  /** Closes the open bucket (its sums join the running ones), then takes the buckets that left the window out. */
  private expireBuckets(current: number): void {
    if (current <= this.currentBucket) return;
    if (this.deferring) this.closeBucket();
    const size = this.ring.size;
    if (current - this.currentBucket >= size) {
      this.version += this.ring.expireAll(this.rolling);
    } else {
      for (let b = this.currentBucket - size + 1; b <= current - size; b++) if (this.ring.expire(b, this.rolling)) this.version++;
    }
    this.currentBucket = current;
  }

  private closeBucket(): void {
    const sums = this.ring.sumsOf(this.currentBucket);
    if (!sums) return;
    const interval = this.intervals.get(Math.floor((this.currentBucket * BUCKET_MS) / this.intervalMs));
    for (let i = 0; i < sums.length; i++) {
      this.rolling.sums[i]! += sums[i]!;
      if (interval) interval.sums[i]! += sums[i]!;
      this.today.sums[i]! += sums[i]!;
    }
  }

  private closeIntervals(clock: WindowClock): readonly ClosedAcc[] {
    // Only the current interval is open most of the time: nothing to close, nothing to allocate.
    if (this.intervals.size === 1 && this.intervals.has(this.currentInterval)) return NONE_CLOSED;
    const closed: ClosedAcc[] = [];
    for (const [index, acc] of this.intervals) {
      if ((index + 1) * this.intervalMs + clock.graceMs <= clock.nowMs) {
        closed.push({ startMs: index * this.intervalMs, acc });
        this.intervals.delete(index);
      }
    }
    return closed;
  }
}

function countExtra(acc: Acc, slot: number, survey: SurveyFact | null, sign: number): void {
  if (slot >= 0) acc.addWait(slot, sign);
  if (survey) acc.addSurvey(survey, sign);
}
