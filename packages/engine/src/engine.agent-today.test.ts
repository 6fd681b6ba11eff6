import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AgentCounts, AgentStateName, AgentToday, TimedEvent } from '@plancia/contracts';
import { applyInBatches, config, createEngineAt, ev, s, T0 } from './engine-test-kit.js';

const todayOf = (snap: { agents: { agentId: string; today?: AgentToday }[] }, agentId: string): AgentToday => {
  const today = snap.agents.find((a) => a.agentId === agentId)?.today;
  if (!today) throw new Error(`no today for ${agentId}`);
  return today;
};

describe('agents today: the worked example of docs/metrics.md', () => {
  // 10:00 available; c1 answered 10:01, talk to 10:04, wrap-up to 10:05; 10:06 pause "break" to 10:11;
  // c2 answered 10:12, talk to 10:14, wrap-up to 10:14:30; 10:15 a missed offer (not_ready MISSED) to 10:16; available.
  const events: TimedEvent[] = [
    ev.agent('a1', s(0), 'available'),
    ev.queued('c1', s(50)), ev.answered('c1', s(60)), ev.ended('c1', s(240)), ev.completed('c1', s(300)),
    ev.agent('a1', s(360), 'not_ready', { reason: 'break' }),
    ev.agent('a1', s(660), 'available'),
    ev.queued('c2', s(700)), ev.answered('c2', s(720)), ev.ended('c2', s(840)), ev.completed('c2', s(870)),
    ev.agent('a1', s(900), 'not_ready', { reason: 'MISSED' }),
    ev.agent('a1', s(960), 'available'),
  ];

  it('gives the figures the definitions give', () => {
    const engine = createEngineAt(config());
    engine.apply(events, s(1020));
    const today = todayOf(engine.snapshot(s(1020)), 'a1');
    expect(today).toEqual({
      asOf: new Date(s(1020)).toISOString(),
      answered: 2, handled: 2, missed: 1, rejected: 0,
      aht: (240 + 150) / 2,
      talk: 180 + 120, wrapUp: 60 + 30,
      // 10:00–10:01, 10:05–10:06, 10:11–10:12, 10:14:30–10:15, 10:16–10:17
      idle: 60 + 60 + 60 + 30 + 60,
      notReady: 300 + 60, notReadyByReason: { MISSED: 60, break: 300 },
      occupancy: 390 / (390 + 270),
      stateCounts: { available: 5, on_contact: 2, wrap_up: 2, not_ready: 2, offline: 0 },
    });
  });

  it('counts the running state up to the clock, and the clock alone sends no change of the agent', () => {
    const engine = createEngineAt(config());
    engine.apply([ev.agent('a1', s(0), 'available'), ev.queued('c1', s(5)), ev.answered('c1', s(10))], s(10));
    engine.drainDelta(s(10));
    engine.tick(s(70));
    expect(engine.drainDelta(s(70))?.agents).toBeUndefined();
    const today = todayOf(engine.snapshot(s(70)), 'a1');
    expect(today.talk).toBe(60);
    expect(today.asOf).toBe(new Date(s(70)).toISOString());
    engine.apply([ev.ended('c1', s(80))], s(80));
    const changed = engine.drainDelta(s(80))?.agents?.find((a) => a.agentId === 'a1');
    expect(changed?.today).toMatchObject({ talk: 70, wrapUp: 0, asOf: new Date(s(80)).toISOString() });
  });

  it('starts again at the day\'s start: a state begun yesterday counts from midnight', () => {
    const midnight = Date.UTC(2026, 2, 2, 23, 0, 0); // 00:00 Europe/Rome, 3 March
    const engine = createEngineAt(config(), midnight - 600_000);
    engine.apply([ev.agent('a1', midnight - 300_000, 'not_ready', { reason: 'meeting' })], midnight - 300_000);
    const today = todayOf(engine.snapshot(midnight + 120_000), 'a1');
    expect(today.notReadyByReason).toEqual({ meeting: 120 });
    expect(today.stateCounts.not_ready).toBe(0); // entered yesterday
  });

  it('counts an offer said in the offer field, missed or rejected', () => {
    const engine = createEngineAt(config());
    engine.apply([
      ev.agent('a1', s(0), 'available', { offer: 'rejected' }),
      ev.agent('a1', s(10), 'not_ready', { offer: 'missed', reason: 'no answer' }),
      ev.agent('a1', s(20), 'not_ready', { reason: 'REJECTED' }),
    ], s(30));
    expect(todayOf(engine.snapshot(s(30)), 'a1')).toMatchObject({ missed: 1, rejected: 2 });
  });
});

