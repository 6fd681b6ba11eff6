import { sql, type Kysely } from 'kysely';

/**
 * Notifications (issue 18): channels and the routing policy per tenant, and the outbox of deliveries. Outbox rows are
 * written in the transaction of the alert transition they announce, so a transition recorded is a notification owed
 * even across a kill -9; the delivery worker sends them at least once, the row id as the webhook-id on every try.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notification_channel')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    // The settings as put, secrets included: GETs mask them.
    .addColumn('settings', 'jsonb', (c) => c.notNull())
    .addColumn('enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('disabled_reason', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('notification_channel_pk', ['tenant_id', 'id'])
    .execute();

  await db.schema
    .createTable('notification_policy')
    .addColumn('tenant_id', 'text', (c) => c.primaryKey())
    .addColumn('policy', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('notification_outbox')
    // The webhook-id: receivers deduplicate on it, so it never changes between tries.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('alert_id', 'text', (c) => c.notNull())
    // raised | acknowledged | resolved | repeat | escalation | test
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    // Repeats and escalations are owed only while the alert is still open and unacknowledged when they fall due.
    .addColumn('only_unacknowledged', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('notification_outbox_pending_idx').on('notification_outbox').columns(['state', 'next_attempt_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notification_outbox').execute();
  await db.schema.dropTable('notification_policy').execute();
  await db.schema.dropTable('notification_channel').execute();
}
