import type { ContactChannelName, WaitingContact, WaitingList } from '@plancia/contracts';
import type { Waiter } from '../contacts/waiting-line.js';
import type { EngineCore } from '../engine-core.js';

/** How many characters of a caller pseudonym's digest the board shows: enough to tell callers apart on one list. */
export const CALLER_TAG_LENGTH = 8;

/** A short tag of a caller pseudonym (`cp1:<key id>:<digest>` → the digest's first characters); never a number. */
export function callerTag(pseudonym: string | null): string | null {
  if (pseudonym === null) return null;
  const digest = pseudonym.slice(pseudonym.lastIndexOf(':') + 1);
  return digest.slice(0, CALLER_TAG_LENGTH) || null;
}

const byText = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
/** Longest wait first; equal starts by contact id, so the order never depends on arrival. */
const byWait = (x: Waiter, y: Waiter): number => x.view.waitingSince - y.view.waitingSince || byText(x.id, y.id);
/** The order of service: highest priority first, then the longest wait. */
const byService = (x: Waiter, y: Waiter): number => y.view.waitingPriority - x.view.waitingPriority || byWait(x, y);

/** A queue's waiting contacts, the longest wait on top, each with its place in the order of service. */
export function waitingList(core: EngineCore, queueId: string): WaitingList {
  const q = core.queueConfig(queueId);
  const waiters = [...(core.contacts.waiting.get(queueId)?.waiters ?? [])];
  const position = new Map<Waiter, number>();
  waiters.sort(byService).forEach((w, i) => position.set(w, i + 1));
  const contacts: WaitingContact[] = waiters.sort(byWait).map((w) => ({
    contactId: w.id,
    channel: w.view.waitingChannel as ContactChannelName,
    since: new Date(w.view.waitingSince).toISOString(),
    priority: w.view.waitingPriority,
    position: position.get(w)!,
    caller: callerTag(w.view.waitingCaller),
    vip: w.view.waitingVip,
  }));
  return { queueId, channel: q.channel ?? null, teamId: q.teamId ?? null, contacts };
}
