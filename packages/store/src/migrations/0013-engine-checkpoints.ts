import { sql, type Kysely } from 'kysely';

/**
 * Engine checkpoints: the engine's whole state (compressed JSON) with the journal position it covers, so a start
 * replays only the tail after it. A few are kept; a checkpoint the running engine cannot read is ignored at start.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('engine_checkpoint')
    .addColumn('seq', 'bigint', (c) => c.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('taken_at', 'timestamptz', (c) => c.notNull())
    .addColumn('engine_version', 'integer', (c) => c.notNull())
    // Where in its log the state stands: kind 'journal' (position: the journal's seq), or another log's sequence.
    .addColumn('position_kind', 'text', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('config_fingerprint', 'text', (c) => c.notNull())
    .addColumn('state', 'bytea', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('engine_checkpoint_kind_idx').on('engine_checkpoint').columns(['position_kind', 'seq']).execute();
  // The tail after a checkpoint is read by seq. Identity values only grow, so each insert lands on the index's
  // rightmost page: a small cost on ingest for a restart that reads only what is new.
  await sql`CREATE INDEX IF NOT EXISTS event_journal_seq_idx ON event_journal (seq)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS event_journal_seq_idx`.execute(db);
  await db.schema.dropTable('engine_checkpoint').execute();
}
