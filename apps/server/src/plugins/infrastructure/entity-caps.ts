import fp from 'fastify-plugin';
import { Gauge } from 'prom-client';
import { EntityCaps } from '../../ingest/entity-caps.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The queue and agent limits; the replay and the ingest path both admit events through it. */
    entityCaps: EntityCaps;
  }
}

/** Counts stored configured queues from the start (the configuration API adds later ones); warns once per limit reached. */
export default fp(
  async (fastify) => {
    const { store, config, metrics, log } = fastify;
    const warned = new Set<string>();
    const caps = new EntityCaps(config.entityLimits, (await store.config.table('queues').list()).map((row) => row.value.queueId), (entity, events) => {
      metrics.entityLimitRefusals.inc({ entity }, events);
      if (warned.has(entity)) return;
      warned.add(entity);
      log.warn({ entity, limit: caps.limit(entity) }, `the ${entity} limit is reached: events naming new ${entity}s are refused`);
    });
    new Gauge({
      name: 'plancia_entities',
      help: 'Distinct queues and agents counted against PLANCIA_MAX_QUEUES and PLANCIA_MAX_AGENTS',
      labelNames: ['entity'],
      registers: [metrics.registry],
      collect() {
        for (const entity of ['queue', 'agent'] as const) this.set({ entity }, caps.count(entity));
      },
    });
    fastify.decorate('entityCaps', caps);
  },
  { name: 'entity-caps', dependencies: ['config', 'store', 'metrics'] },
);
