import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';
import { batchKey } from './outbox-grouping.js';
import { insertOutbox, type OutboxEntry, type OutboxMessage } from './outbox-rows.js';
import { clampLimit } from './paging.js';

export interface ChannelRecord {
  tenantId: string;
  id: string;
  type: string;
  /** As put, secrets included: only the delivery worker reads them. */
  settings: Record<string, unknown>;
  enabled: boolean;
  disabledReason: string | null;
}

export interface OutboxRecord extends OutboxMessage {
  onlyUnacknowledged: boolean;
  /** The message this row goes in: its webhook-id on every try (the row's own id when it is alone). */
  batchId: string;
  /** The route it was grouped under; null when it is alone. */
  groupKey: string | null;
  state: string;
  attempts: number;
  dueAt: Date;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
}

/** How one try ended. */
export type TryOutcome =
  | { state: 'sent' | 'skipped'; attempts: number }
  | { state: 'pending'; attempts: number; nextAttemptAtMs: number; error: string }
  | { state: 'dead'; attempts: number; error: string };

export interface NotificationRepository {
  putChannel(channel: Omit<ChannelRecord, 'enabled' | 'disabledReason'>): Promise<'created' | 'replaced'>;
  channels(tenantId: string): Promise<ChannelRecord[]>;
  channel(tenantId: string, id: string): Promise<ChannelRecord | undefined>;
  removeChannel(tenantId: string, id: string): Promise<boolean>;
  /** Stops delivery to a channel (a 410 Gone); a later put enables it again. */
  disableChannel(tenantId: string, id: string, reason: string): Promise<void>;
  policy(tenantId: string): Promise<unknown>;
  putPolicy(tenantId: string, policy: unknown): Promise<void>;
  /** Deliveries not tied to an alert transition: tests, escalations, repeats. */
  enqueue(entries: readonly OutboxEntry[]): Promise<void>;
  /**
   * Pending deliveries whose next try is due at `nowMs`, whole batches (at most `limit`), oldest first. Grouped rows
   * due are first gathered into batches, one per tenant, channel, group and kind: a batch is one message.
   */
  due(nowMs: number, limit: number): Promise<OutboxRecord[]>;
  /** Records how a try of these rows ended, and (in the same transaction) what it owes next (a repeat). */
  settle(ids: readonly string[], outcome: TryOutcome, next?: readonly OutboxEntry[]): Promise<void>;
  deliveries(tenantId: string, state: string | undefined, limit?: number): Promise<OutboxRecord[]>;
  /**
   * A dead delivery pending again, due now, with a fresh 24 h, with the dead rows of its batch (one message, one
   * webhook-id); false when there is no such dead delivery.
   */
  retry(tenantId: string, id: string, nowMs: number): Promise<boolean>;
}

type OutboxRow = Database['notification_outbox'] extends infer T ? { [K in keyof T]: unknown } : never;

const fromOutbox = (row: OutboxRow): OutboxRecord => ({
  id: row.id as string,
  tenantId: row.tenant_id as string,
  channelId: row.channel_id as string,
  alertId: row.alert_id as string,
  kind: row.kind as string,
  payload: row.payload,
  onlyUnacknowledged: row.only_unacknowledged as boolean,
  batchId: (row.batch_id as string | null) ?? (row.id as string),
  groupKey: row.group_key as string | null,
  state: row.state as string,
  attempts: row.attempts as number,
  dueAt: new Date(row.due_at as Date),
  nextAttemptAt: new Date(row.next_attempt_at as Date),
  lastError: row.last_error as string | null,
  createdAt: new Date(row.created_at as Date),
});

type ChannelRow = Database['notification_channel'] extends infer T ? { [K in keyof T]: unknown } : never;

const fromChannel = (row: ChannelRow): ChannelRecord => ({
  tenantId: row.tenant_id as string,
  id: row.id as string,
  type: row.type as string,
  settings: row.settings as Record<string, unknown>,
  enabled: row.enabled as boolean,
  disabledReason: row.disabled_reason as string | null,
});

