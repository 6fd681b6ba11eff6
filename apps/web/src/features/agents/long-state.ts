import type { AgentSnapshot } from '@plancia/contracts';

/** A pause or a wrap-up past these lengths is highlighted for the supervisor. */
export const LONG_STATE_SECONDS: Partial<Record<AgentSnapshot['state'], number>> = { not_ready: 10 * 60, wrap_up: 3 * 60 };

export function isLongState(agent: Pick<AgentSnapshot, 'state' | 'since'>, nowMs: number): boolean {
  const limit = LONG_STATE_SECONDS[agent.state];
  return limit !== undefined && (nowMs - Date.parse(agent.since)) / 1000 > limit;
}

export type AgentSortKey = 'name' | 'state' | 'reason' | 'since' | 'teamId';

/** Sorts a copy; `since` ascending puts the longest in state first. */
export function sortAgents(agents: readonly AgentSnapshot[], key: AgentSortKey, descending: boolean): AgentSnapshot[] {
  const value = (a: AgentSnapshot) => a[key] ?? '';
  const sorted = [...agents].sort((a, b) => value(a).localeCompare(value(b)) || a.name.localeCompare(b.name));
  return descending ? sorted.reverse() : sorted;
}
