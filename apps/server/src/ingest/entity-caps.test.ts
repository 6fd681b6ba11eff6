import { describe, expect, it } from 'vitest';
import { validateEvents, type TimedEvent } from '@plancia/contracts';
import { EntityCaps } from './entity-caps.js';

const now = Date.parse('2026-03-02T10:00:00Z');
function events(...values: { type: string; data: Record<string, unknown> }[]): TimedEvent[] {
  const result = validateEvents(values.map((v, i) => ({ specversion: '1.0', id: `e${i}`, source: 's', time: '2026-03-02T10:00:00Z', ...v })), now);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.events;
}
const queued = (queueId: string) => ({ type: 'contact.queued', data: { contactId: 'c', queueId, channel: 'voice' } });
const state = (agentId: string, queueIds: string[] = []) => ({ type: 'agent.state', data: { agentId, state: 'available', queueIds } });

describe('EntityCaps', () => {
  it('counts configured queues within the limit and refuses the whole batch naming the first event past it', () => {
    const refused: string[] = [];
    const caps = new EntityCaps({ queues: 3, agents: 10 }, ['sales', 'support'], (entity, n) => refused.push(`${entity}:${n}`));
    expect(caps.admit(events(queued('sales'), queued('billing'), queued('sales')))).toBeNull();
    expect(caps.admit(events(queued('billing'), queued('extra')))).toEqual({
      error: 'queue_limit_reached', entity: 'queue',
      details: [{ index: 1, path: '/data/queueId', message: expect.stringMatching(/limit of 3 distinct queues \(PLANCIA_MAX_QUEUES\)/) }],
    });
    expect(caps.count('queue')).toBe(3);
    expect(refused).toEqual(['queue:2']);
  });

  it('counts agents and the queues an agent state names, with their paths', () => {
    const caps = new EntityCaps({ queues: 2, agents: 1 });
    expect(caps.admit(events(state('a1', ['q1'])))).toBeNull();
    expect(caps.admit(events(state('a1', ['q1', 'q2', 'q3'])))).toMatchObject({ error: 'queue_limit_reached', details: [{ index: 0, path: '/data/queueIds/2' }] });
    expect(caps.admit(events({ type: 'contact.answered', data: { contactId: 'c', agentId: 'a2' } }))).toMatchObject({ error: 'agent_limit_reached', details: [{ path: '/data/agentId' }] });
    expect(caps.admit(events({ type: 'contact.transferred', data: { contactId: 'c', toQueueId: 'q2' } }))).toBeNull();
    expect([caps.count('queue'), caps.count('agent')]).toEqual([2, 1]);
  });

  it('keeps, at replay, the events within the limits and drops the others', () => {
    const caps = new EntityCaps({ queues: 2, agents: 5 });
    const journal = events(queued('q1'), queued('q2'), queued('q3'), queued('q1'), queued('q4'));
    expect(caps.admitReplayed(journal).map((e) => e.data)).toEqual([journal[0]!.data, journal[1]!.data, journal[3]!.data]);
  });
});
