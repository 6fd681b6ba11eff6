import type { TimedEvent } from '@plancia/contracts';
import type { CallbackAttemptRecord, CallbackReachRecord } from '@plancia/store';

/** What the worklist needs to know of a contact still in a queue, from its queued (and transferred) events. */
export interface ContactFacts {
  queueId: string | null;
  queuedAtMs: number | null;
  pseudonym: string | null;
  seenAtMs: number;
}

interface ContactData {
  contactId: string;
  queueId?: string;
  toQueueId?: string;
  caller?: string;
}

/** What the tracker knows of the contacts still waiting, as a worklist checkpoint stores it (callback-checkpoints.ts). */
export type WaitingContacts = Array<[key: string, facts: ContactFacts]>;

export interface CallbackFollowUp {
  attempts: CallbackAttemptRecord[];
  reaches: CallbackReachRecord[];
}

const PRUNE_EVERY_MS = 60_000;

/** The events ending a contact's time in queue: the worklist forgets its facts then. */
const LEAVES_QUEUE: ReadonlySet<string> = new Set(['contact.answered', 'contact.abandoned', 'contact.ended', 'contact.completed']);

/**
 * Turns journaled contact events into what the callback worklist records: each abandoned contact with a caller
 * pseudonym becomes an attempt (with the queue and the wait its queued event told), and each answered contact of a
 * caller who has an entry not yet closed becomes a reach that closes it. Keeps no more than the contacts still
 * waiting (forgotten after `horizonMs` without news) and the set of callers with an entry not closed: answers of other
 * callers cost nothing.
 */
export class CallbackTracker {
  readonly #contacts = new Map<string, ContactFacts>();
  readonly #open = new Set<string>();
  #prunedAtMs = -Infinity;

  constructor(private readonly tenant: string, private readonly horizonMs: number) {}

  /** A caller's entry is (or is no longer) open: answers of this caller are looked up while it is. */
  noteEntry(pseudonym: string, open: boolean): void {
    if (open) this.#open.add(pseudonym);
    else this.#open.delete(pseudonym);
  }

  hasOpenEntry(pseudonym: string): boolean {
    return this.#open.has(pseudonym);
  }

  /** Events in time order (arrival order within a batch does not matter), already pseudonymised. */
  follow(events: readonly TimedEvent[]): CallbackFollowUp {
    const attempts: CallbackAttemptRecord[] = [];
    const reaches: CallbackReachRecord[] = [];
    const contacts = events.filter((event) => event.type.startsWith('contact.'));
    if (contacts.length === 0) return { attempts, reaches };
    for (const event of [...contacts].sort((a, b) => a.timeMs - b.timeMs)) {
      const data = event.data as ContactData;
      const key = `${event.source}\u0000${data.contactId}`;
      const facts = this.#contacts.get(key);
      const pseudonym = data.caller ?? facts?.pseudonym ?? null;
      if (event.type === 'contact.queued' || event.type === 'contact.transferred') {
        this.#contacts.set(key, {
          queueId: data.toQueueId ?? data.queueId ?? facts?.queueId ?? null,
          queuedAtMs: Math.min(facts?.queuedAtMs ?? event.timeMs, event.timeMs),
          pseudonym,
          seenAtMs: event.timeMs,
        });
        continue;
      }
      if (event.type === 'contact.abandoned' && pseudonym !== null) {
        const waitedMs = facts?.queuedAtMs == null ? null : Math.max(0, event.timeMs - facts.queuedAtMs);
        attempts.push({
          tenant: this.tenant, source: event.source, contactId: data.contactId, pseudonym,
          queueId: facts?.queueId ?? null, abandonedAtMs: event.timeMs, waitedMs,
        });
        // Open from now on for the rest of the batch too: an answer after it closes it in the same transaction.
        this.#open.add(pseudonym);
      } else if (event.type === 'contact.answered' && pseudonym !== null && this.#open.has(pseudonym)) {
        reaches.push({ tenant: this.tenant, pseudonym, contactId: data.contactId, atMs: event.timeMs });
      }
      if (LEAVES_QUEUE.has(event.type)) this.#contacts.delete(key);
    }
    return { attempts, reaches };
  }

  /**
   * Forgets contacts with no news for longer than the horizon (they ended without an event saying so). Looks at most
   * once a minute: ingest calls it on every batch, and the walk is over every waiting contact.
   */
  prune(nowMs: number): void {
    if (nowMs < this.#prunedAtMs + PRUNE_EVERY_MS) return;
    this.#prunedAtMs = nowMs;
    for (const [key, facts] of this.#contacts) if (facts.seenAtMs < nowMs - this.horizonMs) this.#contacts.delete(key);
  }

  /** The contacts still waiting, to be taken up by `resume` after a restart. */
  waitingContacts(): WaitingContacts {
    return [...this.#contacts].map(([key, facts]) => [key, { ...facts }]);
  }

  /** Takes up the contacts a checkpoint says were waiting; what this tracker has heard since is newer and stays. */
  resume(contacts: WaitingContacts): void {
    for (const [key, facts] of contacts) if (!this.#contacts.has(key)) this.#contacts.set(key, { ...facts });
  }

  get waiting(): number {
    return this.#contacts.size;
  }
}
