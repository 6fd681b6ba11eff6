import { WAITING_LIST_LIMIT, type ContactChannelName, type WaitingContact, type WaitingList } from '@plancia/contracts';
import type { Waiter } from '../contacts/waiting-line.js';
import type { EngineCore } from '../engine-core.js';
import { longestWaits } from './longest-waits.js';

/** How many characters of a caller pseudonym's digest the board shows: enough to tell callers apart on one list. */
export const CALLER_TAG_LENGTH = 8;

/** A short tag of a caller pseudonym (`cp1:<key id>:<digest>` → the digest's first characters); never a number. */
export function callerTag(pseudonym: string | null): string | null {
  if (pseudonym === null) return null;
  const digest = pseudonym.slice(pseudonym.lastIndexOf(':') + 1);
  return digest.slice(0, CALLER_TAG_LENGTH) || null;
}

/** How many waiters have each priority, highest priority first, with how many wait at a higher one. */
function aheadByPriority(waiters: readonly Waiter[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const { view } of waiters) counts.set(view.waitingPriority, (counts.get(view.waitingPriority) ?? 0) + 1);
  const ahead = new Map<number, number>();
  let higher = 0;
  for (const [priority, count] of [...counts].sort((x, y) => y[0] - x[0])) {
    ahead.set(priority, higher);
    higher += count;
  }
  return ahead;
}

/**
 * A queue's longest-waiting contacts, the longest wait on top, each with its place in the order of service (highest
 * priority first, then the longest wait) among all who wait. Whoever waits longer at the same priority than a listed
 * contact is listed too, so a place is the count of those at a higher priority plus those listed before it at its own.
 */
export function waitingList(core: EngineCore, queueId: string): WaitingList {
  const q = core.queueConfig(queueId);
  const waiters = core.contacts.waiting.get(queueId)?.waiters ?? [];
  const ahead = aheadByPriority(waiters);
  const seenAtPriority = new Map<number, number>();
  const contacts = longestWaits(waiters, WAITING_LIST_LIMIT).map((w): WaitingContact => {
    const priority = w.view.waitingPriority;
    const seen = seenAtPriority.get(priority) ?? 0;
    seenAtPriority.set(priority, seen + 1);
    return {
      contactId: w.id,
      channel: w.view.waitingChannel as ContactChannelName,
      since: new Date(w.view.waitingSince).toISOString(),
      priority,
      position: ahead.get(priority)! + seen + 1,
      caller: callerTag(w.view.waitingCaller),
      vip: w.view.waitingVip,
    };
  });
  return { queueId, channel: q.channel ?? null, teamId: q.teamId ?? null, contacts, total: waiters.length };
}
