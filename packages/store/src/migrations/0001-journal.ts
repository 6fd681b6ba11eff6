import { sql, type Kysely } from 'kysely';

/** The append-only event journal: every accepted CloudEvent, unique per (source, id), read back in time order. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('event_journal')
    // (source, id) is the key; seq only orders events of the same instant by arrival and needs no index of its own,
    // one index fewer to maintain on every insert.
    .addColumn('seq', 'bigint', (c) => c.generatedAlwaysAsIdentity().notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('time', 'timestamptz', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_journal_pkey', ['source', 'id'])
    .execute();
  // (time, seq) is both the replay order and the keyset the reader pages with.
  await db.schema.createIndex('event_journal_time_seq_idx').on('event_journal').columns(['time', 'seq']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('event_journal').execute();
}
