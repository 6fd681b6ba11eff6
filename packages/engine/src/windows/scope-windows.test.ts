import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Fact, K, waitSlotOf, type FactKind } from './facts.js';
import { BUCKET_MS, ScopeWindows, type WindowClock } from './scope-windows.js';

const DAY = 86_400_000;
const START = Date.UTC(2026, 10, 23, 8, 0, 0);

interface Counted { at: number; wait: number }

function clockAt(nowMs: number, dayStart: number): WindowClock {
  return { nowMs, todayStart: dayStart, todayEnd: dayStart + DAY, graceMs: 120_000 };
}

/** Answered contacts counted the slow way: every fact whose instant each window covers. */
function expected(facts: readonly Counted[], nowMs: number, dayStart: number, rollingMinutes: number, intervalMs: number) {
  const bucket = Math.floor(nowMs / BUCKET_MS);
  const buckets = (rollingMinutes * 60_000) / BUCKET_MS;
  const inRolling = (f: Counted) => Math.floor(f.at / BUCKET_MS) > bucket - buckets && f.at <= nowMs;
  const inInterval = (f: Counted) => Math.floor(f.at / intervalMs) === Math.floor(nowMs / intervalMs);
  const inToday = (f: Counted) => f.at >= dayStart && f.at < dayStart + DAY;
  return {
    rolling: facts.filter(inRolling).length,
    interval: facts.filter(inInterval).length,
    today: facts.filter(inToday).length,
  };
}

function fact(kind: FactKind, at: number, waitMs = 0): Fact {
  return Object.assign(new Fact(), { kind, at, waitMs, inTarget: 1 });
}

/** Counts a fact the way the engine does, its wait slot included. */
function count(scope: ScopeWindows, f: Fact): void {
  scope.apply(f, waitSlotOf(f), 1);
}

describe('ScopeWindows', () => {
  it('shows a fact of the open bucket in every window at once, and the same after the bucket closes', () => {
    const scope = new ScopeWindows(15, 30);
    scope.advance(clockAt(START + 5_000, START - 8 * 3_600_000));
    count(scope, fact(K.answered, START + 4_000, 12_000));
    const open = scope.metrics();
    expect([open.rolling.answered, open.interval.answered, open.today.answered]).toEqual([1, 1, 1]);
    expect(open.rolling.asa).toBe(12);
    scope.advance(clockAt(START + 25_000, START - 8 * 3_600_000));
    expect(scope.metrics()).toEqual(open);
  });

  it('counts a bucket that straddles the day start in the right day', () => {
    const dayStart = START + 5_000; // a day start inside a bucket: nothing of that bucket may wait for it to close
    const scope = new ScopeWindows(15, 30);
    scope.advance(clockAt(dayStart + 1_000, dayStart));
    count(scope, fact(K.offered, dayStart - 2_000));
    count(scope, fact(K.offered, dayStart + 500));
    scope.advance(clockAt(dayStart + 20_000, dayStart));
    const w = scope.metrics();
    expect([w.rolling.offered, w.today.offered]).toEqual([2, 1]);
  });

  it('agrees with counting every fact again, whatever the clock steps and late facts', () => {
    const step = fc.record({ advanceMs: fc.integer({ min: 0, max: 90_000 }), facts: fc.array(fc.record({ ageMs: fc.integer({ min: 0, max: 400_000 }), wait: fc.integer({ min: 0, max: 60_000 }) }), { maxLength: 6 }) });
    fc.assert(fc.property(fc.constantFrom(5, 15), fc.integer({ min: 0, max: 5 }), fc.array(step, { minLength: 1, maxLength: 40 }), (rollingMinutes, dayOffsetBuckets, steps) => {
      const dayStart = START + 3_600_000 + dayOffsetBuckets * 3_333; // sometimes aligned to a bucket, mostly not
      const scope = new ScopeWindows(rollingMinutes, 30);
      const counted: Counted[] = [];
      let now = START;
      let day = START - DAY;
      for (const s of steps) {
        now += s.advanceMs;
        if (now >= dayStart) day = dayStart;
        scope.advance(clockAt(now, day));
        for (const f of s.facts) {
          const at = now - f.ageMs;
          count(scope, fact(K.answered, at, f.wait));
          counted.push({ at, wait: f.wait });
        }
        const w = scope.metrics();
        const want = expected(counted, now, day, rollingMinutes, 30 * 60_000);
        // Facts older than the interval kept open or than the day are not counted anywhere: so the engine's rule.
        expect(w.rolling.answered).toBe(want.rolling);
        expect(w.today.answered).toBe(want.today);
        expect(w.interval.answered).toBe(want.interval);
      }
    }), { numRuns: 200 });
  });
});
