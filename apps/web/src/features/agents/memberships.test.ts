import { describe, expect, it } from 'vitest';
import { differingMemberships } from './memberships.js';

const since = '2026-12-03T21:05:00.000Z';

describe('the memberships an agent row shows', () => {
  it('shows a pause in one queue of an agent available in another', () => {
    const agent = {
      state: 'available' as const, reason: null,
      memberships: [
        { queueId: 'sales', state: 'not_ready' as const, reason: 'Solo sales', since },
        { queueId: 'support', state: 'available' as const, reason: null, since },
      ],
    };
    expect(differingMemberships(agent).map((m) => [m.queueId, m.state, m.reason])).toEqual([['sales', 'not_ready', 'Solo sales']]);
  });

  it('shows nothing when every queue agrees with the agent, or the source keeps no memberships', () => {
    const paused = { queueId: 'sales', state: 'not_ready' as const, reason: 'Fine turno', since };
    expect(differingMemberships({ state: 'not_ready', reason: 'Fine turno', memberships: [paused] })).toEqual([]);
    expect(differingMemberships({ state: 'available', reason: null })).toEqual([]);
  });
});
