import { sql, type Kysely } from 'kysely';

/**
 * Caller identifiers. `caller_key` holds the pseudonymisation key generated at first start when PLANCIA_CALLER_KEYS
 * is unset, so pseudonyms stay stable across restarts with zero set-up. `caller_callback` holds, per contact, the
 * caller's number encrypted (AES-256-GCM) for a callback list, with its pseudonym, until it expires.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('caller_key')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // base64 of 32 random bytes.
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('caller_callback')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('tenant_id', 'text', (c) => c.notNull().defaultTo('default'))
    // Known from contact.queued; lets a reveal be checked against the reader's scope.
    .addColumn('queue_id', 'text')
    .addColumn('pseudonym', 'text', (c) => c.notNull())
    // cb1:<base64url of IV, ciphertext and tag>: never the number in clear.
    .addColumn('sealed', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('caller_callback_pk', ['source', 'contact_id'])
    .execute();
  await db.schema.createIndex('caller_callback_expires_idx').on('caller_callback').column('expires_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('caller_callback').execute();
  await db.schema.dropTable('caller_key').execute();
}
