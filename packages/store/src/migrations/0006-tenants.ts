import { sql, type Kysely } from 'kysely';

/**
 * Tenants (one per client of an outsourcer) and who belongs to which. A tenant owns the queues and teams it lists;
 * its agent-detail mode says how much of each agent leaves the server (art. 4 of the Workers' Statute). The row
 * `default` is the installation's own tenant: it is there from the start, so one tenant stays zero set-up.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tenant')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('queues', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('teams', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('agent_detail', 'text', (c) => c.notNull().defaultTo('off'))
    // The union agreement or INL authorisation that makes `named` lawful: its reference and date.
    .addColumn('agreement', 'text')
    .addColumn('agreement_date', 'text')
    // Keys this tenant's agent pseudonyms: stable across restarts, never shown. Two v4 UUIDs: 244 random bits.
    .addColumn('pseudonym_key', 'text', (c) => c.notNull().defaultTo(sql`replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`INSERT INTO tenant (id, name) VALUES ('default', 'Default')`.execute(db);

  for (const table of ['app_user', 'machine_token']) {
    await db.schema
      .alterTable(table)
      .addColumn('tenant_id', 'text', (c) => c.notNull().defaultTo('default').references('tenant.id'))
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('machine_token').dropColumn('tenant_id').execute();
  await db.schema.alterTable('app_user').dropColumn('tenant_id').execute();
  await db.schema.dropTable('tenant').execute();
}
