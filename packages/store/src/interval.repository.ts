import type { AbandonPolicyName, ClosedIntervalEntry as ClosedInterval } from '@plancia/contracts';
import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';
import { chunk } from './journal-batch.js';

// Five parameters a row: well under PostgreSQL's 65,535 per statement.
const SAVE_CHUNK = 1_000;

export interface IntervalRepository {
  /** Stores closed intervals; an interval stored again (recomputed after a configuration change) replaces the old one. */
  save(intervals: readonly ClosedInterval[]): Promise<void>;
  /** One queue's intervals starting in [fromMs, toMs), oldest first. */
  list(queueId: string, fromMs: number, toMs: number): Promise<ClosedInterval[]>;
  /** Several queues' intervals starting in [fromMs, toMs), oldest first (reports summing a channel or a month). */
  listMany(queueIds: readonly string[], fromMs: number, toMs: number): Promise<ClosedInterval[]>;
  /** The queues with at least one interval starting in [fromMs, toMs), by id. */
  queueIds(fromMs: number, toMs: number): Promise<string[]>;
}

export class KyselyIntervalRepository implements IntervalRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async save(intervals: readonly ClosedInterval[]): Promise<void> {
    // One statement may not update the same row twice, so only the last copy of a repeated interval is kept.
    const latest = new Map(intervals.map((interval) => [intervalKey(interval), interval]));
    for (const part of chunk([...latest.values()], SAVE_CHUNK)) await this.#upsert(part);
  }

  async #upsert(intervals: readonly ClosedInterval[]): Promise<void> {
    await this.#db
      .insertInto('interval_metrics')
      .values(intervals.map((interval) => ({
        queue_id: interval.queueId,
        interval_start: interval.intervalStart,
        interval_minutes: interval.intervalMinutes,
        metrics: JSON.stringify(interval.metrics),
        abandon_policy: interval.abandonPolicy ?? null,
      })))
      .onConflict((oc) => oc
        .columns(['queue_id', 'interval_start', 'interval_minutes'])
        .doUpdateSet({ metrics: sql<string>`excluded.metrics`, abandon_policy: sql<string | null>`excluded.abandon_policy` }))
      .execute();
  }

  list(queueId: string, fromMs: number, toMs: number): Promise<ClosedInterval[]> {
    return this.listMany([queueId], fromMs, toMs);
  }

  async listMany(queueIds: readonly string[], fromMs: number, toMs: number): Promise<ClosedInterval[]> {
    if (queueIds.length === 0) return [];
    const rows = await this.#db
      .selectFrom('interval_metrics')
      .selectAll()
      .where('queue_id', 'in', queueIds)
      .where('interval_start', '>=', new Date(fromMs))
      .where('interval_start', '<', new Date(toMs))
      .orderBy('interval_start')
      .orderBy('interval_minutes')
      .orderBy('queue_id')
      .execute();
    return rows.map((row) => ({
      queueId: row.queue_id,
      intervalStart: row.interval_start.toISOString(),
      intervalMinutes: row.interval_minutes,
      metrics: row.metrics as ClosedInterval['metrics'],
      ...(row.abandon_policy === null ? {} : { abandonPolicy: row.abandon_policy as AbandonPolicyName }),
    }));
  }

  async queueIds(fromMs: number, toMs: number): Promise<string[]> {
    const rows = await this.#db
      .selectFrom('interval_metrics')
      .select('queue_id')
      .distinct()
      .where('interval_start', '>=', new Date(fromMs))
      .where('interval_start', '<', new Date(toMs))
      .orderBy('queue_id')
      .execute();
    return rows.map((row) => row.queue_id);
  }
}

function intervalKey(interval: ClosedInterval): string {
  return `${interval.intervalMinutes}|${interval.intervalStart}|${interval.queueId}`;
}
