import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';

/** A stored pseudonymisation key: its id (written into every pseudonym made with it) and its base64 secret. */
export interface CallerKeyRecord {
  id: string;
  secret: string;
}

/** A caller's number kept for a callback: encrypted, with its pseudonym, until `expiresAtMs`. */
export interface CallbackRecord {
  source: string;
  contactId: string;
  tenant: string;
  /** The queue the contact entered, when the event said (contact.queued). */
  queueId: string | null;
  pseudonym: string;
  /** The number sealed by the server's callback cipher; the store never sees it in clear. */
  sealed: string;
  expiresAtMs: number;
}

export interface CallerRepository {
  /** Stored keys, newest first. */
  listKeys(): Promise<CallerKeyRecord[]>;
  /** Stores a key unless one of that id exists (two servers starting at once: the first one wins). */
  addKey(key: CallerKeyRecord): Promise<void>;
  /** Inserts or refreshes callback numbers; a later event without a queue keeps the queue already known. */
  keepCallbacks(records: readonly CallbackRecord[]): Promise<void>;
  /** The callback kept for one contact, unless it has expired by `nowMs`. */
  findCallback(source: string, contactId: string, nowMs: number): Promise<CallbackRecord | undefined>;
  /** Deletes callbacks expired by `nowMs`; answers how many. */
  purgeExpiredCallbacks(nowMs: number): Promise<number>;
}

export class KyselyCallerRepository implements CallerRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async listKeys(): Promise<CallerKeyRecord[]> {
    return this.#db.selectFrom('caller_key').select(['id', 'secret']).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  }

  async addKey(key: CallerKeyRecord): Promise<void> {
    await this.#db.insertInto('caller_key').values(key).onConflict((oc) => oc.column('id').doNothing()).execute();
  }

  async keepCallbacks(records: readonly CallbackRecord[]): Promise<void> {
    if (records.length === 0) return;
    // One row per contact within the statement (ON CONFLICT may not touch the same row twice), merged as the
    // upsert below merges with a stored row: the last event's number, the queue once known, the latest expiry.
    const latest = new Map<string, CallbackRecord>();
    for (const record of records) {
      const key = `${record.source}\u0000${record.contactId}`;
      const earlier = latest.get(key);
      latest.set(key, earlier === undefined ? record : {
        ...record,
        queueId: record.queueId ?? earlier.queueId,
        expiresAtMs: Math.max(record.expiresAtMs, earlier.expiresAtMs),
      });
    }
    const now = new Date();
    await this.#db
      .insertInto('caller_callback')
      .values([...latest.values()].map((record) => ({
        source: record.source,
        contact_id: record.contactId,
        tenant_id: record.tenant,
        queue_id: record.queueId,
        pseudonym: record.pseudonym,
        sealed: record.sealed,
        expires_at: new Date(record.expiresAtMs),
        updated_at: now,
      })))
      .onConflict((oc) => oc.columns(['source', 'contact_id']).doUpdateSet({
        tenant_id: (eb) => eb.ref('excluded.tenant_id'),
        queue_id: sql<string | null>`coalesce(excluded.queue_id, caller_callback.queue_id)`,
        pseudonym: (eb) => eb.ref('excluded.pseudonym'),
        sealed: (eb) => eb.ref('excluded.sealed'),
        expires_at: sql<Date>`greatest(excluded.expires_at, caller_callback.expires_at)`,
        updated_at: (eb) => eb.ref('excluded.updated_at'),
      }))
      .execute();
  }

  async findCallback(source: string, contactId: string, nowMs: number): Promise<CallbackRecord | undefined> {
    const row = await this.#db
      .selectFrom('caller_callback')
      .selectAll()
      .where('source', '=', source)
      .where('contact_id', '=', contactId)
      .where('expires_at', '>', new Date(nowMs))
      .executeTakeFirst();
    return row && {
      source: row.source,
      contactId: row.contact_id,
      tenant: row.tenant_id,
      queueId: row.queue_id,
      pseudonym: row.pseudonym,
      sealed: row.sealed,
      expiresAtMs: row.expires_at.getTime(),
    };
  }

  async purgeExpiredCallbacks(nowMs: number): Promise<number> {
    const result = await this.#db.deleteFrom('caller_callback').where('expires_at', '<=', new Date(nowMs)).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
