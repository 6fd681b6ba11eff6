import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { CallbackEntry, CallbackState } from '@plancia/contracts';
import type { CallbackEntryTable, Database } from './database.js';
import { clampLimit } from './paging.js';

/** One abandoned contact of a caller known by pseudonym. */
export interface CallbackAttemptRecord {
  tenant: string;
  source: string;
  contactId: string;
  pseudonym: string;
  queueId: string | null;
  abandonedAtMs: number;
  /** null: its queued event was not seen. */
  waitedMs: number | null;
}

/** A caller who got through: closes the caller's entry abandoned before `atMs`. */
export interface CallbackReachRecord {
  tenant: string;
  pseudonym: string;
  contactId: string;
  atMs: number;
}

export interface CallbackListFilter {
  states: readonly CallbackState[];
  /** Entries of these queues only; null: any queue, and entries of no known queue too. */
  queues: readonly string[] | null;
  limit?: number;
}

/** What a person's action found: the entry as it is now, or why it could not be done. */
export type CallbackActionResult =
  | { ok: true; entry: CallbackEntry }
  | { ok: false; reason: 'not_found' | 'conflict'; entry?: CallbackEntry };

export interface CallbackRepository {
  /**
   * Records abandons and answers in one transaction; answers the entries that changed. An abandon already recorded
   * (same source and contact) changes nothing, so a replay or a redelivery never counts twice.
   */
  record(attempts: readonly CallbackAttemptRecord[], reaches: readonly CallbackReachRecord[]): Promise<CallbackEntry[]>;
  /** Pseudonyms of callers with an entry not closed (the ingest path only looks up answers of these). */
  openPseudonyms(): Promise<Array<{ tenant: string; pseudonym: string }>>;
  list(filter: CallbackListFilter): Promise<CallbackEntry[]>;
  /** By entry id, or by the id of one of its abandoned contacts (the latest entry holding it). */
  find(key: string): Promise<CallbackEntry | undefined>;
  claim(id: string, by: string, atMs: number): Promise<CallbackActionResult>;
  release(id: string): Promise<CallbackActionResult>;
  done(id: string, result: string, note: string | null, by: string, atMs: number): Promise<CallbackActionResult>;
  /**
   * Deletes entries closed (done or answered) before `cutoffMs`, with their attempts (storage limitation); answers
   * how many entries went. Open and claimed entries stay, however old.
   */
  purgeClosedBefore(cutoffMs: number): Promise<number>;
}

const ACTIVE: readonly CallbackState[] = ['open', 'claimed'];
const DEFAULT_LIMIT = 200;
const MAX_LIMIT = 1_000;
const iso = (date: Date | null) => (date === null ? null : date.toISOString());

