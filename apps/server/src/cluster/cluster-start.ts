import type { FastifyInstance } from 'fastify';
import { createEngine, type EngineConfig, type PlanciaEngine } from '@plancia/engine';
import { checkpointOutcomes } from '../checkpoints/checkpoint-outcomes.js';
import { Checkpointer } from '../checkpoints/checkpointer.js';
import { recallThenReplay } from '../checkpoints/engine-start.js';
import { seedEntityCaps } from '../checkpoints/seed-entity-caps.js';
import { describeRefusal, loadEngineConfig } from '../config-api/engine-config.js';
import { eventsBefore, publishConfig } from './cluster-config.js';
import { AlertLedger } from './alert-ledger.js';
import type { ClusterBus } from './cluster-bus.js';
import { ClusterClock, ClusterLive } from './cluster-live.js';
import { LeaderDuties } from './cluster-node.js';
import { LeadershipSignal } from './leadership.js';
import { startReplica } from './replica.js';
import { streamLog } from './checkpoint-choice.js';
import { resumeFromCheckpoint, TickAlignedCheckpoints } from './stream-checkpoints.js';

/**
 * The journal's transitions up to the cursor were the live leader's to record: the replay's settling tick, at the
 * cluster's clock there, only brings the engine to that instant.
 */
function settleAt(engine: PlanciaEngine, clockMs: number): void {
  engine.tick(clockMs);
  engine.discardDelta(clockMs);
  engine.drainAlertEvents();
  engine.drainClosedIntervals();
}

/** Where a node's engine stands before it consumes the stream: the sequence it covers and the cluster clock there. */
interface ReplicaStart {
  engine: PlanciaEngine;
  seq: number;
  clockMs: number;
  /** The checkpoint it was restored from, or null: rebuilt from the journal (`journalEvents` read). */
  checkpoint: { takenAt: Date; position: number } | null;
  journalEvents: number;
}

/**
 * The journal up to the cursor the journal writer left (read with it in one snapshot), the engine as a node that
 * consumed the stream up to the cursor would hold it.
 */
async function fromJournal(fastify: FastifyInstance, bus: ClusterBus, engineConfig: EngineConfig, startedAt: number): Promise<ReplicaStart> {
  const { store, entityCaps } = fastify;
  const engine = createEngine(engineConfig, startedAt);
  engine.restoreAlerts(await store.alerts.active(), await store.alerts.handResolved());
  // As engine-start's: callers' offers before the replayed span are recalled, for repeat windows across midnight.
  const replay = recallThenReplay(engine, startedAt, (events) => entityCaps.admitReplayed(events), (events) => engine.apply(events, Date.now()));
  const position = await store.cluster.readWithCursor(bus.config.name, replay.readFrom, replay.onChunk);
  if (position) settleAt(engine, position.clockMs);
  return { engine, seq: position?.seq ?? 0, clockMs: position?.clockMs ?? 0, checkpoint: null, journalEvents: replay.replayed };
}

/**
 * The newest usable checkpoint of this cluster (PLANCIA_CHECKPOINT_INTERVAL_S > 0), or null. Open alerts come from the
 * store, as on a rebuild from the journal: the leader may have recorded some beyond the checkpoint.
 */
async function fromCheckpoint(fastify: FastifyInstance, bus: ClusterBus, engineConfig: EngineConfig): Promise<ReplicaStart | null> {
  const { store, entityCaps, log } = fastify;
  const span = async () => {
    const { first_seq, last_seq } = (await bus.jsm.streams.info(bus.names.stream)).state;
    return { firstSeq: first_seq, lastSeq: last_seq };
  };
  const resumed = await resumeFromCheckpoint(store.checkpoints, bus.config.name, engineConfig, span, log);
  if (!resumed) return null;
  const { engine, seq, clockMs } = resumed;
  engine.restoreAlerts(await store.alerts.active(), await store.alerts.handResolved());
  settleAt(engine, clockMs);
  seedEntityCaps(engine, entityCaps);
  return { engine, seq, clockMs, checkpoint: { takenAt: resumed.takenAt, position: seq }, journalEvents: 0 };
}

