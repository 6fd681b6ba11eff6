import type { FastifyInstance } from 'fastify';
import { createEngine, type PlanciaEngine } from '@plancia/engine';
import { recallThenReplay } from '../checkpoints/engine-start.js';
import { describeRefusal, loadEngineConfig } from '../config-api/engine-config.js';
import { eventsBefore, publishConfig } from './cluster-config.js';
import { AlertLedger } from './alert-ledger.js';
import type { ClusterBus } from './cluster-bus.js';
import { ClusterClock, ClusterLive } from './cluster-live.js';
import { LeaderDuties } from './cluster-node.js';
import { startReplica } from './replica.js';

/**
 * The journal's transitions up to the cursor were the live leader's to record: the replay's settling tick, at the
 * cluster's clock there, only brings the engine to that instant.
 */
function settleAt(engine: PlanciaEngine, clockMs: number): void {
  engine.tick(clockMs);
  engine.drainDelta(clockMs);
  engine.drainAlertEvents();
  engine.drainClosedIntervals();
}

/**
 * Cluster mode's start of the live state: the journal up to the cursor the journal writer left (read with it in one
 * snapshot; a checkpoint can later stand in for this read, the cursor being its position), then the stream from the
 * next message on. The node reports ready once it has applied what the stream held when it started.
 */
export async function startClusterLive(fastify: FastifyInstance, bus: ClusterBus): Promise<void> {
  const { store, log, entityCaps, config } = fastify;
  const { dispatcher, worker } = fastify.notifications;
  const startedAt = Date.now();
  const engineConfig = await loadEngineConfig(store.config, (refusal) => {
    log.error({ entity: refusal.entity, problems: refusal.problems }, describeRefusal(refusal));
  });
  const engine = createEngine(engineConfig, startedAt);
  engine.restoreAlerts(await store.alerts.active(), await store.alerts.handResolved());
  // As engine-start's: callers' offers before the replayed span are recalled, for repeat windows across midnight.
  const replay = recallThenReplay(engine, startedAt, (events) => entityCaps.admitReplayed(events), (events) => engine.apply(events, Date.now()));
  const position = await store.cluster.readWithCursor(bus.config.name, replay.readFrom, replay.onChunk);
  if (position) settleAt(engine, position.clockMs);

  const onError = (error: unknown, what: string) => log.error({ err: error }, `cluster: failed ${what}`);
  const ledger = new AlertLedger(bus.state, async (event) => {
    await dispatcher.record(event, Date.now());
    void worker.poke();
  }, onError);
  const duties = new LeaderDuties({ bus, repository: store.cluster, ledger, worker, tickMs: config.tickMs, log });
  const live: ClusterLive = new ClusterLive(engine, {
    recordAlert: async (event) => ledger.add(live.position, event),
    // Closed intervals are upserted by the leader alone; followers computed the same ones.
    saveIntervals: async (intervals) => {
      if (duties.lease.isLeader) await store.intervals.save(intervals);
    },
    onError: (error, what) => log.error({ err: error }, `live state: failed ${what}`),
  }, new ClusterClock(position?.clockMs ?? 0), {
    publishAction: (requestId, change) => bus.publishAction(requestId, change),
    publishConfig: (requestId, queueId) => publishConfig(bus, store.config, requestId, queueId),
    // Configured queues count within PLANCIA_MAX_QUEUES; the rebuild keeps to the limits as a start's replay does.
    async eventsBefore(seq, fromMs, changed) {
      for (const queue of changed.queues) entityCaps.configureQueue(queue.queueId);
      const began = Date.now();
      const events = entityCaps.admitReplayed(await eventsBefore(bus, store.cluster, seq, fromMs));
      log.info({ seq, events: events.length, ms: Date.now() - began }, 'cluster: configuration change rebuilding at its stream position');
      return events;
    },
  });
  fastify.decorate('live', live);

  const replica = await startReplica(bus, {
    // The node that took the event counted its queue and agent against the limits; the others count it here.
    applyMessage: async (seq, message) => {
      if (message.kind === 'event') entityCaps.admit([message.event]);
      await live.applyMessage(seq, message);
      ledger.applied(seq);
    },
  }, (position?.seq ?? 0) + 1, onError);
  await replica.caughtUp;
  // Readiness does not wait for the lease: a follower serves boards and ingest as well as the leader.
  fastify.addHook('onReady', async () => {
    void duties.start().catch((error: unknown) => onError(error, 'starting the leader lease'));
  });
  fastify.addHook('onClose', async () => {
    await duties.stop();
    await replica.stop();
    await live.stop();
  });
  log.info({ node: bus.config.nodeId, cursor: position ?? null, journalEvents: replay.replayed, ms: Date.now() - startedAt }, 'cluster replica ready');
}
