import { sql, type Kysely } from 'kysely';

const VERSIONED_TABLES = ['queue_config', 'business_calendar', 'alert_rule', 'agent_profile'] as const;

/** Run-time configuration: one JSON document per entity, versioned for conditional writes (If-Match). */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of VERSIONED_TABLES) {
    await db.schema
      .createTable(table)
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'jsonb', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
  }
  // A single row: the primary key can only ever be true.
  await db.schema
    .createTable('engine_settings')
    .addColumn('singleton', 'boolean', (c) => c.primaryKey().defaultTo(true).check(sql`singleton`))
    .addColumn('value', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['engine_settings', ...VERSIONED_TABLES]) await db.schema.dropTable(table).execute();
}
