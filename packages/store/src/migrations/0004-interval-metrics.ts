import type { Kysely } from 'kysely';

/** Closed aligned intervals per queue (history and reports); a recomputed interval replaces the stored one. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('interval_metrics')
    .addColumn('queue_id', 'text', (c) => c.notNull())
    .addColumn('interval_start', 'timestamptz', (c) => c.notNull())
    .addColumn('interval_minutes', 'integer', (c) => c.notNull())
    .addColumn('metrics', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('interval_metrics_pkey', ['queue_id', 'interval_start', 'interval_minutes'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('interval_metrics').execute();
}
