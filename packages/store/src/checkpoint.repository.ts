import { sql, type Kysely, type Transaction } from 'kysely';
import { connect, type ConnectionOptions } from './connection.js';
import type { Database } from './database.js';

/**
 * Where in its log a checkpoint's state stands. `journal`: the journal's seq (every event up to it was offered to the
 * engine, none after it). Another log (a stream's sequence) names its own kind, so checkpoints of two logs never mix.
 */
export interface LogPosition {
  kind: string;
  position: string;
}

export interface CheckpointRecord {
  takenAt: Date;
  engineVersion: number;
  at: LogPosition;
  /** What the engine was configured with when the state was taken: another configuration means another state. */
  configFingerprint: string;
  /** The engine state, encoded by the server (compressed bytes of its own format). */
  state: Uint8Array;
}

/** A checkpoint as read back: its row's sequence tells whether the newest is still the one read. */
export interface StoredCheckpoint extends CheckpointRecord {
  seq: string;
}

/** Checkpoints kept per log kind: the newest is used, one older stays while the next is written. */
const KEEP = 2;

export interface CheckpointRepository {
  /** Stores a checkpoint and drops those beyond the last few of its kind, in one transaction. */
  save(checkpoint: CheckpointRecord): Promise<void>;
  /** The newest checkpoint of that log kind, or undefined. */
  latest(kind: string): Promise<StoredCheckpoint | undefined>;
  /** Every checkpoint kept of that log kind, newest first: a reader that cannot use the newest may use another. */
  recent(kind: string): Promise<StoredCheckpoint[]>;
  /** The sequence of the newest checkpoint of that log kind, without its state (undefined: there is none). */
  latestSeq(kind: string): Promise<string | undefined>;
}

export class KyselyCheckpointRepository implements CheckpointRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async save(checkpoint: CheckpointRecord): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      await trx.insertInto('engine_checkpoint').values({
        taken_at: checkpoint.takenAt,
        engine_version: checkpoint.engineVersion,
        position_kind: checkpoint.at.kind,
        position: checkpoint.at.position,
        config_fingerprint: checkpoint.configFingerprint,
        state: checkpoint.state,
      }).execute();
      const kept = trx.selectFrom('engine_checkpoint').select('seq').where('position_kind', '=', checkpoint.at.kind).orderBy('seq', 'desc').limit(KEEP);
      await trx.deleteFrom('engine_checkpoint').where('position_kind', '=', checkpoint.at.kind).where('seq', 'not in', kept).execute();
    });
  }

  async latest(kind: string): Promise<StoredCheckpoint | undefined> {
    return (await this.newest(kind, 1))[0];
  }

  recent(kind: string): Promise<StoredCheckpoint[]> {
    return this.newest(kind, KEEP);
  }

  async latestSeq(kind: string): Promise<string | undefined> {
    const row = await this.#db.selectFrom('engine_checkpoint').select('seq').where('position_kind', '=', kind).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    return row === undefined ? undefined : String(row.seq);
  }

  /**
   * Read in one snapshot (repeatable read), so that a checkpoint saved meanwhile cannot drop a state half read.
   * `reader` is told the newest one's state as it is read.
   */
  async newest(kind: string, limit: number, reader?: StateReader): Promise<StoredCheckpoint[]> {
    return this.#db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
      const rows = await trx
        .selectFrom('engine_checkpoint')
        .select(['seq', 'taken_at', 'engine_version', 'position_kind', 'position', 'config_fingerprint', sql<string>`octet_length(state)`.as('bytes')])
        .$if(reader !== undefined, (query) => query.select(sql<Uint8Array>`substring(state from greatest(octet_length(state) - ${ENDING - 1}, 1))`.as('ending')))
        .where('position_kind', '=', kind)
        .orderBy('seq', 'desc')
        .limit(limit)
        .execute();
      const records: StoredCheckpoint[] = [];
      for (const [i, row] of rows.entries()) {
        const told = i === 0 ? reader : undefined;
        told?.begin(Number(row.bytes), row.ending ?? new Uint8Array());
        records.push({
          seq: String(row.seq),
          takenAt: row.taken_at,
          engineVersion: row.engine_version,
          at: { kind: row.position_kind, position: row.position },
          configFingerprint: row.config_fingerprint,
          state: await readState(trx, row.seq, Number(row.bytes), told),
        });
      }
      return records;
    });
  }
}

/**
 * The newest checkpoint of a log kind read over a connection of its own, before the store is opened (and its schema
 * migrated): a start reads and inflates it while the server's own modules load. The caller checks with
 * `latestSeq` on the opened store that it is still the newest. Fails if the table does not exist yet. `reader` is
 * told its state slice by slice as it arrives, so that decoding can go along with the read.
 */
export async function readLatestCheckpoint(options: Omit<ConnectionOptions, 'maxConnections'> & { databaseUrl: string }, kind: string, reader?: StateReader): Promise<StoredCheckpoint | undefined> {
  const { db } = connect({ ...options, maxConnections: 1 });
  try {
    return (await new KyselyCheckpointRepository(db).newest(kind, 1, reader))[0];
  } finally {
    await db.destroy();
  }
}

/** Told a checkpoint's state as it is read: its size, then each slice in order (the record holds it whole too). */
export interface StateReader {
  /** Before the first slice: the state's size and its last ENDING bytes (where gzip states the size inflated). */
  begin(bytes: number, ending: Uint8Array): void;
  slice(slice: Uint8Array): void;
}

/** How many of a state's last bytes a reader is given before the read (gzip's trailer ends with a 4-byte size). */
const ENDING = 4;

/** How much of a stored state one statement reads. */
const STATE_SLICE = 1 << 20;

/**
 * A state read a slice at a time into one buffer. In one piece, a state of tens of megabytes is one protocol message
 * that the PostgreSQL driver grows its buffer for chunk by chunk before decoding it: 1.4 s of a restart's 5 s for a
 * 29 MB state, the largest part of reading it. Slices keep every message small; the state is stored uncompressed by
 * PostgreSQL (it is compressed already), so each slice reads only its own part of the value.
 */
async function readState(trx: Transaction<Database>, seq: string | bigint, bytes: number, reader?: StateReader): Promise<Uint8Array> {
  const state = new Uint8Array(bytes);
  for (let at = 0; at < bytes; at += STATE_SLICE) {
    const { slice } = await trx
      .selectFrom('engine_checkpoint')
      .select(sql<Uint8Array>`substring(state from ${at + 1} for ${STATE_SLICE})`.as('slice'))
      .where('seq', '=', seq)
      .executeTakeFirstOrThrow();
    state.set(slice, at);
    reader?.slice(slice);
  }
  return state;
}
