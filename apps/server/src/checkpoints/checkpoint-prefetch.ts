import { readLatestCheckpoint, type StoredCheckpoint } from '@plancia/store';
import type { ServerConfig } from '../config.js';
import { streamingInflate } from './checkpoint-format.js';

/** The journal's position kind; a stream's checkpoints (cluster mode) name theirs. */
export const JOURNAL_LOG = 'journal';

/** The newest journal checkpoint read ahead of the start, its state being inflated on the thread pool. */
export interface PrefetchedCheckpoint {
  checkpoint: StoredCheckpoint;
  /** Rejects if the bytes are not gzip (a torn row): the start then ignores the checkpoint, as it would have. */
  inflated: Promise<Buffer>;
}

/** What the read ahead found: a checkpoint, none (undefined), or why it failed (the start then reads it itself). */
export type PrefetchOutcome = PrefetchedCheckpoint | undefined | { error: unknown };

/**
 * The read ahead, handed over once: the start that takes it holds the state's bytes (~5x the stored size inflated)
 * only while it restores them, not the server's options for its whole life.
 */
export interface CheckpointPrefetch {
  take(): Promise<PrefetchOutcome> | undefined;
  /** Resolves once the read has ended, whatever it found (holds nothing of it). */
  settled: Promise<void>;
}

/**
 * Starts reading and inflating the newest journal checkpoint before the server's modules are loaded and its plugins
 * registered, which an empty start spends its time on too: on a restart the read and the inflate (zlib on the thread
 * pool) then run beside that work instead of after it. Only for the single process on PostgreSQL with checkpoints
 * on; PGlite's data directory is opened by one database instance at a time, and a cluster node reads its own.
 */
export function prefetchCheckpoint(config: ServerConfig): CheckpointPrefetch | undefined {
  const { databaseUrl, database } = config;
  if (databaseUrl === undefined || config.cluster || config.checkpointIntervalMs <= 0) return undefined;
  const options = { databaseUrl, statementTimeoutMs: database.statementTimeoutMs, lockTimeoutMs: database.lockTimeoutMs };
  const inflater = streamingInflate();
  // Awaited by the start, which may refuse the checkpoint first: a torn row must not reject unheard meanwhile.
  inflater.inflated.catch(() => undefined);
  let outcome: Promise<PrefetchOutcome> | undefined = readLatestCheckpoint(options, JOURNAL_LOG, inflater).then(
    (checkpoint) => {
      inflater.end();
      return checkpoint === undefined ? undefined : { checkpoint, inflated: inflater.inflated };
    },
    // On a database not yet migrated the table does not exist; the start reads through the store after migrating.
    (error: unknown) => {
      inflater.fail(error instanceof Error ? error : new Error(String(error)));
      return { error };
    },
  );
  return {
    settled: outcome.then(() => undefined),
    take() {
      const taken = outcome;
      outcome = undefined;
      return taken;
    },
  };
}
