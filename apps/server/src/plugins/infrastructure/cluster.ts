import fp from 'fastify-plugin';
import type { ClusterBus } from '../../cluster/cluster-bus.js';
import { checkDurability } from '../../cluster/durability.js';
import { ConfigError } from '../../config.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Cluster mode's link to NATS JetStream (PLANCIA_NATS_URL); null in the single-process mode. */
    cluster: ClusterBus | null;
  }
}

/**
 * Cluster mode: checks that JetStream's acknowledgement means "on disk" (refusing to start otherwise, unless
 * PLANCIA_NATS_ALLOW_UNSYNCED), then opens the cluster's stream, journal consumer and buckets.
 */
export default fp(
  async (fastify) => {
    const { cluster } = fastify.config;
    if (!cluster) {
      fastify.decorate('cluster', null);
      return;
    }
    const verdict = await checkDurability(cluster.monitorUrl);
    if (!verdict.durable && !cluster.allowUnsynced) {
      throw new ConfigError(`PLANCIA_NATS_URL: refusing cluster mode: ${verdict.reason}. Run NATS with \`jetstream { sync_interval: always }\` (2.10 or later) and its monitoring port (PLANCIA_NATS_MONITOR_URL), or accept the risk with PLANCIA_NATS_ALLOW_UNSYNCED=1.`);
    }
    if (!verdict.durable) fastify.log.warn({ reason: verdict.reason }, 'cluster: JetStream may acknowledge events before they are on disk (PLANCIA_NATS_ALLOW_UNSYNCED)');
    // The NATS clients are loaded only in cluster mode: the single-process mode, most starts, never uses them.
    const { ClusterBus } = await import('../../cluster/cluster-bus.js');
    const bus = await ClusterBus.open(cluster);
    fastify.decorate('cluster', bus);
    fastify.addHook('onClose', () => bus.close());
    fastify.log.info({ node: cluster.nodeId, stream: bus.names.stream }, 'cluster: connected to JetStream');
  },
  { name: 'cluster', dependencies: ['config'] },
);
