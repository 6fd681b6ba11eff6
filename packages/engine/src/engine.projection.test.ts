import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TimedEvent } from '@plancia/contracts';
import { config, contactEnding, createEngineAt, ev, queue, queueOf, s, T0, type ContactOutcome } from './engine-test-kit.js';
import { answersNeeded, estimatedWaitSeconds } from './projection/projection.js';

const T = 20_000;
const S = 5_000;
const STEP = 10_000;
const INTERVAL = 30 * 60_000;
/** Closed buckets of a 15-minute rolling window: 89 steps of 10 s before the current one. */
const PACE = 890_000;
/** The default calendar closes at 18:00 Rome, 17:00 UTC on the test's Monday (T0 is 10:00 Rome). */
const CLOSING = Date.UTC(2026, 2, 2, 17, 0, 0);

/** One contact of a pattern: queued `offset` ms into its step, then leaving after `wait` ms in `outcome`. */
interface Caller { offset: number; wait: number; outcome: ContactOutcome }

const caller: fc.Arbitrary<Caller> = fc.record({
  offset: fc.integer({ min: 0, max: STEP - 1 }),
  wait: fc.integer({ min: 0, max: 40_000 }),
  outcome: fc.constantFrom<ContactOutcome>('answered', 'answered', 'abandoned', 'transferred'),
});

/** When the contact settles in q1 (the service level's first event), or null when it never does (a short abandon). */
function settlesAt(queuedAt: number, c: Caller): number | null {
  if (c.wait > T) return queuedAt + T;
  if (c.outcome === 'abandoned' && c.wait < S) return null;
  return queuedAt + c.wait;
}

/** Contacts following `pattern` every 10 s from `from` (inclusive) to `to` (exclusive), ids unique by `tag`. */
function repeatPattern(tag: string, pattern: readonly Caller[], from: number, to: number, keep: (c: Caller, at: number) => boolean = () => true): TimedEvent[] {
  const out: TimedEvent[] = [];
  for (let step = from; step < to; step += STEP) {
    pattern.forEach((c, i) => {
      const at = step + c.offset;
      if (!keep(c, at)) return;
      const id = `${tag}${step}-${i}`;
      out.push(ev.queued(id, at), ...contactEnding(id, at, `a${id}`, { queue: 'q1', wait: c.wait, outcome: c.outcome, talk: 1000, wrap: 0 }));
    });
  }
  return out;
}

const byTime = (a: TimedEvent, b: TimedEvent) => a.timeMs - b.timeMs;

