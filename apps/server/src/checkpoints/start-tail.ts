import type { TimedEvent } from '@plancia/contracts';

/** Past this many events a tail is not kept: the other reader reads the journal itself rather than hold them all. */
export const KEPT_TAIL_LIMIT = 100_000;

/** The events a start read after a checkpoint, as read (none filtered), and the position they reach. */
export interface KeptTail {
  chunks: readonly TimedEvent[][];
  read: number;
  through: string;
}

/**
 * The journal's events a start read after the engine's checkpoint, kept until the callback worklist has caught up:
 * both checkpoints are written together, so both read the same tail, and a restart reads it once instead of twice.
 * Kept only while small (KEPT_TAIL_LIMIT), and handed out once.
 */
export class StartTail {
  #chunks: TimedEvent[][] | null = [];
  #read = 0;
  #through: string | null = null;

  constructor(readonly after: string) {}

  /** A chunk as the journal gave it, in order. */
  keep(events: TimedEvent[]): void {
    if (this.#chunks === null) return;
    this.#read += events.length;
    if (this.#read > KEPT_TAIL_LIMIT) this.#chunks = null;
    else this.#chunks.push(events);
  }

  /** The read is over: the kept events reach `through`. */
  end(through: string): void {
    this.#through = through;
  }

  /** The kept events, if they are the journal's right after `after` (and complete); then they are let go. */
  take(after: string | null): KeptTail | null {
    const chunks = this.#chunks;
    const through = this.#through;
    this.release();
    if (chunks === null || through === null || after !== this.after) return null;
    return { chunks, read: this.#read, through };
  }

  release(): void {
    this.#chunks = null;
  }
}

type ReadAfter = (after: string | null, onChunk: (events: TimedEvent[]) => void | Promise<void>, chunkSize?: number) => Promise<{ read: number; lastSeq: string | null }>;

/**
 * `readAfter` of the journal that starts from the kept tail when it begins at the same position, then reads on from
 * where it ends (nothing, normally: ingest opens only once the server is ready).
 */
export function readAfterKept(tail: StartTail | null, readAfter: ReadAfter): ReadAfter {
  return async (after, onChunk, chunkSize) => {
    const kept = tail?.take(after) ?? null;
    if (kept === null) return readAfter(after, onChunk, chunkSize);
    for (const chunk of kept.chunks) await onChunk(chunk);
    const rest = await readAfter(kept.through, onChunk, chunkSize);
    return { read: kept.read + rest.read, lastSeq: rest.lastSeq };
  };
}
