import { sql, type Kysely } from 'kysely';

/** The append-only event journal: every accepted CloudEvent, unique per (source, id), read back in time order. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('event_journal')
    .addColumn('seq', 'bigint', (c) => c.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('time', 'timestamptz', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addUniqueConstraint('event_journal_source_id_key', ['source', 'id'])
    .execute();
  // (time, seq) is both the replay order and the keyset the reader pages with.
  await db.schema.createIndex('event_journal_time_seq_idx').on('event_journal').columns(['time', 'seq']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('event_journal').execute();
}