describe('projection on a stream whose future is known', () => {
  it('the interval ends at the projected service level when the rest of it goes at the present pace', () => {
    const arb = fc.record({
      before: fc.array(caller, { minLength: 1, maxLength: 3 }),
      pace: fc.array(caller, { minLength: 1, maxLength: 3 }),
      // the projection is read 15 min 10 s to 29 min 50 s into the interval 10:00–10:30 Rome
      at: fc.integer({ min: 91, max: 179 }).map((n) => T0 + n * STEP),
    });
    fc.assert(fc.property(arb, ({ before, pace, at }) => {
      // The pace pattern has run for 30 s before the rolling window's closed buckets start: every settlement in them is its own.
      const switchAt = at - PACE - 30_000;
      const intervalEnd = T0 + INTERVAL;
      const events = [...repeatPattern('b', before, T0, switchAt), ...repeatPattern('p', pace, switchAt, intervalEnd)].sort(byTime);
      const e = createEngineAt(config([queue('q1')]));
      e.apply(events.filter((x) => x.timeMs < at), at);
      const projected = queueOf(e, at).projection!;
      // Events after the interval (answers after a miss) would move the clock into the next one: the future fed stops at its end.
      e.apply(events.filter((x) => x.timeMs >= at && x.timeMs < intervalEnd), intervalEnd - 1);
      const measured = queueOf(e, intervalEnd - 1).windows.interval.serviceLevel;
      expect(projected.intervalEnd).toBe(new Date(intervalEnd).toISOString());
      expect(projected.paceSeconds).toBe(PACE / 1000);
      if (measured === null) expect(projected.serviceLevelAtIntervalEnd).toBeNull();
      else expect(projected.serviceLevelAtIntervalEnd).toBeCloseTo(measured, 12);
    }), { numRuns: 40 });
  });

  it('the day ends at the projected service level when the rest of its opening hours go at the present pace', () => {
    const arb = fc.record({
      before: fc.array(caller, { minLength: 1, maxLength: 2 }),
      pace: fc.array(caller, { minLength: 1, maxLength: 2 }),
      at: fc.integer({ min: 91, max: 400 }).map((n) => T0 + n * STEP),
    });
    fc.assert(fc.property(arb, ({ before, pace, at }) => {
      const switchAt = at - PACE - 30_000;
      // At closing the pace stops: contacts that would settle after it are not part of the day's opening hours.
      const events = [
        ...repeatPattern('b', before, T0, switchAt),
        ...repeatPattern('p', pace, switchAt, CLOSING, (c, queuedAt) => (settlesAt(queuedAt, c) ?? 0) < CLOSING),
      ].sort(byTime);
      const e = createEngineAt(config([queue('q1')]));
      e.apply(events.filter((x) => x.timeMs < at), at);
      const projected = queueOf(e, at).projection!;
      const after = CLOSING + 60 * 60_000;
      e.apply(events.filter((x) => x.timeMs >= at && x.timeMs < after), after);
      const measured = queueOf(e, after).windows.today.serviceLevel;
      if (measured === null) expect(projected.serviceLevelAtDayEnd).toBeNull();
      else expect(projected.serviceLevelAtDayEnd).toBeCloseTo(measured, 12);
    }), { numRuns: 4 });
  });
});

interface Plan { start: number; wait: number; outcome: ContactOutcome }
const plan: fc.Arbitrary<Plan> = fc.record({
  start: fc.integer({ min: 0, max: 50 * 60_000 }),
  wait: fc.integer({ min: 0, max: 40_000 }),
  outcome: fc.constantFrom<ContactOutcome>('answered', 'answered', 'abandoned', 'waiting', 'transferred'),
});

/** The service level's [numerator, denominator] over [from, to), recounted from the plans (policy `ignore`). */
function recount(plans: readonly Plan[], now: number, from: number, to: number): [number, number] {
  let num = 0;
  let den = 0;
  for (const p of plans) {
    const queuedAt = T0 + p.start;
    if (queuedAt > now) continue;
    const leftAt = p.outcome === 'waiting' ? Infinity : queuedAt + p.wait;
    let at: number;
    let share: [number, number];
    if (p.wait > T || p.outcome === 'waiting') [at, share] = [queuedAt + T, [0, 1]];
    else if (p.outcome === 'abandoned') {
      if (p.wait < S) continue;
      [at, share] = [leftAt, [0, 0]];
    } else [at, share] = [leftAt, [1, 1]];
    if (at > now || at < from || at >= to) continue;
    num += share[0];
    den += share[1];
  }
  return [num, den];
}

const ratio = (n: number, d: number) => (d > 0 ? n / d : null);

