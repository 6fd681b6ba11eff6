import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { Store } from '@plancia/store';
import type { PlanciaEngine } from '@plancia/engine';
import { LiveState } from '../../live/live-state.js';
import { Checkpointer } from '../../checkpoints/checkpointer.js';
import { JOURNAL_LOG, startEngine } from '../../checkpoints/engine-start.js';
import type { CheckpointPrefetch } from '../../checkpoints/checkpoint-prefetch.js';
import { checkpointOutcomes } from '../../checkpoints/checkpoint-outcomes.js';
import { seedEntityCaps } from '../../checkpoints/seed-entity-caps.js';
import type { NotificationDispatcher } from '../../notifications/dispatcher.js';
import { describeRefusal, loadEngineConfig } from '../../config-api/engine-config.js';
import { startClusterLive } from '../../cluster/cluster-start.js';
import { SOLE_NODE, type Leadership } from '../../cluster/leadership.js';
import type { StartTail } from '../../checkpoints/start-tail.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The live state; see LiveState for the API the push layer subscribes to. */
    live: LiveState;
    /** Engine checkpoints (PLANCIA_CHECKPOINT_INTERVAL_S); `write()` takes one now. */
    checkpointer: Checkpointer;
    /** How this start built the engine: from which checkpoint (null: a full replay) and how many events it read. */
    engineStart: { checkpoint: { takenAt: Date; position: string } | null; replayed: number };
    /** The journal's events the start read after the engine's checkpoint, until the callback worklist has caught up. */
    startTail: StartTail | null;
    /** Whether this node leads: always alone; in cluster mode while it holds the lease (cluster/leadership.ts). */
    leadership: Leadership;
  }
}

/**
 * Alerts open at the last stop were restored before the replay, so what it produces are real transitions: alerts that
 * cleared while the server was down are resolved, conditions that began while it was down are raised; both are
 * recorded. Closed intervals are saved again (the store upserts them), so those that closed while down are kept.
 */
async function settleReplay(engine: PlanciaEngine, store: Store, dispatcher: NotificationDispatcher): Promise<void> {
  const now = Date.now();
  engine.tick(now);
  engine.discardDelta(now);
  // Through the dispatcher: an alert that cleared while the server was down owes its "resolved" message.
  for (const event of engine.drainAlertEvents()) await dispatcher.record(event, now);
  const intervals = engine.drainClosedIntervals();
  if (intervals.length > 0) await store.intervals.save(intervals);
}

/**
 * Builds the engine from the stored configuration and the journal (the latest checkpoint plus the journal after it,
 * or the journal over the longest window the engine keeps) before the server reports ready; then starts the ticker
 * and the checkpoints.
 */
export default fp(
  async (fastify, { prefetched }: { prefetched?: CheckpointPrefetch | undefined }) => {
    // Cluster mode: the engine is a replica of the stream (cluster/cluster-start.ts).
    if (fastify.cluster) return startClusterLive(fastify, fastify.cluster);
    const { store, config, log, entityCaps } = fastify;
    fastify.decorate('leadership', SOLE_NODE);
    const startedAt = Date.now();
    // What the engine would refuse is left out, and logged naming the entity, the field and how to repair it.
    const engineConfig = await loadEngineConfig(store.config, (refusal) => {
      log.error({ entity: refusal.entity, problems: refusal.problems }, describeRefusal(refusal));
    });
    const start = await startEngine({ store, config: engineConfig, useCheckpoints: config.checkpointIntervalMs > 0, prefetched, admit: (events) => entityCaps.admitReplayed(events), log, now: Date.now });
    const { engine } = start;
    const { dispatcher, worker } = fastify.notifications;
    await settleReplay(engine, store, dispatcher);
    if (start.checkpoint) seedEntityCaps(engine, entityCaps);
    const live = new LiveState(engine, {
      // The transition and the notifications it owes in one transaction; the worker then sends what is due now.
      recordAlert: async (event) => {
        await dispatcher.record(event, Date.now());
        void worker.poke();
      },
      saveIntervals: (intervals) => store.intervals.save(intervals),
      onError: (error, what) => log.error({ err: error }, `live state: failed ${what}`),
    });
    fastify.decorate('live', live);
    fastify.decorate('engineStart', { checkpoint: start.checkpoint, replayed: start.replayed });
    fastify.decorate('startTail', start.tail);
    const checkpointer = journalCheckpointer(fastify, live, start.position);
    fastify.decorate('checkpointer', checkpointer);
    live.start(config.tickMs);
    checkpointer.start(config.checkpointIntervalMs);
    fastify.addHook('onClose', async () => {
      await checkpointer.stop();
      await live.stop();
      // A clean stop leaves a checkpoint of the very end: the next start replays nothing.
      if (config.checkpointIntervalMs > 0) await checkpointer.write();
    });
    const ms = Date.now() - startedAt;
    if (start.checkpoint) {
      const { takenAt, position, restoreMs, phases } = start.checkpoint;
      log.info({ checkpoint: { takenAt: takenAt.toISOString(), position }, restoreMs, phases, tail: start.replayed, ms }, 'resumed from a checkpoint and the journal after it');
    } else {
      log.info({ from: new Date(start.fromMs ?? startedAt).toISOString(), events: start.replayed, ms }, 'journal replayed');
    }
  },
  { name: 'live', dependencies: ['config', 'store', 'entity-caps', 'notifications', 'metrics', 'cluster'] },
);

/** Checkpoints over the journal: the position is the last seq this server committed, or the one it started from. */
function journalCheckpointer(fastify: FastifyInstance, live: LiveState, startPosition: string): Checkpointer {
  const { store } = fastify;
  return new Checkpointer({
    live,
    checkpoints: store.checkpoints,
    position: () => ({ kind: JOURNAL_LOG, position: store.journal.committedThrough() ?? startPosition }),
    ...checkpointOutcomes(fastify),
    now: Date.now,
  });
}
