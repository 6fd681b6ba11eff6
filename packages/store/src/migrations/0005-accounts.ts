import { sql, type Kysely } from 'kysely';

/**
 * People and machines that may use the server: local users, their sessions and named machine tokens. Session ids and
 * token secrets are stored only as SHA-256 digests, so a copy of the database opens no session and forges no token.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('app_user')
    .addColumn('username', 'text', (c) => c.primaryKey())
    // NULL for users who only sign in through an identity provider.
    .addColumn('password_hash', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('scope', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('user_session')
    .addColumn('id_digest', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().references('app_user.username').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('user_session_expires_idx').on('user_session').column('expires_at').execute();

  await db.schema
    .createTable('machine_token')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('secret_digest', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('scope', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('machine_token').execute();
  await db.schema.dropTable('user_session').execute();
  await db.schema.dropTable('app_user').execute();
}