describe('projection against a recount of the raw events', () => {
  it('carries the rolling pace over the opening time left, from the interval and the day so far', () => {
    const arb = fc.record({ plans: fc.array(plan, { minLength: 1, maxLength: 40 }), now: fc.integer({ min: 20 * 60, max: 55 * 60 }).map((n) => T0 + n * 1000 + 123) });
    fc.assert(fc.property(arb, ({ plans, now }) => {
      const events = plans.flatMap((p, i) => {
        const at = T0 + p.start;
        return [ev.queued(`c${i}`, at), ...contactEnding(`c${i}`, at, `a${i}`, { queue: 'q1', ...p, talk: 1000, wrap: 0 })];
      }).filter((x) => x.timeMs <= now);
      const e = createEngineAt(config([queue('q1')]));
      e.apply(events, now);
      const q = queueOf(e, now);
      const step = Math.floor(now / STEP) * STEP;
      const intervalStart = Math.floor(step / INTERVAL) * INTERVAL;
      const interval = recount(plans, now, intervalStart, step);
      const today = recount(plans, now, T0 - 10 * 3600_000, step);
      const rolling = recount(plans, now, step - PACE, step);
      const paceSeconds = PACE / 1000;
      const left = (until: number) => (until - step) / 1000;
      const at = (sofar: [number, number], until: number) =>
        ratio(sofar[0] + (rolling[0] * left(until)) / paceSeconds, sofar[1] + (rolling[1] * left(until)) / paceSeconds);
      const p = q.projection!;
      const expectClose = (actual: number | null, expected: number | null) => {
        if (expected === null) expect(actual).toBeNull();
        else expect(actual).toBeCloseTo(expected, 12);
      };
      expectClose(p.serviceLevelAtIntervalEnd, at(interval, intervalStart + INTERVAL));
      expectClose(p.serviceLevelAtDayEnd, at(today, CLOSING));
      expect(p.answersNeeded).toBe(answersNeeded(interval[0], interval[1], 0.8));
      expect(p.agentsNeeded).toBe(q.staffing.required);
      expect(p.agentsStaffed).toBe(q.staffing.staffed);
      expect(p.ewtSeconds).toBe(estimatedWaitSeconds(q.live.waiting, q.live.agents, q.staffing.ahtSeconds));
    }), { numRuns: 80 });
  });
});

describe('answers needed', () => {
  it('is the fewest answers within T in a row that reach the target as the board compares it', () => {
    const arb = fc.record({ den: fc.integer({ min: 0, max: 500 }), share: fc.double({ min: 0, max: 1, noNaN: true }), target: fc.integer({ min: 0, max: 999 }).map((n) => n / 1000) });
    fc.assert(fc.property(arb, ({ den, share, target }) => {
      const num = Math.floor(den * share);
      const k = answersNeeded(num, den, target)!;
      const reached = (n: number) => den + n === 0 || Math.round(((num + n) / (den + n)) * 1000) >= Math.round(target * 1000);
      expect(reached(k)).toBe(true);
      if (k > 0) expect(reached(k - 1)).toBe(false);
    }), { numRuns: 300 });
  });

  it('is null for a target of 100 % after a miss, and 0 with nothing settled', () => {
    expect(answersNeeded(3, 4, 1)).toBeNull();
    expect(answersNeeded(0, 0, 0.8)).toBe(0);
  });
});

describe('estimated wait', () => {
  it('is none with an agent free for the new caller, else its place behind the callers waiting at the staffed pace', () => {
    const agents = { available: 1, on_contact: 3, wrap_up: 0, not_ready: 2, offline: 0 };
    expect(estimatedWaitSeconds(0, agents, 180)).toBe(0);
    // three waiting, one of them taken by the free agent: the new caller is third in line, 4 agents at 180 s each
    expect(estimatedWaitSeconds(3, agents, 180)).toBe((3 * 180) / 4);
    expect(estimatedWaitSeconds(3, { ...agents, available: 0, on_contact: 0 }, 180)).toBeNull();
  });
});

describe('projection in the snapshot', () => {
  it('is taken as of the 10-second step, so reads within a step agree and the delta carries it when it moves', () => {
    const e = createEngineAt(config([queue('q1')]));
    e.apply([ev.agent('a1', s(0), 'available', { queueIds: ['q1'] }), ev.queued('c1', s(1)), ev.answered('c1', s(5)), ev.queued('c2', s(15))], s(31));
    const a = queueOf(e, s(31)).projection;
    const b = queueOf(e, s(39)).projection;
    // c2 missed T at 35 s, in the open step: the projection, as of 30 s, does not see it yet.
    expect(b).toEqual(a);
    expect(a).toMatchObject({ answersNeeded: 0, agentsStaffed: 1 });
    e.drainDelta(s(39));
    const delta = e.drainDelta(s(40));
    expect(delta?.queues?.[0]?.projection?.answersNeeded).toBe(answersNeeded(1, 2, 0.8));
  });
});
