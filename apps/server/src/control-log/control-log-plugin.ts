import fp from 'fastify-plugin';
import { ClusterLive } from '../cluster/cluster-live.js';
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
    // Cluster mode: boards on every node hear a broadcast, whichever node it was sent or withdrawn on. Those the stream
    // carried while this node started are in the store, read just above.
    const { cluster, live } = fastify;
    if (cluster && live instanceof ClusterLive) {
      broadcasts.relayThrough((change) => cluster.publishBroadcast(change));
      const stop = live.onBroadcast((change) => broadcasts.apply(change));
      fastify.addHook('onClose', async () => void stop());
    }
  },
  { name: 'control-log', dependencies: ['store', 'tenancy', 'cluster', 'live'] },
);
