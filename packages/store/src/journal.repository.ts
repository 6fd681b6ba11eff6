import type { TimedEvent } from '@plancia/contracts';
import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';
import { isUnavailable } from './errors.js';
import { GroupCommitter } from './group-commit.js';
import { chunk, eventKey, payloadOf, splitResults, uniqueEvents, type AppendResult } from './journal-batch.js';

/** Rows per INSERT: big enough to amortise the round trip, small enough to keep one statement's memory modest. */
const INSERT_CHUNK = 5_000;
const DEFAULT_READ_CHUNK = 5_000;

/**
 * What a streamed read selects of each event: its payload, its time as epoch milliseconds and as the database's own
 * text (the keyset's next bound, exact to the microsecond). Reading `time` as a Date parsed every row's timestamp
 * string (3 % of a replay's profile) only to take its milliseconds; extract() is exact numeric arithmetic.
 */
const STREAMED = [
  'seq',
  'payload',
  sql<number>`floor(extract(epoch from time) * 1000)::float8`.as('time_ms'),
  sql<string>`time::text`.as('time_text'),
] as const;

/** The stored event with its time: the payload object is the driver's fresh parse, so it is completed, not copied. */
function streamedEvent(row: { payload: unknown; time_ms: number }): TimedEvent {
  const event = row.payload as { timeMs: number };
  event.timeMs = row.time_ms;
  return event as TimedEvent;
}

export interface JournalStats {
  /** Transactions committed by append. */
  commits: number;
  /** Events stored by those transactions (duplicates excluded). */
  events: number;
}

export interface JournalRepository {
  /**
   * Durably appends; resolves only after COMMIT. Duplicates on (source, id), already stored or repeated within the
   * call, are not stored again. Calls arriving while a commit is in flight are merged into the next transaction.
   */
  append(events: readonly TimedEvent[]): Promise<AppendResult>;
  /** Streams the journal from fromMs on, in (time, seq) order, in chunks; answers how many events were read. */
  readSince(fromMs: number, onChunk: (events: TimedEvent[]) => void | Promise<void>, chunkSize?: number): Promise<number>;
  /** Deletes events dated before cutoffMs; answers how many. */
  purgeOlderThan(cutoffMs: number): Promise<number>;
  count(): Promise<number>;
  /**
   * The latest event (by time, then arrival) dated at or after sinceMs whose source starts with sourcePrefix: lets a
   * producer that journals under its own sources find where it stopped.
   */
  latestFromSource(sourcePrefix: string, sinceMs: number): Promise<TimedEvent | undefined>;
  /** The source of the latest `agent.state` about agentId: the ACD an action on that agent goes to. */
  latestAgentSource(agentId: string): Promise<string | undefined>;
  stats(): JournalStats;
  /**
   * Streams the events stored after journal position `afterSeq` (exclusive; null: from the first), in seq order, which
   * is the order they were committed and applied in; answers how many were read and the last one's seq.
   */
  readAfter(afterSeq: string | null, onChunk: (events: TimedEvent[]) => void | Promise<void>, chunkSize?: number): Promise<{ read: number; lastSeq: string | null }>;
  /** The highest seq stored (null: an empty journal). */
  lastSeq(): Promise<string | null>;
  /**
   * The highest seq this repository's own appends have committed (null: none yet). Updated before append resolves, so
   * events whose append resolved are within it (a checkpoint reads it in the same turn as it takes the engine's state).
   */
  committedThrough(): string | null;
}

