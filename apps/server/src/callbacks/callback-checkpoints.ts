import type { TimedEvent } from '@plancia/contracts';
import type { CheckpointRepository, JournalRepository } from '@plancia/store';
import type { ContactFacts, WaitingContacts } from './callback-tracker.js';
import { CONTACT_HORIZON_MS, type CallbackWorklist } from './callback-worklist.js';
import { PeriodicWriter } from '../checkpoints/periodic-writer.js';

/** The worklist's checkpoints sit beside the engine's under a kind of their own: the two never mix. */
export const WORKLIST_LOG = 'callback-worklist';
/** The layout of a worklist checkpoint's state; another one is ignored (the start reads the recent journal). */
const FORMAT = 1;
const READ_CHUNK = 5_000;

export interface WorklistStart {
  /** `checkpoint`: its waiting contacts plus the journal after its position; `recent-journal`: the last hours read. */
  from: 'checkpoint' | 'recent-journal';
  /** Events read from the journal. */
  read: number;
}

interface Deps {
  worklist: CallbackWorklist;
  journal: Pick<JournalRepository, 'readAfter' | 'readSince' | 'committedThrough'>;
  checkpoints: CheckpointRepository;
  tenant: string;
  now(): number;
}

/**
 * Brings a new worklist up to the journal before ingest opens: contacts queued before a restart and abandoned after
 * it still show their queue and wait, and an abandon journaled but not yet listed when the process died (killed
 * between the two writes) is recorded now. From the latest checkpoint written within the contact horizon, only the
 * journal after it is read; without one, the whole horizon (at a million events a day, some seconds).
 */
export async function catchUpWorklist(deps: Deps, useCheckpoint: boolean): Promise<WorklistStart> {
  const record = (events: TimedEvent[]) => deps.worklist.record(events);
  const saved = useCheckpoint ? await usableCheckpoint(deps) : null;
  if (saved) {
    deps.worklist.resume(saved.contacts);
    const { read } = await deps.journal.readAfter(saved.position, record, READ_CHUNK);
    return { from: 'checkpoint', read };
  }
  return { from: 'recent-journal', read: await deps.journal.readSince(deps.now() - CONTACT_HORIZON_MS, record, READ_CHUNK) };
}

async function usableCheckpoint(deps: Deps): Promise<{ position: string; contacts: WaitingContacts } | null> {
  const latest = await deps.checkpoints.latest(WORKLIST_LOG);
  // Older than the horizon, every contact it holds would be forgotten, and its tail is longer than the horizon's read.
  if (!latest || latest.engineVersion !== FORMAT || latest.configFingerprint !== deps.tenant) return null;
  if (latest.takenAt.getTime() < deps.now() - CONTACT_HORIZON_MS) return null;
  const contacts = decodeContacts(latest.state);
  return contacts && { position: latest.at.position, contacts };
}

/** Writes the worklist's waiting contacts with the journal position they cover, every `intervalMs` and at stop. */
export class WorklistCheckpointer {
  readonly #writer: PeriodicWriter;
  #written: string | undefined;

  constructor(private readonly deps: Deps & { onWritten(position: string): void; onError(error: unknown): void }) {
    this.#writer = new PeriodicWriter(() => this.#take(), (error) => deps.onError(error));
  }

  start(intervalMs: number): void {
    this.#writer.start(intervalMs);
  }

  /** Stops the timed writes, then writes the last one. */
  async stop(): Promise<void> {
    await this.#writer.stop();
    await this.#writer.run();
  }

  /**
   * Stores a checkpoint unless none can be claimed or the journal has not moved since the last one (nothing recorded
   * since, nothing to add).
   */
  async #take(): Promise<void> {
    const taken = await this.deps.worklist.checkpoint(() => this.deps.journal.committedThrough());
    if (!taken || taken.position === this.#written) return;
    await this.deps.checkpoints.save({
      takenAt: new Date(this.deps.now()),
      engineVersion: FORMAT,
      at: { kind: WORKLIST_LOG, position: taken.position },
      configFingerprint: this.deps.tenant,
      state: new TextEncoder().encode(JSON.stringify(taken.contacts)),
    });
    this.#written = taken.position;
    this.deps.onWritten(taken.position);
  }
}

const isText = (value: unknown): value is string | null => value === null || typeof value === 'string';
const isTime = (value: unknown): value is number | null => value === null || Number.isFinite(value);

function isFacts(value: unknown): value is ContactFacts {
  const facts = value as Partial<ContactFacts> | null;
  return typeof facts === 'object' && facts !== null && isText(facts.queueId) && isTime(facts.queuedAtMs)
    && isText(facts.pseudonym) && Number.isFinite(facts.seenAtMs);
}

/** The stored bytes back to waiting contacts, or null for anything else (a torn or foreign row). */
export function decodeContacts(bytes: Uint8Array): WaitingContacts | null {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (!Array.isArray(value)) return null;
    return value.every((entry) => Array.isArray(entry) && typeof entry[0] === 'string' && isFacts(entry[1])) ? (value as WaitingContacts) : null;
  } catch {
    return null;
  }
}