export class KyselyCallbackRepository implements CallbackRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async record(attempts: readonly CallbackAttemptRecord[], reaches: readonly CallbackReachRecord[]): Promise<CallbackEntry[]> {
    if (attempts.length === 0 && reaches.length === 0) return [];
    const changed = await this.#db.transaction().execute(async (trx) => {
      const ids: string[] = [];
      for (const attempt of await newAttempts(trx, attempts)) ids.push(await addAttempt(trx, attempt));
      for (const reach of reaches) ids.push(...await closeAnswered(trx, reach));
      return ids;
    });
    return this.#entries([...new Set(changed)]);
  }

  async openPseudonyms(): Promise<Array<{ tenant: string; pseudonym: string }>> {
    const rows = await this.#db.selectFrom('callback_entry').select(['tenant_id', 'pseudonym']).where('closed_at', 'is', null).execute();
    return rows.map((row) => ({ tenant: row.tenant_id, pseudonym: row.pseudonym }));
  }

  async list(filter: CallbackListFilter): Promise<CallbackEntry[]> {
    if (filter.states.length === 0 || filter.queues?.length === 0) return [];
    // The work still to do oldest first (whoever waited longest is called first); closed entries newest first.
    const direction = filter.states.every((state) => ACTIVE.includes(state)) ? 'asc' : 'desc';
    let query = this.#db.selectFrom('callback_entry').selectAll().where('state', 'in', [...filter.states]);
    if (filter.queues !== null) query = query.where('queue_id', 'in', [...filter.queues]);
    const rows = await query.orderBy('abandoned_at', direction).orderBy('id').limit(clampLimit(filter.limit, DEFAULT_LIMIT, MAX_LIMIT)).execute();
    return this.#withContacts(rows);
  }

  async find(key: string): Promise<CallbackEntry | undefined> {
    const byId = await this.#db.selectFrom('callback_entry').selectAll().where('id', '=', key).executeTakeFirst();
    if (byId) return (await this.#withContacts([byId]))[0];
    const attempt = await this.#db.selectFrom('callback_attempt').select('entry_id').where('contact_id', '=', key)
      .where('entry_id', 'is not', null).orderBy('abandoned_at', 'desc').executeTakeFirst();
    return attempt?.entry_id ? (await this.#entries([attempt.entry_id]))[0] : undefined;
  }

  claim(id: string, by: string, atMs: number): Promise<CallbackActionResult> {
    return this.#act(id, (entry) => entry.state === 'open' || (entry.state === 'claimed' && entry.claimedBy === by),
      { state: 'claimed', claimed_by: by, claimed_at: new Date(atMs) });
  }

  release(id: string): Promise<CallbackActionResult> {
    return this.#act(id, (entry) => entry.state === 'claimed', { state: 'open', claimed_by: null, claimed_at: null });
  }

  done(id: string, result: string, note: string | null, by: string, atMs: number): Promise<CallbackActionResult> {
    return this.#act(id, (entry) => ACTIVE.includes(entry.state), { state: 'done', result, note, closed_by: by, closed_at: new Date(atMs) });
  }

  async purgeClosedBefore(cutoffMs: number): Promise<number> {
    return this.#db.transaction().execute(async (trx) => {
      const gone = await trx.deleteFrom('callback_entry').where('closed_at', '<', new Date(cutoffMs)).returning('id').execute();
      if (gone.length === 0) return 0;
      await trx.deleteFrom('callback_attempt').where('entry_id', 'in', gone.map((row) => row.id)).execute();
      return gone.length;
    });
  }

  /** Changes an entry when `allowed` holds for it as stored, guarded by its state in the same statement. */
  async #act(id: string, allowed: (entry: CallbackEntry) => boolean, set: Partial<Record<keyof CallbackEntryTable, unknown>>): Promise<CallbackActionResult> {
    const entry = await this.find(id);
    if (!entry) return { ok: false, reason: 'not_found' };
    if (!allowed(entry)) return { ok: false, reason: 'conflict', entry };
    const updated = await this.#db.updateTable('callback_entry').set({ ...set, updated_at: new Date() } as never)
      .where('id', '=', entry.id).where('state', '=', entry.state).returning('id').executeTakeFirst();
    // Someone else acted on it between the read and the write.
    const now = (await this.#entries([entry.id]))[0]!;
    return updated ? { ok: true, entry: now } : { ok: false, reason: 'conflict', entry: now };
  }

  async #entries(ids: readonly string[]): Promise<CallbackEntry[]> {
    if (ids.length === 0) return [];
    return this.#withContacts(await this.#db.selectFrom('callback_entry').selectAll().where('id', 'in', [...ids]).execute());
  }

  async #withContacts(rows: ReadonlyArray<Selectable<CallbackEntryTable>>): Promise<CallbackEntry[]> {
    if (rows.length === 0) return [];
    const attempts = await this.#db.selectFrom('callback_attempt').select(['entry_id', 'contact_id'])
      .where('entry_id', 'in', rows.map((row) => row.id)).orderBy('abandoned_at').orderBy('contact_id').execute();
    const contacts = new Map<string, string[]>();
    for (const { entry_id, contact_id } of attempts) contacts.set(entry_id!, [...(contacts.get(entry_id!) ?? []), contact_id]);
    return rows.map((row) => toEntry(row, contacts.get(row.id) ?? [row.contact_id]));
  }
}

