import type { SurveyFact } from '../surveys/survey-facts.js';
import type { Acc } from './acc.js';
import { countFact, surveyOf, type Fact } from './facts.js';
import { FIELD_COUNT } from './fields.js';

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
 * The rolling window's buckets: bucket number b lives in slot b mod size. The sums of all slots share one flat
 * array (slot × FIELD_COUNT), so a scope allocates its ring once rather than a typed array per bucket; each
 * slot also lists the wait slots and surveys it counted, to take them back out of the running sum on expiry.
 */
export class BucketRing {
  /** the bucket number each slot holds, −1 when empty */
  private readonly tags: Float64Array;
  private readonly sums: Float64Array;
  private readonly waitSlots: (number[] | undefined)[];
  private readonly surveys: (SurveyFact[] | undefined)[];

  constructor(readonly size: number) {
    this.tags = new Float64Array(size).fill(-1);
    this.sums = new Float64Array(size * FIELD_COUNT);
    this.waitSlots = new Array<number[] | undefined>(size);
    this.surveys = new Array<SurveyFact[] | undefined>(size);
  }

  /** Counts a fact into bucket number `bucket`, emptying the slot first when it still holds an older bucket. */
  apply(bucket: number, fact: Fact, waitSlot: number, sign: number): void {
    const slot = bucket % this.size;
    if (this.tags[slot] !== bucket) this.reset(slot, bucket);
    countFact(this.sums, slot * FIELD_COUNT, fact, sign);
    if (waitSlot >= 0) addOrRemove((this.waitSlots[slot] ??= []), waitSlot, sign);
    const survey = surveyOf(fact);
    if (survey) addOrRemove((this.surveys[slot] ??= []), survey, sign);
  }

  /** Bucket b's sums (a view, not a copy), or null when the ring does not hold it. */
  sumsOf(b: number): Float64Array | null {
    const slot = b % this.size;
    return this.tags[slot] === b ? this.sums.subarray(slot * FIELD_COUNT, (slot + 1) * FIELD_COUNT) : null;
  }

  /** Takes bucket b out of the running sum if the ring still holds it; true when it did. */
  expire(b: number, rolling: Acc): boolean {
    const slot = b % this.size;
    if (this.tags[slot] !== b) return false;
    this.subtract(slot, rolling);
    return true;
  }

  /** Takes every bucket the ring holds out of the running sum; returns how many. */
  expireAll(rolling: Acc): number {
    let n = 0;
    for (let slot = 0; slot < this.size; slot++) {
      if (this.tags[slot]! < 0) continue;
      this.subtract(slot, rolling);
      n++;
    }
    return n;
  }

  private subtract(slot: number, rolling: Acc): void {
    const sums = rolling.sums;
    const o = slot * FIELD_COUNT;
    for (let i = 0; i < FIELD_COUNT; i++) sums[i]! -= this.sums[o + i]!;
    // Most slots list no survey, and some no wait: a missing list is skipped, not replaced by a new empty one.
    const waits = this.waitSlots[slot];
    if (waits) for (let i = 0; i < waits.length; i++) rolling.addWait(waits[i]!, -1);
    const surveys = this.surveys[slot];
    if (surveys) for (let i = 0; i < surveys.length; i++) rolling.addSurvey(surveys[i]!, -1);
    this.reset(slot, -1);
  }

  private reset(slot: number, tag: number): void {
    this.tags[slot] = tag;
    this.sums.fill(0, slot * FIELD_COUNT, (slot + 1) * FIELD_COUNT);
    // Setting a length is a runtime call even when it changes nothing, and most slots' lists are already empty.
    const waits = this.waitSlots[slot];
    if (waits && waits.length > 0) waits.length = 0;
    const surveys = this.surveys[slot];
    if (surveys && surveys.length > 0) surveys.length = 0;
  }
}