export class KyselyJournalRepository implements JournalRepository {
  readonly #db: Kysely<Database>;
  readonly #committer = new GroupCommitter<TimedEvent, AppendResult>((batches) => this.#flush(batches));
  #commits = 0;
  #events = 0;
  #committedThrough: bigint | null = null;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  append(events: readonly TimedEvent[]): Promise<AppendResult> {
    if (events.length === 0) return Promise.resolve({ accepted: [], duplicates: 0 });
    return this.#committer.submit(events);
  }

  stats(): JournalStats {
    return { commits: this.#commits, events: this.#events };
  }

  async #flush(batches: readonly (readonly TimedEvent[])[]): Promise<PromiseSettledResult<AppendResult>[]> {
    try {
      const results = await this.#commit(batches);
      return results.map((value) => ({ status: 'fulfilled', value }));
    } catch (error) {
      // Whatever one batch carries that cannot be stored (a NUL the database refuses, a value too deep to serialise)
      // must fail that batch alone: the group is retried batch by batch. An outage fails them all at once.
      if (batches.length === 1 || isUnavailable(error)) throw error;
      return this.#flushOneByOne(batches);
    }
  }

  async #flushOneByOne(batches: readonly (readonly TimedEvent[])[]): Promise<PromiseSettledResult<AppendResult>[]> {
    const outcomes: PromiseSettledResult<AppendResult>[] = [];
    for (const batch of batches) {
      try {
        const [value] = await this.#commit([batch]);
        outcomes.push({ status: 'fulfilled', value: value! });
      } catch (reason) {
        if (isUnavailable(reason)) throw reason;
        outcomes.push({ status: 'rejected', reason });
      }
    }
    return outcomes;
  }

  async #commit(batches: readonly (readonly TimedEvent[])[]): Promise<AppendResult[]> {
    const rows = uniqueEvents(batches);
    let highest: bigint | null = null;
    const insertAll = async (db: Kysely<Database>) => {
      const keys = new Set<string>();
      for (const part of chunk(rows, INSERT_CHUNK)) {
        const stored = await insertIgnoringDuplicates(db, part);
        for (const key of stored.keys) keys.add(key);
        if (stored.highest !== null && (highest === null || stored.highest > highest)) highest = stored.highest;
      }
      return keys;
    };
    // A group that fits one statement is atomic by itself: without BEGIN and COMMIT around it, a commit is one round
    // trip to the database instead of three, and every acknowledgement waiting on it comes that much sooner.
    const inserted = rows.length <= INSERT_CHUNK ? await insertAll(this.#db) : await this.#db.transaction().execute(insertAll);
    if (highest !== null && (this.#committedThrough === null || highest > this.#committedThrough)) this.#committedThrough = highest;
    this.#commits += 1;
    this.#events += inserted.size;
    return splitResults(batches, inserted);
  }

  async readSince(
    fromMs: number,
    onChunk: (events: TimedEvent[]) => void | Promise<void>,
    chunkSize = DEFAULT_READ_CHUNK,
  ): Promise<number> {
    let read = 0;
    let after: { time: string; seq: string } | null = null;
    for (;;) {
      const rows = await this.#page(fromMs, after, chunkSize);
      if (rows.length === 0) return read;
      await onChunk(rows.map(streamedEvent));
      read += rows.length;
      const last = rows[rows.length - 1]!;
      after = { time: last.time_text, seq: String(last.seq) };
      if (rows.length < chunkSize) return read;
    }
  }

  // Keyset paging on (time, seq): each page starts where the last ended, however large the journal.
  #page(fromMs: number, after: { time: string; seq: string } | null, limit: number) {
    let query = this.#db
      .selectFrom('event_journal')
      .select(STREAMED)
      .where('time', '>=', new Date(fromMs));
    if (after) {
      query = query.where(sql<boolean>`(time, seq) > (${after.time}::timestamptz, ${after.seq}::bigint)`);
    }
    return query.orderBy('time').orderBy('seq').limit(limit).execute();
  }

  async readAfter(
    afterSeq: string | null,
    onChunk: (events: TimedEvent[]) => void | Promise<void>,
    chunkSize = DEFAULT_READ_CHUNK,
  ): Promise<{ read: number; lastSeq: string | null }> {
    let read = 0;
    let after = afterSeq;
    for (;;) {
      // Keyset paging on seq (its own index, migration 0013): each page starts where the last ended.
      let query = this.#db.selectFrom('event_journal').select(STREAMED);
      if (after !== null) query = query.where(sql<boolean>`seq > ${after}::bigint`);
      const rows = await query.orderBy('seq').limit(chunkSize).execute();
      if (rows.length > 0) {
        await onChunk(rows.map(streamedEvent));
        read += rows.length;
        after = String(rows[rows.length - 1]!.seq);
      }
      if (rows.length < chunkSize) return { read, lastSeq: after };
    }
  }

  async lastSeq(): Promise<string | null> {
    const row = await this.#db
      .selectFrom('event_journal')
      .select((eb) => eb.fn.max('seq').as('last'))
      .executeTakeFirst();
    return row?.last === null || row?.last === undefined ? null : String(row.last);
  }

  committedThrough(): string | null {
    return this.#committedThrough === null ? null : String(this.#committedThrough);
  }

  async purgeOlderThan(cutoffMs: number): Promise<number> {
    const result = await this.#db
      .deleteFrom('event_journal')
      .where('time', '<', new Date(cutoffMs))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async latestFromSource(sourcePrefix: string, sinceMs: number): Promise<TimedEvent | undefined> {
    // Walks the (time, seq) index back from the newest row, bounded by sinceMs, so a journal of other sources
    // costs at most that window.
    const row = await this.#db
      .selectFrom('event_journal')
      .select(['time', 'payload'])
      .where('time', '>=', new Date(sinceMs))
      .where(sql<boolean>`starts_with(source, ${sourcePrefix})`)
      .orderBy('time', 'desc')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && ({ ...(row.payload as object), timeMs: row.time.getTime() } as TimedEvent);
  }

  async latestAgentSource(agentId: string): Promise<string | undefined> {
    // Served by the partial index of migration 0014: one index probe, however long the journal.
    const row = await this.#db
      .selectFrom('event_journal')
      .select('source')
      .where('type', '=', 'agent.state')
      .where(sql<string>`payload->'data'->>'agentId'`, '=', agentId)
      .orderBy('time', 'desc')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.source;
  }

  async count(): Promise<number> {
    const row = await this.#db
      .selectFrom('event_journal')
      .select((eb) => eb.fn.countAll<string | number | bigint>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }
}

/**
 * One statement for the whole chunk, with two parameters whatever its size: the payloads as one JSON array and the
 * parsed times as one timestamptz array, zipped back into rows by ROWS FROM. (A JSON array parses faster than an
 * array literal of JSON strings.) The time comes from the validator's timeMs, not from re-parsing the payload, so a
 * replay sees exactly the instant the live engine saw.
 * Answers the keys of the rows actually stored (the others were already in the journal) and their highest seq.
 */
export async function insertIgnoringDuplicates(db: Kysely<Database>, events: readonly TimedEvent[]): Promise<{ keys: string[]; highest: bigint | null }> {
  const payloads = `[${events.map((e) => JSON.stringify(payloadOf(e))).join(',')}]`;
  const times = events.map((e) => new Date(e.timeMs).toISOString());
  const { rows } = await sql<{ source: string; id: string; seq: string | bigint }>`
    INSERT INTO event_journal (source, id, type, time, payload)
    SELECT batch.event->>'source', batch.event->>'id', batch.event->>'type', batch.at, batch.event
    FROM ROWS FROM (jsonb_array_elements(${payloads}::jsonb), unnest(${times}::timestamptz[])) AS batch (event, at)
    ON CONFLICT (source, id) DO NOTHING
    RETURNING source, id, seq`.execute(db);
  let highest: bigint | null = null;
  for (const row of rows) {
    const seq = BigInt(row.seq);
    if (highest === null || seq > highest) highest = seq;
  }
  return { keys: rows.map(eventKey), highest };
}
