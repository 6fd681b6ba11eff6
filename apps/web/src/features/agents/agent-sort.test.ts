import { describe, expect, it } from 'vitest';
import type { AgentSnapshot } from '@plancia/contracts';
import { DEFAULT_AGENT_SORT, sortAgents } from './agent-sort.js';

const agent = (agentId: string, state: AgentSnapshot['state'], since: string, reason: string | null = null): AgentSnapshot =>
  ({ agentId, name: agentId.toUpperCase(), teamId: null, queueIds: [], state, reason, since, contactId: null, conflicts: 0 });
const ids = (agents: AgentSnapshot[]) => agents.map((a) => a.agentId);
const labels: Record<AgentSnapshot['state'], string> = { available: 'Disponibile', on_contact: 'In contatto', wrap_up: 'Post-chiamata', not_ready: 'Non pronto', offline: 'Disconnesso' };
const label = (state: AgentSnapshot['state']) => labels[state];

describe('sorting agents', () => {
  const agents = [
    agent('b', 'available', '2026-03-02T09:59:00Z'), agent('c', 'offline', '2026-03-02T09:00:00Z', 'Meeting'),
    agent('a', 'not_ready', '2026-03-02T09:59:00Z', 'Break'),
  ];

  it('ascending by time in state puts the shortest on top, descending the longest (the default), ties by name', () => {
    expect(ids(sortAgents(agents, { key: 'timeInState', descending: false }, label))).toEqual(['a', 'b', 'c']);
    expect(ids(sortAgents(agents, { key: 'timeInState', descending: true }, label))).toEqual(['c', 'a', 'b']);
    expect(DEFAULT_AGENT_SORT).toEqual({ key: 'timeInState', descending: true });
  });

  it('sorts the state by its label in the board language, and words A→Z ascending', () => {
    expect(ids(sortAgents(agents, { key: 'state', descending: false }, label))).toEqual(['c', 'b', 'a']);
    expect(ids(sortAgents(agents, { key: 'name', descending: true }, label))).toEqual(['c', 'b', 'a']);
    expect(ids(sortAgents(agents, { key: 'reason', descending: false }, label))).toEqual(['b', 'a', 'c']);
  });
});