/** The attempts not recorded before (inserted here); the rest were a replay or a redelivery. */
async function newAttempts(trx: Transaction<Database>, attempts: readonly CallbackAttemptRecord[]): Promise<CallbackAttemptRecord[]> {
  if (attempts.length === 0) return [];
  const inserted = await trx.insertInto('callback_attempt')
    .values(attempts.map((a) => ({ source: a.source, contact_id: a.contactId, entry_id: null, abandoned_at: new Date(a.abandonedAtMs) })))
    .onConflict((oc) => oc.columns(['source', 'contact_id']).doNothing())
    .returning(['source', 'contact_id'])
    .execute();
  const fresh = new Set(inserted.map((row) => `${row.source}\u0000${row.contact_id}`));
  return attempts.filter((a) => fresh.delete(`${a.source}\u0000${a.contactId}`));
}

/**
 * One more attempt of a caller: a new entry, or one more on the caller's entry not yet closed (the partial unique
 * index makes the two exclusive even when two batches race). The entry shows the latest contact.
 */
async function addAttempt(trx: Transaction<Database>, a: CallbackAttemptRecord): Promise<string> {
  const at = new Date(a.abandonedAtMs);
  const later = sql<boolean>`excluded.abandoned_at >= callback_entry.abandoned_at`;
  const { id } = await trx.insertInto('callback_entry').values({
    id: randomUUID(), tenant_id: a.tenant, pseudonym: a.pseudonym, source: a.source, contact_id: a.contactId, queue_id: a.queueId,
    first_abandoned_at: at, abandoned_at: at, waited_ms: a.waitedMs, attempts: 1, state: 'open', updated_at: new Date(),
  }).onConflict((oc) => oc.columns(['tenant_id', 'pseudonym']).where('closed_at', 'is', null).doUpdateSet({
    attempts: sql`callback_entry.attempts + 1`,
    source: sql`case when ${later} then excluded.source else callback_entry.source end`,
    contact_id: sql`case when ${later} then excluded.contact_id else callback_entry.contact_id end`,
    queue_id: sql`case when ${later} then coalesce(excluded.queue_id, callback_entry.queue_id) else coalesce(callback_entry.queue_id, excluded.queue_id) end`,
    waited_ms: sql`case when ${later} then excluded.waited_ms else callback_entry.waited_ms end`,
    abandoned_at: sql`greatest(excluded.abandoned_at, callback_entry.abandoned_at)`,
    first_abandoned_at: sql`least(excluded.first_abandoned_at, callback_entry.first_abandoned_at)`,
    updated_at: (eb) => eb.ref('excluded.updated_at'),
  })).returning('id').executeTakeFirstOrThrow();
  await trx.updateTable('callback_attempt').set({ entry_id: id }).where('source', '=', a.source).where('contact_id', '=', a.contactId).execute();
  return id;
}

/** Closes the caller's entry when it was abandoned before the contact that got through. */
async function closeAnswered(trx: Transaction<Database>, reach: CallbackReachRecord): Promise<string[]> {
  const rows = await trx.updateTable('callback_entry').set({
    state: 'answered', closed_at: new Date(reach.atMs), closed_by: 'system', answered_contact_id: reach.contactId, updated_at: new Date(),
  }).where('tenant_id', '=', reach.tenant).where('pseudonym', '=', reach.pseudonym).where('closed_at', 'is', null)
    .where('abandoned_at', '<', new Date(reach.atMs)).returning('id').execute();
  return rows.map((row) => row.id);
}

function toEntry(row: Selectable<CallbackEntryTable>, contactIds: string[]): CallbackEntry {
  return {
    id: row.id,
    source: row.source,
    contactId: row.contact_id,
    contactIds,
    queueId: row.queue_id,
    pseudonym: row.pseudonym,
    firstAbandonedAt: row.first_abandoned_at.toISOString(),
    abandonedAt: row.abandoned_at.toISOString(),
    waited: row.waited_ms === null ? null : row.waited_ms / 1000,
    attempts: row.attempts,
    state: row.state as CallbackState,
    claimedBy: row.claimed_by,
    claimedAt: iso(row.claimed_at),
    result: row.result,
    note: row.note,
    closedBy: row.closed_by,
    closedAt: iso(row.closed_at),
    answeredContactId: row.answered_contact_id,
  };
}
