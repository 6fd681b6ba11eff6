import type { TimedEvent } from '@plancia/contracts';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './database.js';
import { chunk, eventKey, uniqueEvents } from './journal-batch.js';
import { insertIgnoringDuplicates } from './journal.repository.js';

const INSERT_CHUNK = 5_000;
const READ_CHUNK = 5_000;

/** A position in a cluster's stream: the message's sequence number and the cluster clock there. */
export interface StreamPosition {
  seq: number;
  clockMs: number;
}

/**
 * Cluster mode's side of the journal. The journal writer persists what the stream carries together with the position
 * it reached; a starting node reads the journal and that position in one snapshot and continues from the stream there
 * (a checkpoint can later stand in for the journal's part: the position is the seam).
 */
export interface ClusterRepository {
  /** Stores events not yet journaled (by (source, id)) and moves the cursor forward, in one transaction; answers how many were new. */
  persist(cluster: string, events: readonly TimedEvent[], position: StreamPosition): Promise<number>;
  /** The position the journal covers; undefined before the first write. */
  cursor(cluster: string): Promise<StreamPosition | undefined>;
  /** Streams the journal from fromMs on, in (time, seq) order, and the cursor, all as of one snapshot. */
  readWithCursor(cluster: string, fromMs: number, onChunk: (events: TimedEvent[]) => void | Promise<void>): Promise<StreamPosition | undefined>;
  /** The keys among `events` that the journal already holds: duplicates older than the stream's window. */
  journaledKeys(events: readonly TimedEvent[]): Promise<Set<string>>;
}

export class KyselyClusterRepository implements ClusterRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async persist(cluster: string, events: readonly TimedEvent[], position: StreamPosition): Promise<number> {
    return this.#db.transaction().execute(async (trx) => {
      let inserted = 0;
      for (const part of chunk(uniqueEvents([events]), INSERT_CHUNK)) inserted += (await insertIgnoringDuplicates(trx, part)).keys.length;
      await trx.insertInto('cluster_cursor')
        .values({ cluster, stream_seq: position.seq, clock_ms: position.clockMs })
        // A writer that lost its lease and still flushes an older batch must not move the cursor back.
        .onConflict((oc) => oc.column('cluster').doUpdateSet({ stream_seq: sql`GREATEST(cluster_cursor.stream_seq, excluded.stream_seq)`, clock_ms: sql`GREATEST(cluster_cursor.clock_ms, excluded.clock_ms)` }))
        .execute();
      return inserted;
    });
  }

  async cursor(cluster: string): Promise<StreamPosition | undefined> {
    return readCursor(this.#db, cluster);
  }

  async readWithCursor(cluster: string, fromMs: number, onChunk: (events: TimedEvent[]) => void | Promise<void>): Promise<StreamPosition | undefined> {
    // REPEATABLE READ: every page and the cursor see the same committed state, whatever the writer commits meanwhile.
    return this.#db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
      const position = await readCursor(trx, cluster);
      let after: { time: Date; seq: string } | null = null;
      for (;;) {
        let query = trx.selectFrom('event_journal').select(['seq', 'time', 'payload']).where('time', '>=', new Date(fromMs));
        if (after) query = query.where(sql<boolean>`(time, seq) > (${after.time.toISOString()}::timestamptz, ${after.seq}::bigint)`);
        const rows = await query.orderBy('time').orderBy('seq').limit(READ_CHUNK).execute();
        if (rows.length > 0) await onChunk(rows.map((row) => ({ ...(row.payload as object), timeMs: row.time.getTime() }) as TimedEvent));
        if (rows.length < READ_CHUNK) return position;
        const last = rows[rows.length - 1]!;
        after = { time: last.time, seq: String(last.seq) };
      }
    });
  }

  async journaledKeys(events: readonly TimedEvent[]): Promise<Set<string>> {
    if (events.length === 0) return new Set();
    const { rows } = await sql<{ source: string; id: string }>`
      SELECT j.source, j.id FROM event_journal j
      JOIN unnest(${events.map((e) => e.source)}::text[], ${events.map((e) => e.id)}::text[]) AS k (source, id)
        ON j.source = k.source AND j.id = k.id`.execute(this.#db);
    return new Set(rows.map(eventKey));
  }
}

async function readCursor(db: Kysely<Database> | Transaction<Database>, cluster: string): Promise<StreamPosition | undefined> {
  const row = await db.selectFrom('cluster_cursor').select(['stream_seq', 'clock_ms']).where('cluster', '=', cluster).executeTakeFirst();
  return row && { seq: Number(row.stream_seq), clockMs: Number(row.clock_ms) };
}
