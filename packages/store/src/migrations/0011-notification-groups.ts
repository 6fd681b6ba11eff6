import { sql, type Kysely } from 'kysely';

/**
 * Grouped notifications (issue 18): outbox rows of one route, channel and kind that fall due together leave as one
 * message. `group_key` names the route (null: the row is alone); `batch_id` is the message a row went into, fixed when
 * it is first gathered, so every retry of the message carries the same rows under the same webhook-id (the batch id);
 * `batched_at` is when the group last flushed, which times the group's next messages.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('notification_outbox').addColumn('group_key', 'text').execute();
  await db.schema.alterTable('notification_outbox').addColumn('batch_id', 'text').execute();
  await db.schema.alterTable('notification_outbox').addColumn('batched_at', 'timestamptz').execute();
  // Rows written before grouping were each their own message, under their own id.
  await sql`UPDATE notification_outbox SET batch_id = id, batched_at = due_at`.execute(db);
  await db.schema.createIndex('notification_outbox_group_idx').on('notification_outbox').columns(['tenant_id', 'channel_id', 'group_key']).execute();
  await db.schema.createIndex('notification_outbox_batch_idx').on('notification_outbox').column('batch_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('notification_outbox_batch_idx').execute();
  await db.schema.dropIndex('notification_outbox_group_idx').execute();
  await db.schema.alterTable('notification_outbox').dropColumn('batched_at').execute();
  await db.schema.alterTable('notification_outbox').dropColumn('batch_id').execute();
  await db.schema.alterTable('notification_outbox').dropColumn('group_key').execute();
}
