import { describe, expect, it } from 'vitest';
import { config, createEngineAt, ev, queue, s } from './engine-test-kit.js';

describe('placements', () => {
  it('are the teams and queues a whole snapshot gives every queue and agent, configured or only seen in events', () => {
    const engine = createEngineAt(config([queue('q1', {}, { teamId: 'red' }), queue('q2')]));
    engine.apply([
      ev.agent('a2', s(0), 'available', { queueIds: ['q1', 'q2'], teamId: 'red' }),
      ev.agent('a1', s(1), 'not_ready', { queueIds: ['q2'] }),
      ev.queued('c1', s(2), 'q3'),
      ev.answered('c1', s(3), 'a3'),
      ev.agent('a1', s(4), 'available', { queueIds: ['q1'], teamId: 'blue' }),
    ], s(5));
    const snapshot = engine.snapshot(s(5));
    const placements = engine.placements();
    expect(placements.queues).toEqual(snapshot.queues.map(({ queueId, teamId }) => ({ queueId, teamId })));
    const byId = (a: { agentId: string }, b: { agentId: string }) => (a.agentId < b.agentId ? -1 : 1);
    expect([...placements.agents].sort(byId)).toEqual(snapshot.agents.map(({ agentId, teamId, queueIds }) => ({ agentId, teamId, queueIds })));
    expect(placements.agents.map((a) => a.agentId).sort()).toEqual(['a1', 'a2', 'a3']);
    expect(placements.queues.map((q) => q.queueId)).toContain('q3');
  });
});
