import { sql, type Kysely } from 'kysely';

/**
 * The control room's own writing: broadcasts to the boards (kept after expiry or withdrawal, as a record of what was
 * said) and the shift log's notes (append-only).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('broadcast')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    // Which boards: both empty means every board of the tenant.
    .addColumn('queue_ids', 'jsonb', (c) => c.notNull())
    .addColumn('team_ids', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('withdrawn_at', 'timestamptz')
    .addColumn('withdrawn_by', 'text')
    .execute();
  await db.schema.createIndex('broadcast_expires_idx').on('broadcast').column('expires_at').execute();

  await db.schema
    .createTable('shift_note')
    .addColumn('seq', 'bigint', (c) => c.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('alert_id', 'text')
    // What the note is about, kept so a reader's scope can be checked later: the queue, or the alert's scope.
    .addColumn('queue_id', 'text')
    .addColumn('alert_scope', 'jsonb')
    .execute();
  await db.schema.createIndex('shift_note_tenant_at_idx').on('shift_note').columns(['tenant_id', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('shift_note').execute();
  await db.schema.dropTable('broadcast').execute();
}
