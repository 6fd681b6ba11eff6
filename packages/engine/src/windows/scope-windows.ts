import type { SurveyFact } from '../surveys/survey-facts.js';
import { Acc } from './acc.js';
import { countFact, countInto, type Fact } from './facts.js';
import { FIELD_COUNT } from './fields.js';

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

class Bucket {
  tag = -1;
  readonly sums = new Float64Array(FIELD_COUNT);
  readonly waitSlots: number[] = [];
  readonly surveys: SurveyFact[] = [];

  reset(tag: number): void {
    this.tag = tag;
    this.sums.fill(0);
    this.waitSlots.length = 0;
    this.surveys.length = 0;
  }
}

function addOrRemove<T>(list: T[], value: T, sign: number): void {
  if (sign > 0) {
    list.push(value);
    return;
  }
  const at = list.indexOf(value);
  if (at < 0) return;
  list[at] = list[list.length - 1]!;
  list.pop();
}

/**
 * The three windows of one queue, channel or the centre. Rolling: a ring of buckets with a running sum,
 * buckets leaving the window are subtracted. Interval: one accumulator per aligned interval, kept open
 * for the grace period after it ends so late events still land in it. Today: one accumulator, reset at day start.
 */
export class ScopeWindows {
  readonly rolling = new Acc();
  readonly today = new Acc();
  private readonly ring: (Bucket | undefined)[];
  private readonly intervals = new Map<number, Acc>();
  readonly intervalMs: number;
  private currentBucket = -1;
  private currentInterval = -1;
  /** the current interval's accumulator, where nearly every fact lands: no map lookup for it */
  private currentAcc: Acc | undefined;
  private dayStart = -1;
  private dayEnd = -1;
  /** Bumped on every change, so the output layer can tell what moved. */
  version = 0;

  constructor(readonly rollingMinutes: number, readonly intervalMinutes: number) {
    this.ring = new Array<Bucket | undefined>((rollingMinutes * 60_000) / BUCKET_MS);
    this.intervalMs = intervalMinutes * 60_000;
  }

  interval(): Acc {
    return this.currentAcc ?? this.intervalAt(this.currentInterval);
  }

  /** Moves the windows to the clock; returns the intervals that closed (grace included). */
  advance(clock: WindowClock): ClosedAcc[] {
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
    return this.closeIntervals(clock);
  }

  apply(f: Fact, sign: number): void {
    const b = Math.floor(f.at / BUCKET_MS);
    const size = this.ring.length;
    if (b <= this.currentBucket && b > this.currentBucket - size) {
      const bucket = this.bucketFor(b);
      const slot = countFact(bucket.sums, f, sign);
      if (slot >= 0) addOrRemove(bucket.waitSlots, slot, sign);
      if (f.survey) addOrRemove(bucket.surveys, f.survey, sign);
      countInto(this.rolling, f, sign);
    }
    const index = Math.floor(f.at / this.intervalMs);
    const interval = index === this.currentInterval ? this.currentAcc : this.intervals.get(index);
    if (interval) countInto(interval, f, sign);
    if (f.at >= this.dayStart && f.at < this.dayEnd) countInto(this.today, f, sign);
    this.version++;
  }

  private intervalAt(index: number): Acc {
    let acc = this.intervals.get(index);
    if (!acc) {
      acc = new Acc();
      this.intervals.set(index, acc);
    }
    return acc;
  }

  private bucketFor(b: number): Bucket {
    const slot = b % this.ring.length;
    let bucket = this.ring[slot];
    if (!bucket) {
      bucket = new Bucket();
      this.ring[slot] = bucket;
    }
    if (bucket.tag !== b) bucket.reset(b);
    return bucket;
  }

  private expireBuckets(current: number): void {
    if (current <= this.currentBucket) return;
    const size = this.ring.length;
    if (current - this.currentBucket >= size) {
      for (const bucket of this.ring) if (bucket && bucket.tag >= 0) this.subtract(bucket);
    } else {
      for (let b = this.currentBucket - size + 1; b <= current - size; b++) {
        const bucket = this.ring[b % size];
        if (bucket && bucket.tag === b) this.subtract(bucket);
      }
    }
    this.currentBucket = current;
  }

  private subtract(bucket: Bucket): void {
    const sums = this.rolling.sums;
    for (let i = 0; i < FIELD_COUNT; i++) sums[i]! -= bucket.sums[i]!;
    for (const slot of bucket.waitSlots) this.rolling.addWait(slot, -1);
    for (const survey of bucket.surveys) this.rolling.addSurvey(survey, -1);
    bucket.reset(-1);
    this.version++;
  }

  private closeIntervals(clock: WindowClock): ClosedAcc[] {
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
