import fp from 'fastify-plugin';
import { Broadcasts } from './broadcasts.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The active broadcasts to the boards (control-log/broadcasts.ts); the push layer forwards their changes. */
    broadcasts: Broadcasts;
  }
}

/**
 * The control room's messages to the boards, loaded from the store at start. Registered before the push layer, which
 * sends each board the broadcasts it shows.
 */
export default fp(
  async (fastify) => {
    const { store, tenancy } = fastify;
    const broadcasts = await Broadcasts.open(store.broadcasts, store.audit, (teamId) => tenancy.placements.queuesOfTeam(teamId));
    fastify.decorate('broadcasts', broadcasts);
  },
  { name: 'control-log', dependencies: ['store', 'tenancy'] },
);
