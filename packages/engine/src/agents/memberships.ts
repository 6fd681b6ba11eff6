import type { AgentMembership } from '@plancia/contracts';
import type { Entry } from './agent-spans.js';
import type { SaidMembership, TimelineEntry } from './timeline.js';

/** A pause or a logout is the membership's own; any other state follows the agent (a call, wrap-up, available). */
const holds = (m: SaidMembership | undefined): boolean => m !== undefined && (m.state === 'not_ready' || m.state === 'offline');
const keyOf = (m: SaidMembership | undefined): string => (m === undefined ? '' : holds(m) ? `${m.state}|${m.reason ?? ''}` : 'follows');

/** Index of the latest entry that said the agent's memberships, or -1. */
function latestSaid(t: readonly Entry[]): number {
  for (let i = t.length - 1; i >= 0; i--) if (t[i]!.memberships !== null) return i;
  return -1;
}

/** The membership's state in `queueId` when it holds one of its own (paused there), else undefined. */
export function heldIn(t: readonly Entry[], queueId: string): SaidMembership | undefined {
  const at = latestSaid(t);
  if (at < 0) return undefined;
  const said = t[at]!.memberships!.find((m) => m.queueId === queueId);
  return holds(said) ? said : undefined;
}

/** Since when membership `queueId` has been as entry `from` says: the first of the trailing run that said the same. */
function sinceOf(t: readonly Entry[], from: number, queueId: string): number {
  const key = keyOf(t[from]!.memberships!.find((m) => m.queueId === queueId));
  let since = t[from]!.at;
  for (let j = from - 1; j >= 0; j--) {
    const memberships = t[j]!.memberships;
    if (memberships === null) continue;
    if (keyOf(memberships.find((m) => m.queueId === queueId)) !== key) break;
    since = t[j]!.at;
  }
  return since;
}

/**
 * The agent's state in each queue from the latest `agent.state` that listed them, or undefined when none did: a pause
 * holds in its own queue; elsewhere the membership shows the agent's state, since the later of its own and the agent's.
 */
export function membershipsOf(t: readonly Entry[], current: TimelineEntry, agentSinceMs: number): AgentMembership[] | undefined {
  const at = latestSaid(t);
  if (at < 0) return undefined;
  return t[at]!.memberships!.map((m) => {
    const sinceMs = sinceOf(t, at, m.queueId);
    if (holds(m)) return { queueId: m.queueId, state: m.state, reason: m.reason, since: new Date(sinceMs).toISOString() };
    return { queueId: m.queueId, state: current.state, reason: current.reason, since: new Date(Math.max(sinceMs, agentSinceMs)).toISOString() };
  });
}
