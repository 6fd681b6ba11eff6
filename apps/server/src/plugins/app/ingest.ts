import fp from 'fastify-plugin';
import { IngestService } from '../../ingest/ingest-service.js';
import { clusterAppend } from '../../cluster/cluster-ingest.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The single ingest path; adapters call `fastify.ingest.ingest(values)` like the routes do. */
    ingest: IngestService;
  }
}

export default fp(
  async (fastify) => {
    const { store, live, metrics, entityCaps, callers, cluster } = fastify;
    fastify.decorate('ingest', new IngestService({
      admit: (events) => entityCaps.admit(events),
      protect: (events) => callers.protect(events),
      // Cluster mode: the stream takes the place of the journal, and every node's engine applies what it carries.
      append: cluster ? clusterAppend(cluster, store.cluster) : (events) => store.journal.append(events),
      apply: cluster ? () => undefined : (events) => live.apply(events),
      now: Date.now,
      observe({ accepted, duplicates, rejected, commitSeconds }) {
        metrics.eventsAccepted.inc(accepted);
        metrics.eventsDuplicate.inc(duplicates);
        metrics.eventsRejected.inc(rejected);
        if (commitSeconds !== undefined) metrics.commitSeconds.observe(commitSeconds);
      },
    }));
  },
  { name: 'ingest', dependencies: ['store', 'live', 'metrics', 'entity-caps', 'caller-privacy'] },
);
