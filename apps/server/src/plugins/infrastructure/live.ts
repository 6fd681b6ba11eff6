import fp from 'fastify-plugin';
import type { Store } from '@plancia/store';
import { createEngine, type PlanciaEngine } from '@plancia/engine';
import { LiveState } from '../../live/live-state.js';
import type { NotificationDispatcher } from '../../notifications/dispatcher.js';
import { describeRefusal, loadEngineConfig } from '../../config-api/engine-config.js';
import { startClusterLive } from '../../cluster/cluster-start.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The live state; see LiveState for the API the push layer subscribes to. */
    live: LiveState;
  }
}

const REPLAY_CHUNK = 5_000;

/**
 * Alerts open at the last stop were restored before the replay, so what it produces are real transitions: alerts that
 * cleared while the server was down are resolved, conditions that began while it was down are raised; both are
 * recorded. Closed intervals are saved again (the store upserts them), so those that closed while down are kept.
 */
async function settleReplay(engine: PlanciaEngine, store: Store, dispatcher: NotificationDispatcher): Promise<void> {
  const now = Date.now();
  engine.tick(now);
  engine.drainDelta(now);
  // Through the dispatcher: an alert that cleared while the server was down owes its "resolved" message.
  for (const event of engine.drainAlertEvents()) await dispatcher.record(event, now);
  const intervals = engine.drainClosedIntervals();
  if (intervals.length > 0) await store.intervals.save(intervals);
}

/**
 * Builds the engine from the stored configuration and replays the journal over the longest window the engine
 * keeps, in chunks, before the server reports ready; then starts the ticker.
 */
export default fp(
  async (fastify) => {
    // Cluster mode: the engine is a replica of the stream (cluster/cluster-start.ts).
    if (fastify.cluster) return startClusterLive(fastify, fastify.cluster);
    const { store, config, log } = fastify;
    const startedAt = Date.now();
    // What the engine would refuse is left out, and logged naming the entity, the field and how to repair it.
    const engineConfig = await loadEngineConfig(store.config, (refusal) => {
      log.error({ entity: refusal.entity, problems: refusal.problems }, describeRefusal(refusal));
    });
    const engine = createEngine(engineConfig, startedAt);
    engine.restoreAlerts(await store.alerts.active(), await store.alerts.handResolved());
    const fromMs = engine.replayFrom(startedAt);
    let replayed = 0;
    await store.journal.readSince(fromMs, (events) => {
      engine.apply(fastify.entityCaps.admitReplayed(events), Date.now());
      replayed += events.length;
    }, REPLAY_CHUNK);
    const { dispatcher, worker } = fastify.notifications;
    await settleReplay(engine, store, dispatcher);
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
    live.start(config.tickMs);
    fastify.addHook('onClose', () => live.stop());
    log.info({ from: new Date(fromMs).toISOString(), events: replayed, ms: Date.now() - startedAt }, 'journal replayed');
  },
  { name: 'live', dependencies: ['config', 'store', 'entity-caps', 'notifications', 'cluster'] },
);