// ---- property: every figure against a recount of the raw events, in any arrival order ----

type Activity =
  | { kind: 'contact'; wait: number; talk: number; wrap: number }
  | { kind: 'pause'; reason: string; len: number }
  | { kind: 'offer'; how: 'MISSED' | 'REJECTED' | 'field-missed' | 'field-rejected'; len: number }
  | { kind: 'idle'; len: number }
  | { kind: 'logoff'; len: number };

const ms = (max: number) => fc.integer({ min: 1, max });
const activity: fc.Arbitrary<Activity> = fc.oneof(
  fc.record({ kind: fc.constant('contact' as const), wait: ms(30_000), talk: ms(240_000), wrap: fc.integer({ min: 0, max: 60_000 }) }),
  fc.record({ kind: fc.constant('pause' as const), reason: fc.constantFrom('break', 'lunch', 'training', ''), len: ms(300_000) }),
  fc.record({ kind: fc.constant('offer' as const), how: fc.constantFrom('MISSED' as const, 'REJECTED' as const, 'field-missed' as const, 'field-rejected' as const), len: ms(60_000) }),
  fc.record({ kind: fc.constant('idle' as const), len: ms(120_000) }),
  fc.record({ kind: fc.constant('logoff' as const), len: ms(120_000) }),
);

/** One agent's activities one after the other from `start`, each a little after the last (no two at one instant). */
function agentStream(agentId: string, start: number, acts: readonly Activity[], gaps: readonly number[]): TimedEvent[] {
  const out: TimedEvent[] = [];
  let t = start;
  acts.forEach((a, i) => {
    switch (a.kind) {
      case 'contact': {
        const id = `${agentId}-c${i}`;
        out.push(ev.agent(agentId, t, 'available'), ev.queued(id, t), ev.answered(id, t + a.wait, agentId));
        out.push(ev.ended(id, t + a.wait + a.talk));
        if (a.wrap > 0) out.push(ev.completed(id, t + a.wait + a.talk + a.wrap));
        else out.push(ev.completed(id, t + a.wait + a.talk));
        t += a.wait + a.talk + a.wrap;
        break;
      }
      case 'pause': out.push(ev.agent(agentId, t, 'not_ready', a.reason ? { reason: a.reason } : {})); t += a.len; break;
      case 'offer': {
        const extra = a.how === 'MISSED' || a.how === 'REJECTED' ? { reason: a.how } : { offer: a.how === 'field-missed' ? 'missed' : 'rejected' };
        out.push(ev.agent(agentId, t, 'not_ready', extra));
        t += a.len;
        break;
      }
      case 'idle': out.push(ev.agent(agentId, t, 'available')); t += a.len; break;
      case 'logoff': out.push(ev.agent(agentId, t, 'offline')); t += a.len; break;
    }
    t += gaps[i % gaps.length]!;
  });
  return out;
}

interface Point { at: number; state: AgentStateName; reason: string | null }

