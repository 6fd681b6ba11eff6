import { EventEmitter } from 'node:events';
import type { CallbackEntry, CallbackState, TimedEvent } from '@plancia/contracts';
import type { CallbackActionResult, CallbackRepository } from '@plancia/store';
import { CallbackTracker, type WaitingContacts } from './callback-tracker.js';

/** A contact waiting longer than this without news is forgotten: its abandon would show no queue and no wait. */
export const CONTACT_HORIZON_MS = 4 * 3_600_000;

const isOpen = (state: CallbackState) => state === 'open' || state === 'claimed';

/**
 * The callback worklist: fed from the ingest path (after the journal commit, before the acknowledgement, so an
 * acknowledged abandon is in the list), acted on by people, heard by the push layer.
 *
 *   worklist.journaled(events, append)   journals a batch through `append`, then records it
 *   worklist.record(events)       journaled events (a redelivery or a replay changes nothing)
 *   worklist.checkpoint(position)  the waiting contacts with the journal position they cover (callback-checkpoints.ts)
 *   worklist.claim / release / done(...)   a person's action; the entry as it is now, or why not
 *   worklist.onChange((entry) => …) → off  every entry that changed, as it is now
 */
export class CallbackWorklist {
  readonly #emitter = new EventEmitter();
  readonly #tracker: CallbackTracker;
  /** Batches being journaled or recorded: a checkpoint waits for them, as they may be within its position. */
  readonly #inFlight = new Set<Promise<unknown>>();
  /** A batch was journaled and not recorded: no checkpoint may claim to cover it from now on. */
  #missedOne = false;

  private constructor(private readonly store: CallbackRepository, tenant: string, private readonly now: () => number) {
    this.#tracker = new CallbackTracker(tenant, CONTACT_HORIZON_MS);
    this.#emitter.setMaxListeners(0);
  }

  /** Loads the callers with an entry not closed, so their answers close it. */
  static async open(store: CallbackRepository, tenant: string, now: () => number = Date.now): Promise<CallbackWorklist> {
    const worklist = new CallbackWorklist(store, tenant, now);
    for (const { pseudonym } of await store.openPseudonyms()) worklist.#tracker.noteEntry(pseudonym, true);
    return worklist;
  }

  async record(events: readonly TimedEvent[]): Promise<void> {
    const { attempts, reaches } = this.#tracker.follow(events);
    this.#tracker.prune(this.now());
    if (attempts.length === 0 && reaches.length === 0) return;
    this.#changed(await this.store.record(attempts, reaches));
  }

  /**
   * Journals a batch through `append`, then records it. Every batch in the journal passed through here, so a
   * checkpoint that waits for those in flight covers all the journal's position says (see `checkpoint`).
   */
  journaled<T>(events: readonly TimedEvent[], append: () => Promise<T>): Promise<T> {
    const work = (async () => {
      const appended = await append();
      await this.record(events).catch((error: unknown) => {
        this.#missedOne = true;
        throw error;
      });
      return appended;
    })();
    this.#inFlight.add(work);
    const done = () => this.#inFlight.delete(work);
    work.then(done, done);
    return work;
  }

  /**
   * The contacts still waiting and the journal position they cover, or null when none can be claimed. The position
   * is read first: every event up to it was committed by a batch that entered `journaled` before now, so once the
   * batches in flight now have been recorded, the tracker has heard every one of them (and perhaps some after it,
   * which a start hears again harmlessly).
   */
  async checkpoint(position: () => string | null): Promise<{ position: string; contacts: WaitingContacts } | null> {
    const at = position();
    await Promise.allSettled([...this.#inFlight]);
    if (at === null || this.#missedOne) return null;
    return { position: at, contacts: this.#tracker.waitingContacts() };
  }

  /** Takes up the waiting contacts of a checkpoint (before the journal after its position is recorded). */
  resume(contacts: WaitingContacts): void {
    this.#tracker.resume(contacts);
  }

  list(...args: Parameters<CallbackRepository['list']>): Promise<CallbackEntry[]> {
    return this.store.list(...args);
  }

  find(key: string): Promise<CallbackEntry | undefined> {
    return this.store.find(key);
  }

  async claim(id: string, by: string): Promise<CallbackActionResult> {
    return this.#acted(await this.store.claim(id, by, this.now()));
  }

  async release(id: string): Promise<CallbackActionResult> {
    return this.#acted(await this.store.release(id));
  }

  async done(id: string, result: string, note: string | null, by: string): Promise<CallbackActionResult> {
    return this.#acted(await this.store.done(id, result, note, by, this.now()));
  }

  onChange(listener: (entry: CallbackEntry) => void): () => void {
    this.#emitter.on('change', listener);
    return () => this.#emitter.off('change', listener);
  }

  #acted(result: CallbackActionResult): CallbackActionResult {
    if (result.ok) this.#changed([result.entry]);
    return result;
  }

  #changed(entries: readonly CallbackEntry[]): void {
    // Closed ones first: a caller's entry closed and a new one opened in the same batch leave the caller open.
    for (const entry of [...entries].sort((a, b) => Number(isOpen(a.state)) - Number(isOpen(b.state)))) {
      this.#tracker.noteEntry(entry.pseudonym, isOpen(entry.state));
      this.#emitter.emit('change', entry);
    }
  }
}
