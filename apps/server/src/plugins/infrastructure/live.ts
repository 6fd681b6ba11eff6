import fp from 'fastify-plugin';
import type { Store } from '@plancia/store';
import { createEngine, type PlanciaEngine } from '@plancia/engine';
import { LiveState } from '../../live/live-state.js';
import { describeRefusal, loadEngineConfig } from '../../config-api/engine-config.js';

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
async function settleReplay(engine: PlanciaEngine, store: Store): Promise<void> {
  const now = Date.now();
  engine.tick(now);
  engine.drainDelta(now);
  for (const event of engine.drainAlertEvents()) await store.alerts.record(event);
  const intervals = engine.drainClosedIntervals();
  if (intervals.length > 0) await store.intervals.save(intervals);
}

/**
 * Builds the engine from the stored configuration and replays the journal over the longest window the engine
 * keeps, in chunks, before the server reports ready; then starts the ticker.
 */
export default fp(
  async (fastify) => {
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
    await settleReplay(engine, store);
    const live = new LiveState(engine, {
      recordAlert: (event) => store.alerts.record(event),
      saveIntervals: (intervals) => store.intervals.save(intervals),
      onError: (error, what) => log.error({ err: error }, `live state: failed ${what}`),
    });
    fastify.decorate('live', live);
    live.start(config.tickMs);
    fastify.addHook('onClose', () => live.stop());
    log.info({ from: new Date(fromMs).toISOString(), events: replayed, ms: Date.now() - startedAt }, 'journal replayed');
  },
  { name: 'live', dependencies: ['config', 'store', 'entity-caps'] },
);
