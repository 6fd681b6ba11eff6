import { describe, expect, it } from 'vitest';
import type { TimedEvent } from '@plancia/contracts';
import { config, createEngineAt, ev, queue, queueOf, s, T0 } from './engine-test-kit.js';
import type { Engine } from './engine.js';

/** How many contacts the engine holds dormant (its contact book's count: the engine's API has no window on it). */
function dormantCount(engine: Engine): number {
  return (engine as unknown as { core: { contacts: { dormantCount: number } } }).core.contacts.dormantCount;
}

/** A snapshot's figures: alerts left out, raised when each engine first looked (here at different instants). */
function figures(engine: Engine, nowMs: number) {
  const snap = engine.snapshot(nowMs);
  return { ...snap, seq: 0, alerts: [], queues: snap.queues.map((q) => ({ ...q, status: { ...q.status, alerts: [] } })) };
}

const cfg = () => config([queue('q1'), queue('q2')]);
/** c1 waits 25 s (past T = 20 s), is answered by a1, talks, wraps up: a finished contact by 75 s. */
const handled = (): TimedEvent[] => [
  ev.agent('a1', s(0), 'available', { queueIds: ['q1', 'q2'] }),
  ev.queued('c1', s(0)), ev.answered('c1', s(25)), ev.ended('c1', s(60)), ev.completed('c1', s(75)),
];

/** An engine whose c1 went dormant, then was sent `late`; and one sent everything at once, c1 never asleep before. */
function lateAndInOrder(late: TimedEvent[], endMs = s(200)): [Engine, Engine] {
  const events = handled();
  const slept = createEngineAt(cfg());
  slept.apply(events, s(100));
  slept.tick(s(100));
  expect(dormantCount(slept)).toBe(1);
  slept.apply(late, s(150));
  slept.tick(endMs);
  const whole = createEngineAt(cfg());
  whole.apply([...events, ...late].sort((a, b) => a.timeMs - b.timeMs), s(150));
  whole.tick(endMs);
  return [slept, whole];
}

describe('dormant contacts', () => {
  it('a finished contact sleeps and still counts what it counted', () => {
    const e = createEngineAt(cfg());
    e.apply(handled(), s(100));
    expect(dormantCount(e)).toBe(1);
    expect(queueOf(e, s(100)).windows.today).toMatchObject({ offered: 1, answered: 1, handled: 1, answeredWithinThreshold: 0 });
  });

  it('a late event on a dormant contact counts exactly as if it had arrived in order', () => {
    // Transferred to q2 before its answer: its q1 stay ends at 10 s, the answer now ends a q2 stay.
    const [slept, whole] = lateAndInOrder([ev.transferred('c1', s(10), 'q2')]);
    expect(figures(slept, s(200))).toEqual(figures(whole, s(200)));
    expect(queueOf(slept, s(200), 'q2').windows.today).toMatchObject({ offered: 1, answered: 1, answeredWithinThreshold: 1 });
    expect(dormantCount(slept)).toBe(1);
  });

  it('a redelivered event of a dormant contact changes nothing, and the contact stays asleep', () => {
    const events = handled();
    const e = createEngineAt(cfg());
    e.apply(events, s(100));
    const before = e.snapshot(s(100));
    e.apply([events[2]!, events[4]!], s(100));
    expect({ ...e.snapshot(s(100)), seq: 0 }).toEqual({ ...before, seq: 0 });
    expect(dormantCount(e)).toBe(1);
  });

  it('a late event that makes a dormant contact wait again wakes it for good', () => {
    // Transferred mid-talk: its talk ends there and it waits in q2 (its end and completion now contradict it).
    const [slept, whole] = lateAndInOrder([ev.transferred('c1', s(50), 'q2')]);
    expect(figures(slept, s(200))).toEqual(figures(whole, s(200)));
    expect(slept.snapshot(s(200)).queues.find((q) => q.queueId === 'q2')!.live.waiting).toBe(1);
    expect(dormantCount(slept)).toBe(0);
  });

  it('marks of a dormant contact still move with its agent\'s timeline when a late event changes them', () => {
    // The agent said available mid-talk (a contradiction the contact overrules), then the talk is cut short by a
    // transfer: the contact's end-of-talk and wrap-up marks leave the timeline, the conflict with them.
    const [slept, whole] = lateAndInOrder([ev.agent('a1', s(40), 'available'), ev.transferred('c1', s(30), 'q2')]);
    const [a, b] = [figures(slept, s(200)), figures(whole, s(200))];
    expect(a).toEqual(b);
    // The agent's word no longer contradicts a talk; the contact's end and completion, after its transfer, do.
    expect(a.anomalies.conflicts).toBe(2);
  });

  it('a dormant contact is forgotten when its events fit no window, without waking', () => {
    const e = createEngineAt(cfg());
    e.apply(handled(), s(100));
    expect(dormantCount(e)).toBe(1);
    const nextDay = T0 + 24 * 3_600_000;
    e.tick(nextDay);
    expect(dormantCount(e)).toBe(0);
    // Forgotten, a late completion of it starts a contact of its own (an orphan once its grace is over).
    e.apply([ev.completed('c1', s(75))], nextDay);
    e.tick(nextDay + 200_000);
    expect(e.snapshot(nextDay + 200_000).anomalies.orphanEvents).toBe(1);
  });

  it('a dormant contact whose forgetting moved later (a queue\'s today reaching further) is forgotten then, not never', () => {
    // c1 sleeps until the centre's midnight. A queue whose day starts at 06:00 appears: at midnight its today still
    // holds c1, so c1 is looked at, kept, and due again at the latest end of any today (the centre's next midnight).
    const e = createEngineAt(config([queue('q1'), queue('shifts', {}, { dayResetTime: '06:00' })]));
    e.apply(handled(), s(100));
    e.apply([ev.queued('c2', s(200), 'shifts'), ev.abandoned('c2', s(201))], s(201));
    const midnight = Date.UTC(2026, 2, 2, 23, 0, 0); // 00:00 in Rome
    e.tick(midnight + 60_000);
    expect(dormantCount(e)).toBe(2);
    e.tick(midnight + 24 * 3_600_000 + 60_000);
    expect(dormantCount(e)).toBe(0);
  });

  it('a new configuration wakes dormant contacts first: a later change of them takes back what the old one counted', () => {
    const e = createEngineAt(cfg());
    e.apply(handled(), s(100));
    expect(queueOf(e, s(100)).windows.today.answeredWithinThreshold).toBe(0);
    e.configure(config([queue('q1', { thresholdSeconds: 30 }), queue('q2')]), s(110));
    expect(dormantCount(e)).toBe(0);
    // A conflicting second completion re-derives c1 under the new T: its 25 s wait now answered within T.
    e.apply([ev.completed('c1', s(80))], s(120));
    expect(queueOf(e, s(120)).windows.today).toMatchObject({ offered: 1, answered: 1, answeredWithinThreshold: 1, handled: 1 });
  });
});
