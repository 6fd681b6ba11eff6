import type { AgentStateName } from '@plancia/contracts';

/** One change of an agent's state: an `agent.state` event (rank 0) or a mark from a contact (rank 1). */
export interface TimelineEntry {
  at: number;
  rank: 0 | 1;
  /** the event id (rank 0) or the id of the contact that made the mark (rank 1) */
  key: string;
  /** rank 0: the event's place in arrival order (journal order on replay, batch order live); rank 1: 0 */
  seq: number;
  state: AgentStateName;
  reason: string | null;
  contactId: string | null;
}

/** One queue membership's state as an `agent.state` said it. */
export interface SaidMembership {
  queueId: string;
  state: AgentStateName;
  reason: string | null;
}

const byText = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/**
 * Same instant: the phone system's word first, in the order it was sent (arrival), then the contacts' marks by
 * contact and state, which no arrival order can change.
 */
export function compareEntries(x: TimelineEntry, y: TimelineEntry): number {
  return x.at - y.at || x.rank - y.rank || x.seq - y.seq || byText(x.key, y.key) || byText(x.state, y.state);
}

/** Position where `entry` sorts (binary search; the tail is where most entries land). */
export function insertionIndex(list: readonly TimelineEntry[], entry: TimelineEntry): number {
  // The tail first: nearly every entry sorts after the last, and one comparison settles it (a day's search took ~9).
  const last = list[list.length - 1];
  if (last === undefined || compareEntries(last, entry) <= 0) return list.length;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareEntries(list[mid]!, entry) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The first index whose entry is at or after `atMs` (the length when none is), in a list in time order. Searched
 * from the tail, doubling the step back, then by halves: the instants asked about are recent, near the end of a
 * day's timeline, which a binary search over the whole list reached only at its last steps.
 */
export function firstAtOrAfter(list: readonly { at: number }[], atMs: number): number {
  let hi = list.length;
  let step = 1;
  while (hi - step >= 0 && list[hi - step]!.at >= atMs) {
    hi -= step;
    step *= 2;
  }
  let lo = Math.max(0, hi - step + 1);
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.at < atMs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function indexOfKey(list: readonly TimelineEntry[], entry: TimelineEntry): number {
  const at = insertionIndex(list, entry) - 1;
  return at >= 0 && compareEntries(list[at]!, entry) === 0 ? at : -1;
}

export const BUSY_STATES: ReadonlySet<AgentStateName> = new Set(['on_contact', 'wrap_up']);

/** The agent states in a fixed order, and each one's number in it: where a state is written as a number. */
export const AGENT_STATES: readonly AgentStateName[] = ['available', 'on_contact', 'wrap_up', 'not_ready', 'offline'];
export const STATE_NUMBER: Readonly<Record<AgentStateName, number>> = { available: 0, on_contact: 1, wrap_up: 2, not_ready: 3, offline: 4 };
