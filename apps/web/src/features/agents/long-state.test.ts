import { describe, expect, it } from 'vitest';
import type { AgentSnapshot } from '@plancia/contracts';
import { isLongState } from './long-state.js';

const agent = (agentId: string, state: AgentSnapshot['state'], since: string): AgentSnapshot =>
  ({ agentId, name: agentId.toUpperCase(), teamId: null, queueIds: [], state, reason: null, since, contactId: null, conflicts: 0 });

describe('long states', () => {
  const now = Date.parse('2026-03-02T10:00:00Z');

  it('flags a pause past ten minutes and a wrap-up past three, never an agent on a contact', () => {
    expect(isLongState(agent('a', 'not_ready', '2026-03-02T09:49:59Z'), now)).toBe(true);
    expect(isLongState(agent('a', 'not_ready', '2026-03-02T09:51:00Z'), now)).toBe(false);
    expect(isLongState(agent('a', 'wrap_up', '2026-03-02T09:56:59Z'), now)).toBe(true);
    expect(isLongState(agent('a', 'on_contact', '2026-03-02T08:00:00Z'), now)).toBe(false);
  });
});