/** The reference: the agent's states straight from the raw events, then the day's figures by their definitions. */
function recount(events: readonly TimedEvent[], agentId: string, dayStart: number, now: number) {
  const points: Point[] = [];
  const answeredAt = new Map<string, number>();
  let answered = 0; let handled = 0; let handleMs = 0; let missed = 0; let rejected = 0;
  const today = (t: number) => t >= dayStart && t <= now;
  const sorted = [...events].sort((a, b) => a.timeMs - b.timeMs);
  const completedAt = new Map(sorted.filter((e) => e.type === 'contact.completed').map((e) => [(e.data as { contactId: string }).contactId, e.timeMs]));
  for (const e of sorted) {
    const d = e.data as Record<string, unknown>;
    if (e.type === 'agent.state' && d.agentId === agentId) {
      points.push({ at: e.timeMs, state: d.state as AgentStateName, reason: (d.reason as string | undefined) ?? null });
      const how = d.offer ?? (d.reason === 'MISSED' ? 'missed' : d.reason === 'REJECTED' ? 'rejected' : null);
      if (today(e.timeMs) && how === 'missed') missed++;
      if (today(e.timeMs) && how === 'rejected') rejected++;
    }
    if (e.type === 'contact.answered' && d.agentId === agentId) {
      points.push({ at: e.timeMs, state: 'on_contact', reason: null });
      answeredAt.set(d.contactId as string, e.timeMs);
      if (today(e.timeMs)) answered++;
    }
    const from = answeredAt.get(d.contactId as string);
    // A wrap-up that ends as it begins is none: the agent goes from the call straight back to available.
    if (e.type === 'contact.ended' && from !== undefined && completedAt.get(d.contactId as string) !== e.timeMs) points.push({ at: e.timeMs, state: 'wrap_up', reason: null });
    if (e.type === 'contact.completed' && from !== undefined) {
      points.push({ at: e.timeMs, state: 'available', reason: null });
      if (today(e.timeMs) && from >= dayStart) { handled++; handleMs += e.timeMs - from; }
    }
  }
  const secs: Record<AgentStateName, number> = { available: 0, on_contact: 0, wrap_up: 0, not_ready: 0, offline: 0 };
  const byReason: Record<string, number> = {};
  const entered: AgentCounts = { available: 0, on_contact: 0, wrap_up: 0, not_ready: 0, offline: 0 };
  points.forEach((p, i) => {
    const span = Math.min(points[i + 1]?.at ?? now, now) - Math.max(p.at, dayStart);
    if (span > 0) {
      secs[p.state] += span / 1000;
      if (p.state === 'not_ready') byReason[p.reason ?? ''] = (byReason[p.reason ?? ''] ?? 0) + span / 1000;
    }
    if (today(p.at) && (i === 0 || points[i - 1]!.state !== p.state)) entered[p.state]++;
  });
  const busy = secs.on_contact + secs.wrap_up;
  return {
    answered, handled, missed, rejected, aht: handled ? handleMs / handled / 1000 : null,
    talk: secs.on_contact, wrapUp: secs.wrap_up, idle: secs.available, notReady: secs.not_ready,
    notReadyByReason: byReason, occupancy: busy + secs.available > 0 ? busy / (busy + secs.available) : null, stateCounts: entered,
  };
}

const close = (x: number | null) => (x === null ? null : Math.round(x * 1e6) / 1e6);
const rounded = (t: Omit<AgentToday, 'asOf'>) => ({
  ...t, aht: close(t.aht), occupancy: close(t.occupancy), talk: close(t.talk), wrapUp: close(t.wrapUp), idle: close(t.idle), notReady: close(t.notReady),
  notReadyByReason: Object.fromEntries(Object.entries(t.notReadyByReason).map(([k, v]) => [k, close(v)])),
});

describe('agents today: property', () => {
  it('every figure equals a recount of the raw events, whatever the arrival order and batches', () => {
    const midnight = Date.UTC(2026, 2, 2, 23, 0, 0); // 00:00 Europe/Rome: the day turns inside the stream
    const agents = ['a1', 'a2', 'a3'];
    const arb = fc.tuple(
      fc.array(fc.array(activity, { minLength: 1, maxLength: 5 }), { minLength: agents.length, maxLength: agents.length }),
      fc.array(fc.integer({ min: 0, max: 20 * 60_000 }), { minLength: agents.length, maxLength: agents.length }),
      fc.array(ms(30_000), { minLength: 1, maxLength: 4 }),
      fc.integer({ min: 0, max: 10 * 60_000 }),
    ).chain(([plans, starts, gaps, after]) => {
      const base = midnight - 15 * 60_000;
      const events = agents.flatMap((a, i) => agentStream(a, base + starts[i]!, plans[i]!, gaps));
      const end = Math.max(...events.map((e) => e.timeMs)) + after;
      return fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length }), fc.integer({ min: 1, max: 5 }), fc.constant(end));
    });
    fc.assert(fc.property(arb, ([events, shuffled, batches, end]) => {
      const engine = createEngineAt(config(), midnight - 30 * 60_000);
      applyInBatches(engine, shuffled, batches, midnight - 30 * 60_000);
      const snap = engine.snapshot(end);
      for (const agentId of agents) {
        const { asOf, ...today } = todayOf(snap, agentId);
        expect(asOf).toBe(new Date(end).toISOString());
        const dayStart = end >= midnight ? midnight : midnight - 24 * 3600_000;
        expect(rounded(today)).toEqual(rounded(recount(events, agentId, dayStart, end)));
      }
    }), { numRuns: 150 });
  });
});

it('the worked example starts at T0 (10:00 Europe/Rome)', () => {
  expect(new Date(T0).toISOString()).toBe('2026-03-02T09:00:00.000Z');
});
