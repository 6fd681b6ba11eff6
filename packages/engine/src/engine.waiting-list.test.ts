import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TimedEvent, WaitingList } from '@plancia/contracts';
import { WAITING_LIST_LIMIT } from '@plancia/contracts';
import { applyInBatches, config, createEngineAt, ev, queue, s, T0 } from './engine-test-kit.js';

const withData = (e: TimedEvent, extra: Record<string, unknown>): TimedEvent => ({ ...e, data: { ...e.data, ...extra } } as TimedEvent);
const cfg = () => config([queue('q1'), queue('q2', {}, { channel: 'chat', teamId: 'red' })]);
const listOf = (lists: readonly WaitingList[] | undefined, queueId: string) => lists?.find((w) => w.queueId === queueId);

describe('waiting list', () => {
  it('puts the longest wait on top, numbers the order of service by priority, shows a caller tag and the VIP flag', () => {
    const engine = createEngineAt(cfg());
    engine.apply([
      withData(ev.queued('c1', s(0)), { caller: 'cp1:k1:0123456789abcdef' }),
      withData(ev.queued('c2', s(10)), { priority: 5, vip: true }),
      ev.queued('c3', s(20)),
      ev.queued('c4', s(25)), ev.answered('c4', s(30)),
    ], s(40));
    expect(listOf(engine.snapshot(s(40)).waiting, 'q1')).toEqual({
      queueId: 'q1', channel: 'voice', teamId: null,
      contacts: [
        { contactId: 'c1', channel: 'voice', since: new Date(s(0)).toISOString(), priority: 0, position: 2, caller: '01234567', vip: false },
        { contactId: 'c2', channel: 'voice', since: new Date(s(10)).toISOString(), priority: 5, position: 1, caller: null, vip: true },
        { contactId: 'c3', channel: 'voice', since: new Date(s(20)).toISOString(), priority: 0, position: 3, caller: null, vip: false },
      ],
      total: 3,
    });
  });

  it('sends a queue\'s list when it moves, not while the waits only tick, and empties it when the last caller leaves', () => {
    const engine = createEngineAt(cfg());
    engine.apply([ev.queued('c1', s(0), 'q2', 'chat')], s(0));
    expect(listOf(engine.drainDelta(s(0))?.waiting, 'q2')?.contacts.map((c) => c.contactId)).toEqual(['c1']);
    engine.tick(s(30));
    expect(listOf(engine.drainDelta(s(30))?.waiting, 'q2')).toBeUndefined();
    engine.apply([ev.abandoned('c1', s(40))], s(40));
    expect(listOf(engine.drainDelta(s(40))?.waiting, 'q2')).toEqual({ queueId: 'q2', channel: 'chat', teamId: 'red', contacts: [], total: 0 });
  });

  it('a transfer starts a new wait in the next queue and keeps the priority unless it says another', () => {
    const engine = createEngineAt(cfg());
    engine.apply([withData(ev.queued('c1', s(0)), { priority: 3, vip: true }), ev.transferred('c1', s(20), 'q2')], s(30));
    const snap = engine.snapshot(s(30));
    expect(listOf(snap.waiting, 'q1')?.contacts).toEqual([]);
    expect(listOf(snap.waiting, 'q2')?.contacts).toEqual([
      { contactId: 'c1', channel: 'voice', since: new Date(s(20)).toISOString(), priority: 3, position: 1, caller: null, vip: true },
    ]);
  });
});

interface Plan { queue: 'q1' | 'q2'; start: number; priority: number | null; vip: boolean | null; caller: boolean; outcome: 'waiting' | 'answered' | 'abandoned' | 'transferred'; wait: number; toPriority: number | null }

const plan: fc.Arbitrary<Plan> = fc.record({
  queue: fc.constantFrom('q1' as const, 'q2' as const),
  start: fc.integer({ min: 0, max: 60_000 }),
  priority: fc.option(fc.integer({ min: 0, max: 3 })),
  vip: fc.option(fc.boolean()),
  caller: fc.boolean(),
  outcome: fc.constantFrom('waiting' as const, 'waiting' as const, 'answered' as const, 'abandoned' as const, 'transferred' as const),
  wait: fc.integer({ min: 1, max: 30_000 }),
  toPriority: fc.option(fc.integer({ min: 0, max: 3 })),
});

