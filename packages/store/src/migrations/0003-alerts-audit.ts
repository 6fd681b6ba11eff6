import { sql, type Kysely } from 'kysely';

/** Alert lifecycle transitions and the audit trail of configuration changes: both append-only. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('alert_history')
    .addColumn('seq', 'bigint', (c) => c.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('alert_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('alert', 'jsonb', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    // Each alert is raised, acknowledged and resolved at most once: recording a transition again (a replay after a
    // restart re-raises the same alerts) changes nothing.
    .addUniqueConstraint('alert_history_alert_kind_key', ['alert_id', 'kind'])
    .execute();
  await db.schema.createIndex('alert_history_at_idx').on('alert_history').column('at').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'bigint', (c) => c.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('resource', 'text', (c) => c.notNull())
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_log').execute();
  await db.schema.dropTable('alert_history').execute();
}
