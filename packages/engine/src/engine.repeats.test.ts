import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TimedEvent } from '@plancia/contracts';
import { config, createEngineAt, ev, queue, queueOf, s, T0 } from './engine-test-kit.js';

/** Today starts at 00:00 Rome, ten hours before T0 (10:00 Rome on a Monday in March). */
const TODAY = T0 - 10 * 3600_000;
const STEP = 10_000;

interface Offer { queue: 'q1' | 'q2'; caller: number; at: number; contact: number }

const queued = (o: Offer): TimedEvent => {
  const e = ev.queued(`c${o.contact}`, o.at, o.queue);
  return { ...e, data: { ...e.data, caller: `cp1:k1:caller${o.caller}` } } as TimedEvent;
};

/** Repeats recounted from the offers: each queue and caller in time order, a repeat within `windowMs` of the one before, the same day. */
function recount(offers: readonly Offer[], queueId: string, windowMs: number, from: number, to: number) {
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
      if (i > 0 && at - times[i - 1]! <= windowMs && times[i - 1]! >= TODAY) repeated++;
    });
  }
  return { identified, repeated, rate: identified > 0 ? repeated / identified : null };
}

describe('repeat contacts', () => {
  it('counts, in every window, the contacts whose caller reached the queue within its window before, whatever the arrival order', () => {
    const offer = fc.record({
      queue: fc.constantFrom('q1' as const, 'q2' as const),
      caller: fc.integer({ min: 0, max: 4 }),
      // from 01:00 Rome to 10:50: some within minutes of each other, most hours apart
      at: fc.oneof(fc.integer({ min: -9 * 360, max: 50 * 6 }).map((n) => T0 + n * STEP), fc.integer({ min: 0, max: 3000 }).map((n) => T0 + n * 1000)),
    });
    const arb = fc.record({
      offers: fc.array(offer, { minLength: 1, maxLength: 40 }).map((list) => list.map((o, i) => ({ ...o, contact: i }))),
      windowMinutes: fc.constantFrom(10, 60, 1440),
      duplicates: fc.integer({ min: 0, max: 3 }),
    }).chain((p) => fc.tuple(fc.constant(p), fc.shuffledSubarray(p.offers, { minLength: p.offers.length })));
    fc.assert(fc.property(arb, ([{ offers, windowMinutes, duplicates }, shuffled]) => {
      const cfg = config([queue('q1', {}, { repeatWindowMinutes: windowMinutes }), queue('q2')]);
      const e = createEngineAt(cfg, TODAY + 3600_000);
      // some offers delivered twice (a retried webhook): counted once
      for (const o of [...shuffled, ...shuffled.slice(0, duplicates)]) e.apply([queued(o)], o.at);
      const now = s(3600);
      const q1 = queueOf(e, now, 'q1');
      const q2 = queueOf(e, now, 'q2');
      const rollingFrom = (Math.floor(now / STEP) - 89) * STEP;
      const intervalFrom = Math.floor(now / 1_800_000) * 1_800_000;
      expect(q1.windows.today.repeats).toEqual(recount(offers, 'q1', windowMinutes * 60_000, TODAY, now));
      expect(q1.windows.rolling.repeats).toEqual(recount(offers, 'q1', windowMinutes * 60_000, rollingFrom, now));
      expect(q1.windows.interval.repeats).toEqual(recount(offers, 'q1', windowMinutes * 60_000, intervalFrom, now));
      expect(q2.windows.today.repeats).toEqual(recount(offers, 'q2', 1440 * 60_000, TODAY, now));
    }), { numRuns: 150 });
  });

  it('does not count a caller of yesterday evening as a repeat this morning, nor contacts without a caller', () => {
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
