import type { AgentSnapshot } from '@plancia/contracts';

export type AgentSortKey = 'name' | 'state' | 'reason' | 'timeInState' | 'teamId';
export interface AgentSort { key: AgentSortKey; descending: boolean }

/** The order the board opens with: whoever has been in their state longest on top. */
export const DEFAULT_AGENT_SORT: AgentSort = { key: 'timeInState', descending: true };

type Compare = (a: AgentSnapshot, b: AgentSnapshot, stateLabel: (state: AgentSnapshot['state']) => string) => number;

const text = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '');

/**
 * Ascending is the order of what the column shows, growing downwards: names and words A→Z, the state by its label in
 * the board's language, time in state shortest first (the latest `since` first).
 */
const COMPARE: Record<AgentSortKey, Compare> = {
  name: (a, b) => a.name.localeCompare(b.name),
  state: (a, b, stateLabel) => stateLabel(a.state).localeCompare(stateLabel(b.state)),
  reason: (a, b) => text(a.reason, b.reason),
  timeInState: (a, b) => Date.parse(b.since) - Date.parse(a.since),
  teamId: (a, b) => text(a.teamId, b.teamId),
};

/** Sorts a copy by one column; ties always by name A→Z, whichever way the column goes. */
export function sortAgents(agents: readonly AgentSnapshot[], sort: AgentSort, stateLabel: (state: AgentSnapshot['state']) => string): AgentSnapshot[] {
  const compare = COMPARE[sort.key];
  const sign = sort.descending ? -1 : 1;
  return [...agents].sort((a, b) => sign * compare(a, b, stateLabel) || a.name.localeCompare(b.name));
}
