import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TimedEvent } from '@plancia/contracts';
import { config, createEngineAt, ev, queue, queueOf, s, T0 } from './engine-test-kit.js';

/** Today starts at 00:00 Rome, ten hours before T0 (10:00 Rome on a Monday in March). */
const TODAY = T0 - 10 * 3600_000;
const STEP = 10_000;
const MINUTE = 60_000;

interface Offer { queue: 'q1' | 'q2'; caller: number; at: number; contact: number }

const queued = (o: Offer): TimedEvent => {
  const e = ev.queued(`c${o.contact}`, o.at, o.queue);
  return { ...e, data: { ...e.data, caller: `cp1:k1:caller${o.caller}` } } as TimedEvent;
};

/**
 * Repeats recounted from the offers: each queue and caller in time order, a repeat when the one before is within
 * `windowMs` (whatever the day), or, without a window, earlier the same day.
 */
function recount(offers: readonly Offer[], queueId: string, windowMs: number | null, from: number, to: number) {
  const byCaller = new Map<number, number[]>();
  const seen = new Set<number>();
  for (const o of offers) {
    if (o.queue !== queueId || seen.has(o.contact)) continue;
    seen.add(o.contact);
    byCaller.set(o.caller, [...(byCaller.get(o.caller) ?? []), o.at]);
  }
  let identified = 0;
  let repeated = 0;
  for (const times of byCaller.values()) {
    times.sort((a, b) => a - b);
    times.forEach((at, i) => {
      if (at < from || at > to) return;
      identified++;
      const before = times[i - 1];
      if (before !== undefined && (windowMs === null ? before >= TODAY : at - before <= windowMs)) repeated++;
    });
  }
  return { identified, repeated, rate: identified > 0 ? repeated / identified : null };
}

const offerArb = fc.record({
  queue: fc.constantFrom('q1' as const, 'q2' as const),
  caller: fc.integer({ min: 0, max: 4 }),
  // from 22:00 Rome the evening before to 10:50: some within minutes of each other (around midnight too), most hours apart
  at: fc.oneof(
    fc.integer({ min: -12 * 360, max: 50 * 6 }).map((n) => T0 + n * STEP),
    fc.integer({ min: -3000, max: 3000 }).map((n) => TODAY + n * 1000),
    fc.integer({ min: 0, max: 3000 }).map((n) => T0 + n * 1000),
  ),
});
const offersArb = fc.array(offerArb, { minLength: 1, maxLength: 40 }).map((list) => list.map((o, i) => ({ ...o, contact: i })));

