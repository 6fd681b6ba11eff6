import type { AgentSnapshot } from '@plancia/contracts';
import { tickedToday, type TodayShown } from './agent-today.js';

/** The columns of the agent's day (see agent-today.ts), sortable like the others. */
export const TODAY_SORT_KEYS = ['answered', 'missed', 'aht', 'talk', 'wrapUp', 'idle', 'notReady', 'occupancy'] as const;
export type TodaySortKey = (typeof TODAY_SORT_KEYS)[number];
export type AgentSortKey = 'name' | 'state' | 'reason' | 'timeInState' | 'teamId' | TodaySortKey;
export interface AgentSort { key: AgentSortKey; descending: boolean }

/** The order the board opens with: whoever has been in their state longest on top. */
export const DEFAULT_AGENT_SORT: AgentSort = { key: 'timeInState', descending: true };

/** The order a TV's agent pages are cut in on the server (compareAgentPageOrder): by name, A→Z. */
export const PAGE_ORDER_SORT: AgentSort = { key: 'name', descending: false };

type Compare = (a: AgentSnapshot, b: AgentSnapshot, stateLabel: (state: AgentSnapshot['state']) => string, nowMs: number) => number;

const text = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '');

/** A figure of the day, as it stands on the board's clock; an agent without figures sorts below every number. */
const figure = (key: TodaySortKey): Compare => (a, b, _label, nowMs) => {
  const value = (x: AgentSnapshot) => tickedToday(x, nowMs)?.[key as keyof TodayShown] as number | null | undefined ?? -Infinity;
  const [x, y] = [value(a), value(b)];
  return x === y ? 0 : x < y ? -1 : 1;
};

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
  ...(Object.fromEntries(TODAY_SORT_KEYS.map((key) => [key, figure(key)])) as Record<TodaySortKey, Compare>),
};

/** Sorts a copy by one column; ties always by name A→Z, whichever way the column goes. */
export function sortAgents(
  agents: readonly AgentSnapshot[], sort: AgentSort, stateLabel: (state: AgentSnapshot['state']) => string, nowMs = Date.now(),
): AgentSnapshot[] {
  const compare = COMPARE[sort.key];
  const sign = sort.descending ? -1 : 1;
  return [...agents].sort((a, b) => sign * compare(a, b, stateLabel, nowMs) || a.name.localeCompare(b.name));
}
