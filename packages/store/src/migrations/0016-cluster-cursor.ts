import { type Kysely } from 'kysely';

/**
 * Cluster mode (PLANCIA_NATS_URL): how far each cluster's journal writer has persisted its JetStream stream. Written in
 * the transaction that inserts the events, so a node that reads the journal and this row in one snapshot knows exactly
 * which stream message to continue from. `clock_ms` is the cluster's clock (its last tick) at that message.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cluster_cursor')
    .addColumn('cluster', 'text', (c) => c.primaryKey())
    .addColumn('stream_seq', 'bigint', (c) => c.notNull())
    .addColumn('clock_ms', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('cluster_cursor').execute();
}
