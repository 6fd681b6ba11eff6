import { sql, type Kysely } from 'kysely';

/**
 * The callback worklist. `callback_entry` is one caller to call back (by pseudonym, never the number);
 * `callback_attempt` is each abandoned contact that fed an entry, keyed by (source, contact id) so a replayed or
 * redelivered abandon is recorded once. At most one entry per caller is not closed at a time (partial unique index):
 * a new abandon of that caller is one more attempt on it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('callback_entry')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('pseudonym', 'text', (c) => c.notNull())
    // The latest abandoned contact: its source and id name the number kept for the reveal.
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('queue_id', 'text')
    .addColumn('first_abandoned_at', 'timestamptz', (c) => c.notNull())
    .addColumn('abandoned_at', 'timestamptz', (c) => c.notNull())
    .addColumn('waited_ms', 'integer')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_at', 'timestamptz')
    .addColumn('result', 'text')
    .addColumn('note', 'text')
    .addColumn('closed_by', 'text')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('answered_contact_id', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('callback_entry_open_caller_idx').unique().on('callback_entry')
    .columns(['tenant_id', 'pseudonym']).where(sql.ref('closed_at'), 'is', null).execute();
  await db.schema.createIndex('callback_entry_abandoned_idx').on('callback_entry').column('abandoned_at').execute();

  await db.schema
    .createTable('callback_attempt')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text')
    .addColumn('abandoned_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('callback_attempt_pk', ['source', 'contact_id'])
    .execute();
  await db.schema.createIndex('callback_attempt_entry_idx').on('callback_attempt').column('entry_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('callback_attempt').execute();
  await db.schema.dropTable('callback_entry').execute();
}
