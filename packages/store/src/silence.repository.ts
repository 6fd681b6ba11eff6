import type { Silence, SilenceMatch } from '@plancia/contracts';
import type { Kysely } from 'kysely';
import type { Database } from './database.js';

export interface SilenceRepository {
  create(silence: Silence): Promise<void>;
  /** Silences that have not ended at `atMs`, soonest end first. */
  active(atMs: number): Promise<Silence[]>;
  /** Removes one; answers whether it existed. */
  remove(id: string): Promise<boolean>;
}

const iso = (value: Date | string): string => new Date(value).toISOString();

export class KyselySilenceRepository implements SilenceRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async create(silence: Silence): Promise<void> {
    await this.#db.insertInto('alert_silence').values({
      id: silence.id, match: JSON.stringify(silence.match), starts_at: silence.startsAt, ends_at: silence.endsAt,
      reason: silence.reason, created_by: silence.createdBy,
    }).execute();
  }

  async active(atMs: number): Promise<Silence[]> {
    const rows = await this.#db.selectFrom('alert_silence').selectAll()
      .where('ends_at', '>', new Date(atMs)).orderBy('ends_at').orderBy('id').execute();
    return rows.map((row) => ({
      id: row.id, match: row.match as SilenceMatch, startsAt: iso(row.starts_at), endsAt: iso(row.ends_at), reason: row.reason, createdBy: row.created_by,
    }));
  }

  async remove(id: string): Promise<boolean> {
    const result = await this.#db.deleteFrom('alert_silence').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
