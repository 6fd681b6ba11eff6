import { describe, expect, it } from 'vitest';
import type { TimedEvent } from '@plancia/contracts';
import { config, createEngineAt, ev, queueOf, s } from './engine-test-kit.js';

function agentOf(events: TimedEvent[], now: number, batches: TimedEvent[][] = [events]) {
  const engine = createEngineAt(config());
  for (const batch of batches) engine.apply(batch, now);
  const snap = engine.snapshot(now);
  return { agent: snap.agents.find((a) => a.agentId === 'a1')!, snap, engine };
}

/** An agent answers c1 at 10 s; at 20 s, while still in talk, the phone system says the agent is `said`. */
const callThenSaid = (said: 'available' | 'on_contact') => [
  ev.agent('a1', s(0), 'available', { queueIds: ['q1'] }),
  ev.queued('c1', s(5)),
  ev.answered('c1', s(10), 'a1'),
  ev.agent('a1', s(20), said, { queueIds: ['q1'] }),
];

describe('"available" from the phone system during a call', () => {
  const call = () => callThenSaid('available');

  it('leaves the agent on the contact until it ends, and counts the disagreement', () => {
    const { agent, snap, engine } = agentOf(call(), s(30));
    expect(agent).toMatchObject({ state: 'on_contact', contactId: 'c1', conflicts: 1 });
    expect(snap.anomalies.conflicts).toBe(1);
    expect(queueOf(engine, s(30)).live.agents).toMatchObject({ available: 0, on_contact: 1 });
  });

  it('counts the time in talk as busy, not available', () => {
    const { engine } = agentOf([...call(), ev.ended('c1', s(70)), ev.completed('c1', s(80))], s(90));
    const today = queueOf(engine, s(90)).windows.today;
    // available 0–10 s and 80–90 s (not yet closed); busy 10–80 s: 70 of 80 closed seconds
    expect(today.occupancy).toBeCloseTo(70 / 80, 9);
  });

  it('gives the phone system back its word once the contact ends', () => {
    const { agent, snap } = agentOf([...call(), ev.ended('c1', s(40)), ev.completed('c1', s(50)), ev.agent('a1', s(60), 'not_ready', { reason: 'break' })], s(70));
    expect(agent).toMatchObject({ state: 'not_ready', reason: 'break', conflicts: 1 });
    expect(snap.anomalies.conflicts).toBe(1);
  });

  it('is the same when the answer arrives after the "available", in another batch', () => {
    const [first, queued, answered, available] = call();
    const { agent, snap } = agentOf([], s(30), [[first!, available!], [queued!], [answered!]]);
    expect(agent).toMatchObject({ state: 'on_contact', contactId: 'c1', conflicts: 1 });
    expect(snap.anomalies.conflicts).toBe(1);
  });

  it('is no conflict after the call ended', () => {
    const events = [...call().slice(0, 3), ev.ended('c1', s(15)), ev.agent('a1', s(20), 'available')];
    const { agent, snap } = agentOf(events, s(30));
    expect(agent).toMatchObject({ state: 'available', conflicts: 0 });
    expect(snap.anomalies.conflicts).toBe(0);
  });
});

describe('equal times', () => {
  it('keep the order the phone system sent them, whatever their ids', () => {
    const paused = { ...ev.agent('a1', s(10), 'not_ready', { reason: 'break', queueIds: ['q1'] }), id: 'z' };
    const back = { ...ev.agent('a1', s(10), 'available', { queueIds: ['q1'] }), id: 'a' };
    expect(agentOf([paused, back], s(20)).agent.state).toBe('available');
    expect(agentOf([back, paused], s(20)).agent.state).toBe('not_ready');
  });
});

describe('"on_contact" from the phone system during a call', () => {
  const call = () => callThenSaid('on_contact');

  it('is the same answer seen twice: the agent stays on that contact since its answer, with no conflict', () => {
    const { agent, snap } = agentOf(call(), s(30));
    expect(agent).toMatchObject({ state: 'on_contact', contactId: 'c1', since: new Date(s(10)).toISOString(), conflicts: 0 });
    expect(snap.anomalies.conflicts).toBe(0);
  });

  it('is the same when the answer arrives after the phone system\'s report, in another batch', () => {
    const [first, queued, answered, busy] = call();
    const { agent } = agentOf([], s(30), [[first!, busy!], [queued!], [answered!]]);
    expect(agent).toMatchObject({ state: 'on_contact', contactId: 'c1', since: new Date(s(10)).toISOString(), conflicts: 0 });
  });

  it('names no contact once that contact has ended', () => {
    const events = [...call().slice(0, 3), ev.ended('c1', s(15)), ev.completed('c1', s(18)), ev.agent('a1', s(20), 'on_contact')];
    const { agent } = agentOf(events, s(30));
    expect(agent).toMatchObject({ state: 'on_contact', contactId: null, since: new Date(s(20)).toISOString() });
  });
});
