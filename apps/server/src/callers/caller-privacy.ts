import type { TimedEvent } from '@plancia/contracts';
import type { CallbackRecord, CallerRepository } from '@plancia/store';
import { CallbackSealError, type CallbackCipher } from './callback-cipher.js';
import { DEFAULT_TENANT, type CallerPseudonymiser } from './pseudonymiser.js';

/**
 * Contact events whose caller may need calling back: one still waiting and one who gave up. (An answered contact
 * was served; its number is not kept again, only what its queued event left expires.)
 */
const CALLBACK_TYPES: ReadonlySet<string> = new Set(['contact.queued', 'contact.abandoned']);

export interface CallerPrivacyDeps {
  pseudonymiser: CallerPseudonymiser;
  /** Absent: no number is kept at all, only pseudonyms. */
  cipher?: CallbackCipher | undefined;
  retentionMs: number;
  callbacks: Pick<CallerRepository, 'keepCallbacks' | 'findCallback'>;
  now(): number;
}

export interface RevealedCaller {
  caller: string;
  pseudonym: string;
  queueId: string | null;
  expiresAtMs: number;
}

export type RevealResult = { ok: true; revealed: RevealedCaller } | { ok: false; reason: 'not_kept' | 'unreadable' };

/**
 * Caller identifiers on the way in: each `data.caller` is replaced by its keyed pseudonym before the journal or the
 * engine see the event; for contacts that may need a callback the number is also kept, encrypted, until it expires.
 */
export class CallerPrivacy {
  constructor(private readonly deps: CallerPrivacyDeps) {}

  get keepsNumbers(): boolean {
    return this.deps.cipher !== undefined;
  }

  /** The events as they may be stored and shown. A batch without callers is answered as it came. */
  async protect(events: readonly TimedEvent[], tenantId = DEFAULT_TENANT): Promise<TimedEvent[]> {
    if (!events.some(carriesCaller)) return events as TimedEvent[];
    const callbacks: CallbackRecord[] = [];
    const protectedEvents = events.map((event) => {
      if (!carriesCaller(event)) return event;
      const { caller, ...rest } = event.data as Record<string, unknown>;
      // The contract checks `caller` on contact events only; anything else under that name is dropped, never kept.
      if (typeof caller !== 'string') return { ...event, data: rest } as TimedEvent;
      const pseudonym = this.deps.pseudonymiser.pseudonym(caller, tenantId);
      const callback = this.#callback(event, caller, pseudonym, tenantId);
      if (callback) callbacks.push(callback);
      return { ...event, data: { ...rest, caller: pseudonym } } as TimedEvent;
    });
    await this.deps.callbacks.keepCallbacks(callbacks);
    return protectedEvents;
  }

  /** The number kept for one contact, while it has not expired. */
  async reveal(source: string, contactId: string): Promise<RevealResult> {
    const { cipher } = this.deps;
    const record = cipher && await this.deps.callbacks.findCallback(source, contactId, this.deps.now());
    if (!cipher || !record) return { ok: false, reason: 'not_kept' };
    try {
      const caller = cipher.open(record.sealed, { source, contactId });
      return { ok: true, revealed: { caller, pseudonym: record.pseudonym, queueId: record.queueId, expiresAtMs: record.expiresAtMs } };
    } catch (error) {
      // Sealed under another PLANCIA_CALLBACK_KEY, or changed in the database.
      if (error instanceof CallbackSealError) return { ok: false, reason: 'unreadable' };
      throw error;
    }
  }

  #callback(event: TimedEvent, caller: string, pseudonym: string, tenant: string): CallbackRecord | undefined {
    const { cipher } = this.deps;
    if (!cipher || !CALLBACK_TYPES.has(event.type)) return undefined;
    const expiresAtMs = event.timeMs + this.deps.retentionMs;
    if (expiresAtMs <= this.deps.now()) return undefined;
    const { contactId, queueId } = event.data as { contactId: string; queueId?: string };
    return {
      source: event.source,
      contactId,
      tenant,
      queueId: queueId ?? null,
      pseudonym,
      sealed: cipher.seal(caller, { source: event.source, contactId }),
      expiresAtMs,
    };
  }
}

const carriesCaller = (event: TimedEvent) => (event.data as Record<string, unknown>).caller !== undefined;
