import { sql, type Kysely } from 'kysely';

/**
 * The alert lifecycle keeps every transition: an alert is commented, assigned and snoozed any number of times, so
 * (alert_id, kind) is unique only for the transitions that happen once (raised, acknowledged, resolved) — recording
 * those again after a restart still changes nothing. Silences are kept until they end, across restarts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('alert_history').dropConstraint('alert_history_alert_kind_key').execute();
  await sql`CREATE UNIQUE INDEX alert_history_once_key ON alert_history (alert_id, kind)
    WHERE kind IN ('raised', 'acknowledged', 'resolved')`.execute(db);
  await db.schema.createIndex('alert_history_alert_seq_idx').on('alert_history').columns(['alert_id', 'seq']).execute();

  await db.schema
    .createTable('alert_silence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('match', 'jsonb', (c) => c.notNull())
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alert_silence_ends_idx').on('alert_silence').column('ends_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('alert_silence').execute();
  await db.schema.dropIndex('alert_history_alert_seq_idx').execute();
  await db.schema.dropIndex('alert_history_once_key').execute();
  await db.schema.alterTable('alert_history').addUniqueConstraint('alert_history_alert_kind_key', ['alert_id', 'kind']).execute();
}