export class KyselyNotificationRepository implements NotificationRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async putChannel(channel: Omit<ChannelRecord, 'enabled' | 'disabledReason'>): Promise<'created' | 'replaced'> {
    const existing = await this.channel(channel.tenantId, channel.id);
    await this.#db
      .insertInto('notification_channel')
      .values({ tenant_id: channel.tenantId, id: channel.id, type: channel.type, settings: JSON.stringify(channel.settings), enabled: true, updated_at: new Date() })
      .onConflict((oc) => oc.columns(['tenant_id', 'id']).doUpdateSet({
        type: channel.type, settings: JSON.stringify(channel.settings), enabled: true, disabled_reason: null, updated_at: new Date(),
      }))
      .execute();
    return existing ? 'replaced' : 'created';
  }

  async channels(tenantId: string): Promise<ChannelRecord[]> {
    const rows = await this.#db.selectFrom('notification_channel').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute();
    return rows.map(fromChannel);
  }

  async channel(tenantId: string, id: string): Promise<ChannelRecord | undefined> {
    const row = await this.#db.selectFrom('notification_channel').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return row && fromChannel(row);
  }

  async removeChannel(tenantId: string, id: string): Promise<boolean> {
    const result = await this.#db.deleteFrom('notification_channel').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async disableChannel(tenantId: string, id: string, reason: string): Promise<void> {
    await this.#db.updateTable('notification_channel').set({ enabled: false, disabled_reason: reason, updated_at: new Date() })
      .where('tenant_id', '=', tenantId).where('id', '=', id).execute();
  }

  async policy(tenantId: string): Promise<unknown> {
    const row = await this.#db.selectFrom('notification_policy').select('policy').where('tenant_id', '=', tenantId).executeTakeFirst();
    return row?.policy;
  }

  async putPolicy(tenantId: string, policy: unknown): Promise<void> {
    await this.#db
      .insertInto('notification_policy')
      .values({ tenant_id: tenantId, policy: JSON.stringify(policy), updated_at: new Date() })
      .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ policy: JSON.stringify(policy), updated_at: new Date() }))
      .execute();
  }

  async enqueue(entries: readonly OutboxEntry[]): Promise<void> {
    await insertOutbox(this.#db, entries);
  }

  async due(nowMs: number, limit: number): Promise<OutboxRecord[]> {
    const now = new Date(nowMs);
    await this.gather(now);
    const batches = this.#db.selectFrom('notification_outbox').select('batch_id')
      .where('state', '=', 'pending').where('next_attempt_at', '<=', now).where('batch_id', 'is not', null)
      .groupBy('batch_id').orderBy(sql`min(next_attempt_at)`).orderBy('batch_id').limit(limit);
    const rows = await this.#db.selectFrom('notification_outbox').selectAll()
      .where('state', '=', 'pending').where('batch_id', 'in', batches)
      .orderBy('next_attempt_at').orderBy('created_at').orderBy('id').execute();
    return rows.map(fromOutbox);
  }

  /** Gathers the grouped rows due into batches; a batch's id is its first row's, and it never changes after. */
  private async gather(now: Date): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      const loose = await trx.selectFrom('notification_outbox').select(['id', 'tenant_id', 'channel_id', 'group_key', 'kind'])
        .where('state', '=', 'pending').where('batch_id', 'is', null).where('next_attempt_at', '<=', now)
        .orderBy('created_at').orderBy('id').execute();
      const batches = new Map<string, string[]>();
      for (const row of loose) {
        const key = batchKey({ tenantId: row.tenant_id, channelId: row.channel_id, groupKey: row.group_key ?? '', kind: row.kind });
        batches.set(key, [...(batches.get(key) ?? []), row.id]);
      }
      for (const ids of batches.values()) {
        await trx.updateTable('notification_outbox').set({ batch_id: ids[0]!, batched_at: now })
          .where('id', 'in', ids).where('batch_id', 'is', null).execute();
      }
    });
  }

  async settle(ids: readonly string[], outcome: TryOutcome, next: readonly OutboxEntry[] = []): Promise<void> {
    if (ids.length === 0 && next.length === 0) return;
    await this.#db.transaction().execute(async (trx) => {
      if (ids.length > 0) {
        await trx.updateTable('notification_outbox')
          .set({
            state: outcome.state,
            attempts: outcome.attempts,
            last_error: 'error' in outcome ? outcome.error.slice(0, 1000) : null,
            ...(outcome.state === 'pending' ? { next_attempt_at: new Date(outcome.nextAttemptAtMs) } : {}),
          })
          .where('id', 'in', ids)
          .execute();
      }
      await insertOutbox(trx, next);
    });
  }

  async deliveries(tenantId: string, state: string | undefined, limit?: number): Promise<OutboxRecord[]> {
    let query = this.#db.selectFrom('notification_outbox').selectAll().where('tenant_id', '=', tenantId);
    if (state) query = query.where('state', '=', state);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id').limit(clampLimit(limit, 100, 1000)).execute();
    return rows.map(fromOutbox);
  }

  async retry(tenantId: string, id: string, nowMs: number): Promise<boolean> {
    const now = new Date(nowMs);
    const dead = await this.#db.selectFrom('notification_outbox').select(['batch_id'])
      .where('tenant_id', '=', tenantId).where('id', '=', id).where('state', '=', 'dead').executeTakeFirst();
    if (!dead) return false;
    await this.#db.updateTable('notification_outbox')
      .set({ state: 'pending', attempts: 0, due_at: now, next_attempt_at: now })
      .where('tenant_id', '=', tenantId).where('state', '=', 'dead').where('batch_id', '=', dead.batch_id ?? id)
      .execute();
    return true;
  }
}
