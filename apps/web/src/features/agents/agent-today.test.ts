import { describe, expect, it } from 'vitest';
import type { AgentSnapshot } from '@plancia/contracts';
import { tickedToday } from './agent-today.js';

const AS_OF = Date.UTC(2026, 2, 2, 9, 0, 0);
const agent = (state: AgentSnapshot['state'], reason: string | null = null): AgentSnapshot => ({
  agentId: 'a1', name: 'Alba', teamId: null, queueIds: [], state, reason, since: new Date(AS_OF - 60_000).toISOString(), contactId: null, conflicts: 0,
  today: {
    asOf: new Date(AS_OF).toISOString(), answered: 3, handled: 2, missed: 1, rejected: 1, aht: 200, talk: 300, wrapUp: 100, idle: 600,
    notReady: 120, notReadyByReason: { break: 120 }, occupancy: 400 / 1000, stateCounts: { available: 3, on_contact: 3, wrap_up: 2, not_ready: 1, offline: 0 },
  },
});

describe('an agent\'s day on the board', () => {
  it('counts the current state on from asOf, and only that state', () => {
    expect(tickedToday(agent('on_contact'), AS_OF + 30_000)).toMatchObject({ talk: 330, wrapUp: 100, idle: 600, notReady: 120, occupancy: 430 / 1030, missed: 2 });
    expect(tickedToday(agent('available'), AS_OF + 30_000)).toMatchObject({ talk: 300, idle: 630, occupancy: 400 / 1030 });
    expect(tickedToday(agent('not_ready', 'lunch'), AS_OF + 30_000)).toMatchObject({ notReady: 150, notReadyByReason: { break: 120, lunch: 30 } });
  });

  it('never counts back when the board\'s clock is behind the server\'s', () => {
    expect(tickedToday(agent('on_contact'), AS_OF - 5_000)?.talk).toBe(300);
  });

  it('is null without figures (an older server)', () => {
    const { today: _none, ...bare } = agent('available');
    expect(tickedToday(bare, AS_OF)).toBeNull();
  });
});
