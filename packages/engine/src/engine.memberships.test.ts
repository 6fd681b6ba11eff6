import { describe, expect, it } from 'vitest';
import type { TimedEvent } from '@plancia/contracts';
import { config, createEngineAt, ev, queue, queueOf, s } from './engine-test-kit.js';

const iso = (ms: number) => new Date(ms).toISOString();
const two = () => config([queue('q1'), queue('q2')]);
const said = (q1: [string, string?], q2: [string, string?]) => [
  { queueId: 'q1', state: q1[0], ...(q1[1] ? { reason: q1[1] } : {}) },
  { queueId: 'q2', state: q2[0], ...(q2[1] ? { reason: q2[1] } : {}) },
];

function boardAt(events: TimedEvent[], now: number) {
  const engine = createEngineAt(two());
  engine.apply(events, now);
  return { agent: engine.snapshot(now).agents.find((a) => a.agentId === 'a1')!, engine };
}

describe('an agent paused in one of two queues', () => {
  const pausedInQ2 = () => [
    ev.agent('a1', s(0), 'available', { queueIds: ['q1', 'q2'], memberships: said(['available'], ['available']) }),
    ev.agent('a1', s(10), 'available', { queueIds: ['q1', 'q2'], memberships: said(['available'], ['not_ready', 'Solo q1']) }),
  ];

  it('shows each membership on its own: paused with its reason in q2, available in q1', () => {
    const { agent, engine } = boardAt(pausedInQ2(), s(20));
    expect(agent).toMatchObject({ state: 'available', reason: null });
    expect(agent.memberships).toEqual([
      { queueId: 'q1', state: 'available', reason: null, since: iso(s(0)) },
      { queueId: 'q2', state: 'not_ready', reason: 'Solo q1', since: iso(s(10)) },
    ]);
    expect(queueOf(engine, s(20), 'q1').live.agents).toMatchObject({ available: 1, not_ready: 0 });
    expect(queueOf(engine, s(20), 'q2').live.agents).toMatchObject({ available: 0, not_ready: 1 });
  });

  it('keeps the pause in q2 through a call taken from q1', () => {
    const events = [...pausedInQ2(), ev.queued('c1', s(12)), ev.answered('c1', s(15), 'a1')];
    const { agent } = boardAt(events, s(20));
    expect(agent).toMatchObject({ state: 'on_contact', contactId: 'c1' });
    expect(agent.memberships).toEqual([
      { queueId: 'q1', state: 'on_contact', reason: null, since: iso(s(15)) },
      { queueId: 'q2', state: 'not_ready', reason: 'Solo q1', since: iso(s(10)) },
    ]);
  });

  it('is the same whatever the arrival order', () => {
    const events = pausedInQ2();
    expect(boardAt([...events].reverse(), s(20)).agent).toEqual(boardAt(events, s(20)).agent);
  });

  it('has no memberships when the source never lists them', () => {
    const { agent } = boardAt([ev.agent('a1', s(0), 'available', { queueIds: ['q1'] })], s(5));
    expect(agent).not.toHaveProperty('memberships');
  });
});
