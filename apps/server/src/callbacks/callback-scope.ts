import type { CallbackEntry } from '@plancia/contracts';
import type { Reach } from '../tenancy/reach.js';

/** An entry of no known queue belongs to no scope: only a reach over the whole installation holds it. */
export const inReach = (reach: Reach, entry: Pick<CallbackEntry, 'queueId'>): boolean =>
  entry.queueId === null ? reach.whole : reach.hasQueue(entry.queueId);

export type CallbackAction = 'claim' | 'release' | 'done';

/**
 * What an agent may not do to an entry already in its reach, or null when it may: an agent claims an open entry and
 * then releases or closes only what it claimed itself (supervisors and administrators may do any of it, to anyone's
 * claim). `actor` is how the audit log names the agent, as `claimedBy` holds it.
 */
export function agentRefusal(actor: string, entry: Pick<CallbackEntry, 'state' | 'claimedBy'>, action: CallbackAction): string | null {
  if (action === 'claim') return null;
  if (entry.state === 'claimed' && entry.claimedBy === actor) return null;
  return action === 'done'
    ? 'An agent closes only a callback it has claimed: claim it first'
    : 'An agent gives back only a callback it has claimed';
}
