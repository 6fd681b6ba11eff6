import { WAITING_LIST_LIMIT, type ContactChannelName, type WaitingContact, type WaitingList } from '@plancia/contracts';
import { sameWaitingView, type Waiter, type WaitingView } from '../contacts/waiting-line.js';
import type { EngineCore } from '../engine-core.js';

/** How many characters of a caller pseudonym's digest the board shows: enough to tell callers apart on one list. */
export const CALLER_TAG_LENGTH = 8;

/** A short tag of a caller pseudonym (`cp1:<key id>:<digest>` → the digest's first characters); never a number. */
export function callerTag(pseudonym: string | null): string | null {
  if (pseudonym === null) return null;
  const digest = pseudonym.slice(pseudonym.lastIndexOf(':') + 1);
  return digest.slice(0, CALLER_TAG_LENGTH) || null;
}

/**
 * What a waiter was last shown as, made again only when its wait or its place moved: a long line's list is built again
 * at every join, and its dates and tags need not be, nor a list compared entry by entry when its entries are the same
 * objects. The values are compared, not the view: views are recycled objects.
 */
const shownOf = new WeakMap<Waiter, { from: WaitingView; entry: WaitingContact }>();

function shown(w: Waiter, position: number): WaitingContact {
  const made = shownOf.get(w);
  if (made && made.entry.position === position && sameWaitingView(made.from, w.view)) return made.entry;
  const { waitingSince, waitingChannel, waitingPriority, waitingVip, waitingCaller } = w.view;
  const entry: WaitingContact = {
    contactId: w.id, channel: waitingChannel as ContactChannelName, since: new Date(waitingSince).toISOString(),
    priority: waitingPriority, position, caller: callerTag(waitingCaller), vip: waitingVip,
  };
  shownOf.set(w, { from: { waitingSince, waitingChannel, waitingPriority, waitingVip, waitingCaller }, entry });
  return entry;
}

/**
 * A queue's longest-waiting contacts, the longest wait on top, each with its place in the order of service (highest
 * priority first, then the longest wait) among all who wait. Whoever waits longer at the same priority than a listed
 * contact is listed too, so a place is the count of those at a higher priority plus those listed before it at its own.
 */
export function waitingList(core: EngineCore, queueId: string): WaitingList {
  const q = core.queueConfig(queueId);
  const line = core.contacts.waiting.get(queueId);
  const ahead = line?.aheadByPriority() ?? new Map<number, number>();
  const seenAtPriority = new Map<number, number>();
  const contacts = (line?.longest(WAITING_LIST_LIMIT) ?? []).map((w): WaitingContact => {
    const priority = w.view.waitingPriority;
    const seen = seenAtPriority.get(priority) ?? 0;
    seenAtPriority.set(priority, seen + 1);
    return shown(w, ahead.get(priority)! + seen + 1);
  });
  return { queueId, channel: q.channel ?? null, teamId: q.teamId ?? null, contacts, total: line?.count(null) ?? 0 };
}

/** Whether two lists of one queue show the same, field by field (every field of a list and of a contact is a plain value). */
export function sameWaitingList(a: WaitingList, b: WaitingList): boolean {
  const sameFields = <T extends object>(x: T, y: T) => (Object.keys(x) as (keyof T)[]).every((k) => k === 'contacts' || x[k] === y[k]);
  if (a.contacts.length !== b.contacts.length || !sameFields(a, b)) return false;
  return a.contacts.every((x, i) => x === b.contacts[i] || sameFields(x, b.contacts[i]!));
}
