import fp from 'fastify-plugin';
import { openStore, type Store } from '@plancia/store';

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
  }
}

/** The database: PostgreSQL when DATABASE_URL is set, the embedded PGlite otherwise; migrations run on open. */
export default fp(
  async (fastify) => {
    const { databaseUrl, dataDir, database } = fastify.config;
    const store = await openStore(databaseUrl ? {
      databaseUrl,
      statementTimeoutMs: database.statementTimeoutMs,
      lockTimeoutMs: database.lockTimeoutMs,
      // A dropped connection is logged here and answered 503 by the request it broke; the pool opens a new one.
      // Message and code only: pg hangs the client, connection parameters included, on the error.
      onPoolError: ({ message, code }: Error & { code?: string }) => fastify.log.warn({ code, message }, 'database connection lost'),
    } : { dataDir });
    fastify.decorate('store', store);
    fastify.addHook('onClose', async () => {
      await store.close();
    });
    fastify.log.info({ store: store.kind, ...(databaseUrl ? {} : { dataDir }) }, 'store open');
  },
  { name: 'store', dependencies: ['config'] },
);
