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
    const { store, live, metrics, entityCaps, callers, callbackWorklist, cluster } = fastify;
    // Cluster mode: the stream takes the place of the journal, and every node's engine applies what it carries.
    const journalAppend = cluster ? clusterAppend(cluster, store.cluster) : (events: Parameters<typeof store.journal.append>[0]) => store.journal.append(events);
    fastify.decorate('ingest', new IngestService({
      admit: (events) => entityCaps.admit(events),
      protect: (events) => callers.protect(events),
      // The worklist hears every event of the batch, redelivered ones too, before the acknowledgement: a batch
      // journaled just before a crash is recorded when its producer sends it again (recording twice changes nothing).
      append: (events) => callbackWorklist.journaled(events, () => journalAppend(events)),
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
  { name: 'ingest', dependencies: ['store', 'live', 'metrics', 'entity-caps', 'caller-privacy', 'callbacks'] },
);