function stream(plans: readonly Plan[]): TimedEvent[] {
  return plans.flatMap((p, i) => {
    const id = `c${i}`;
    const t = s(0) + p.start;
    const extra = { ...(p.priority !== null ? { priority: p.priority } : {}), ...(p.vip !== null ? { vip: p.vip } : {}), ...(p.caller ? { caller: `cp1:k1:digest${i}xyz` } : {}) };
    const out = [withData(ev.queued(id, t, p.queue), extra)];
    const end = t + p.wait;
    if (p.outcome === 'answered') out.push(ev.answered(id, end, `a${i}`));
    if (p.outcome === 'abandoned') out.push(ev.abandoned(id, end));
    if (p.outcome === 'transferred') out.push(withData(ev.transferred(id, end, p.queue === 'q1' ? 'q2' : 'q1'), p.toPriority !== null ? { priority: p.toPriority } : {}));
    return out;
  });
}

/** The reference: who still waits where, from the raw events, ordered and numbered by the definitions. */
function recount(plans: readonly Plan[], queueId: string) {
  const waiting = plans.flatMap((p, i) => {
    if (p.outcome === 'answered' || p.outcome === 'abandoned') return [];
    const moved = p.outcome === 'transferred';
    const q = moved ? (p.queue === 'q1' ? 'q2' : 'q1') : p.queue;
    if (q !== queueId) return [];
    const since = s(0) + p.start + (moved ? p.wait : 0);
    const priority = (moved ? p.toPriority ?? p.priority : p.priority) ?? 0;
    return [{ id: `c${i}`, since, priority, vip: p.vip ?? false, caller: p.caller ? `digest${i}xyz`.slice(0, 8) : null }];
  });
  const byWait = (x: (typeof waiting)[0], y: (typeof waiting)[0]) => x.since - y.since || (x.id < y.id ? -1 : 1);
  const served = [...waiting].sort((x, y) => y.priority - x.priority || byWait(x, y));
  return waiting.sort(byWait).map((w) => ({
    contactId: w.id, channel: 'voice', since: new Date(w.since).toISOString(), priority: w.priority,
    position: served.indexOf(w) + 1, caller: w.caller, vip: w.vip,
  }));
}

/** Applies the events in `batches` slices, draining the changes after each as a server does, and snapshots at the end. */
function replay(shuffled: readonly TimedEvent[], batches: number) {
  const engine = createEngineAt(config([queue('q1'), queue('q2')]));
  applyInBatches(engine, shuffled, batches, T0, (seen) => engine.drainDelta(seen));
  return engine.snapshot(s(100));
}

describe('waiting list: property', () => {
  it('lists only the longest waits of a long line, placed among all who wait, and counts them all', () => {
    // two in three still wait in q1, so its line is always longer than the list
    const long = (plans: Plan[]) => plans.map((p, i): Plan => (i % 3 === 0 ? p : { ...p, queue: 'q1', outcome: 'waiting' }));
    const arb = fc.array(plan, { minLength: 1.6 * WAITING_LIST_LIMIT, maxLength: 2.5 * WAITING_LIST_LIMIT }).map(long).chain((plans) => {
      const events = stream(plans);
      return fc.tuple(fc.constant(plans), fc.shuffledSubarray(events, { minLength: events.length }), fc.integer({ min: 1, max: 3 }));
    });
    fc.assert(fc.property(arb, ([plans, shuffled, batches]) => {
      const snap = replay(shuffled, batches);
      for (const q of ['q1', 'q2']) {
        const all = recount(plans, q);
        if (q === 'q1') expect(all.length).toBeGreaterThan(WAITING_LIST_LIMIT);
        const list = listOf(snap.waiting, q);
        expect(list?.contacts ?? []).toEqual(all.slice(0, WAITING_LIST_LIMIT));
        expect(list?.total ?? 0).toBe(all.length);
      }
    }), { numRuns: 25 });
  });

  it('equals a recount of the raw events, whatever the arrival order', () => {
    const arb = fc.array(plan, { minLength: 1, maxLength: 15 }).chain((plans) => {
      const events = stream(plans);
      return fc.tuple(fc.constant(plans), fc.shuffledSubarray(events, { minLength: events.length }), fc.integer({ min: 1, max: 4 }));
    });
    fc.assert(fc.property(arb, ([plans, shuffled, batches]) => {
      const snap = replay(shuffled, batches);
      for (const q of ['q1', 'q2']) expect(listOf(snap.waiting, q)?.contacts ?? []).toEqual(recount(plans, q));
    }), { numRuns: 200 });
  });
});
