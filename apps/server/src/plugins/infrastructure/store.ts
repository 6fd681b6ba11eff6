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
    const { databaseUrl, dataDir } = fastify.config;
    const store = await openStore(databaseUrl ? { databaseUrl } : { dataDir });
    fastify.decorate('store', store);
    fastify.addHook('onClose', async () => {
      await store.close();
    });
    fastify.log.info({ store: store.kind, ...(databaseUrl ? {} : { dataDir }) }, 'store open');
  },
  { name: 'store', dependencies: ['config'] },
);