describe('repeat contacts', () => {
  it('counts, in every window, the contacts whose caller reached the queue within its window before (across midnight), whatever the arrival order', () => {
    const arb = fc.record({ offers: offersArb, windowMinutes: fc.constantFrom(10, 60, 1440), duplicates: fc.integer({ min: 0, max: 3 }) })
      .chain((p) => fc.tuple(fc.constant(p), fc.shuffledSubarray(p.offers, { minLength: p.offers.length })));
    fc.assert(fc.property(arb, ([{ offers, windowMinutes, duplicates }, shuffled]) => {
      const cfg = config([queue('q1', {}, { repeatWindowMinutes: windowMinutes }), queue('q2')]);
      const e = createEngineAt(cfg, TODAY - 3 * 3600_000);
      // some offers delivered twice (a retried webhook): counted once
      for (const o of [...shuffled, ...shuffled.slice(0, duplicates)]) e.apply([queued(o)], o.at);
      const now = s(3600);
      const q1 = queueOf(e, now, 'q1');
      const q2 = queueOf(e, now, 'q2');
      const rollingFrom = (Math.floor(now / STEP) - 89) * STEP;
      const intervalFrom = Math.floor(now / 1_800_000) * 1_800_000;
      expect(q1.windows.today.repeats).toEqual(recount(offers, 'q1', windowMinutes * MINUTE, TODAY, now));
      expect(q1.windows.rolling.repeats).toEqual(recount(offers, 'q1', windowMinutes * MINUTE, rollingFrom, now));
      expect(q1.windows.interval.repeats).toEqual(recount(offers, 'q1', windowMinutes * MINUTE, intervalFrom, now));
      expect(q2.windows.today.repeats).toEqual(recount(offers, 'q2', null, TODAY, now));
    }), { numRuns: 150 });
  });

  it('gives after a restart (recall before the replayed span, then the replay) what the engine that lived through it gives', () => {
    fc.assert(fc.property(offersArb, fc.constantFrom(10, 60, 1440), (offers, windowMinutes) => {
      const cfg = config([queue('q1', {}, { repeatWindowMinutes: windowMinutes }), queue('q2')]);
      const ordered = [...offers].sort((a, b) => a.at - b.at).map(queued);
      const now = s(3600);
      const lived = createEngineAt(cfg, TODAY - 3 * 3600_000);
      for (const e of ordered) lived.apply([e], e.timeMs);
      const restarted = createEngineAt(cfg, now);
      const from = restarted.replayFrom(now);
      const recallFrom = restarted.recallFrom(now);
      expect(recallFrom).toBeLessThanOrEqual(from);
      restarted.recall(ordered.filter((e) => e.timeMs >= recallFrom && e.timeMs < from));
      restarted.apply(ordered.filter((e) => e.timeMs >= from), now);
      for (const id of ['q1', 'q2']) expect(queueOf(restarted, now, id).windows.today.repeats).toEqual(queueOf(lived, now, id).windows.today.repeats);
    }), { numRuns: 60 });
  });

  it('counts a caller of 23:50 calling again at 00:10 as a repeat within a 60-minute window, not without a window', () => {
    const cfg = config([queue('q1', {}, { repeatWindowMinutes: 60 }), queue('q2')]);
    const e = createEngineAt(cfg, TODAY - 3600_000);
    const at = (contact: number, queueId: 'q1' | 'q2', minutes: number) => queued({ queue: queueId, caller: 1, at: TODAY + minutes * MINUTE, contact });
    e.apply([at(1, 'q1', -10), at(2, 'q2', -10)], TODAY - 10 * MINUTE);
    e.apply([at(3, 'q1', 10), at(4, 'q2', 10)], TODAY + 10 * MINUTE);
    expect(queueOf(e, TODAY + 11 * MINUTE, 'q1').windows.today.repeats).toEqual({ identified: 1, repeated: 1, rate: 1 });
    expect(queueOf(e, TODAY + 11 * MINUTE, 'q2').windows.today.repeats).toEqual({ identified: 1, repeated: 0, rate: 0 });
    // 71 minutes after the last: outside the window
    e.apply([at(5, 'q1', 81)], TODAY + 81 * MINUTE);
    expect(queueOf(e, TODAY + 82 * MINUTE, 'q1').windows.today.repeats).toEqual({ identified: 2, repeated: 1, rate: 0.5 });
  });

  it('looks back for the restart no further than today less the longest window', () => {
    const now = s(3600);
    const none = createEngineAt(config([queue('q1')]), now);
    expect(none.recallFrom(now)).toBe(none.replayFrom(now));
    const windows = createEngineAt(config([queue('q1', {}, { repeatWindowMinutes: 90 }), queue('q2', {}, { repeatWindowMinutes: 30 })]), now);
    expect(windows.recallFrom(now)).toBe(TODAY - 90 * MINUTE);
  });

  it('does not count a caller of yesterday evening as a repeat this morning without a window, nor contacts without a caller', () => {
    const e = createEngineAt(config([queue('q1')]), TODAY - 3600_000);
    const yesterday = { queue: 'q1' as const, caller: 1, at: TODAY - 600_000, contact: 1 };
    e.apply([queued(yesterday)], yesterday.at);
    const morning = { ...yesterday, at: TODAY + 300_000, contact: 2 };
    e.apply([queued(morning), ev.queued('anonymous', TODAY + 400_000)], TODAY + 400_000);
    expect(queueOf(e, TODAY + 500_000).windows.today.repeats).toEqual({ identified: 1, repeated: 0, rate: 0 });
    e.apply([queued({ ...morning, at: TODAY + 900_000, contact: 3 })], TODAY + 900_000);
    expect(queueOf(e, TODAY + 900_000).windows.today.repeats).toEqual({ identified: 2, repeated: 1, rate: 0.5 });
  });
});