/**
 * Cluster mode's start of the live state: from the newest usable checkpoint of the cluster, or else from the journal
 * up to the journal writer's cursor; then the stream from the next message on. The node reports ready once it has
 * applied what the stream held when it started.
 */
export async function startClusterLive(fastify: FastifyInstance, bus: ClusterBus): Promise<void> {
  const { store, log, entityCaps, config } = fastify;
  const { dispatcher, worker } = fastify.notifications;
  const startedAt = Date.now();
  const engineConfig = await loadEngineConfig(store.config, (refusal) => {
    log.error({ entity: refusal.entity, problems: refusal.problems }, describeRefusal(refusal));
  });
  const useCheckpoints = config.checkpointIntervalMs > 0;
  const start = (useCheckpoints ? await fromCheckpoint(fastify, bus, engineConfig) : null) ?? await fromJournal(fastify, bus, engineConfig, startedAt);
  const { engine } = start;

  const onError = (error: unknown, what: string) => log.error({ err: error }, `cluster: failed ${what}`);
  const ledger = new AlertLedger(bus.state, async (event) => {
    await dispatcher.record(event, Date.now());
    void worker.poke();
  }, onError);
  const leadership = new LeadershipSignal();
  fastify.decorate('leadership', leadership);
  const duties = new LeaderDuties({ bus, repository: store.cluster, ledger, worker, tickMs: config.tickMs, log, leadership });
  const live: ClusterLive = new ClusterLive(engine, {
    recordAlert: async (event) => ledger.add(live.position, event),
    // Closed intervals are upserted by the leader alone; followers computed the same ones.
    saveIntervals: async (intervals) => {
      if (duties.lease.isLeader) await store.intervals.save(intervals);
    },
    onError: (error, what) => log.error({ err: error }, `live state: failed ${what}`),
  }, new ClusterClock(start.clockMs), {
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
  const checkpoints = new TickAlignedCheckpoints(new Checkpointer({
    live,
    checkpoints: store.checkpoints,
    position: () => ({ kind: streamLog(bus.config.name), position: String(live.position) }),
    ...checkpointOutcomes(fastify),
    // The cluster's clock at that sequence: the restored engine and the node's clock go on from it.
    now: live.clock.now,
  }));

  const replica = await startReplica(bus, {
    // The node that took the event counted its queue and agent against the limits; the others count it here.
    applyMessage: async (seq, message) => {
      if (message.kind === 'event') entityCaps.admit([message.event]);
      await live.applyMessage(seq, message);
      ledger.applied(seq);
      checkpoints.applied(message.kind);
    },
  }, start.seq + 1, onError);
  await replica.caughtUp;
  if (useCheckpoints) checkpoints.start(config.checkpointIntervalMs);
  // Readiness does not wait for the lease: a follower serves boards and ingest as well as the leader.
  fastify.addHook('onReady', async () => {
    void duties.start().catch((error: unknown) => onError(error, 'starting the leader lease'));
  });
  fastify.addHook('onClose', async () => {
    await duties.stop();
    await replica.stop();
    await checkpoints.stop();
    await live.stop();
  });
  const ms = Date.now() - startedAt;
  if (start.checkpoint) {
    // The tail: the messages the stream held after the checkpoint when the node started.
    const checkpoint = { takenAt: start.checkpoint.takenAt.toISOString(), position: start.checkpoint.position };
    log.info({ node: bus.config.nodeId, checkpoint, tail: Math.max(0, replica.lastAtStart - start.seq), ms }, 'cluster replica ready: resumed from a checkpoint and the stream after it');
  } else {
    log.info({ node: bus.config.nodeId, cursor: start.seq > 0 ? { seq: start.seq, clockMs: start.clockMs } : null, journalEvents: start.journalEvents, ms }, 'cluster replica ready');
  }
}
