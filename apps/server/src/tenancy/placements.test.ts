import { describe, expect, it } from 'vitest';
import { Placements } from './placements.js';

describe('Placements', () => {
  it('catches up with what the live state holds back before every lookup', () => {
    const placements = new Placements();
    placements.reset({ queues: [{ queueId: 'q1', teamId: 'north' }], agents: [] });
    let held: Parameters<Placements['follow']>[0] | null = { queues: [{ queueId: 'q2', teamId: 'south' }], agents: [{ agentId: 'a1', teamId: 'south', queueIds: ['q2'] }] };
    placements.catchUpWith(() => {
      if (held) placements.follow(held);
      held = null;
    });
    expect(placements.teamOfQueue('q2')).toBe('south');
    held = { agents: [{ agentId: 'a2', teamId: 'north', queueIds: ['q1'] }] };
    expect(placements.agent('a2')).toEqual({ teamId: 'north', queueIds: ['q1'] });
    held = { queues: [{ queueId: 'q3', teamId: 'north' }] };
    expect(placements.queuesOfTeam('north')).toEqual(['q1', 'q3']);
  });
});
