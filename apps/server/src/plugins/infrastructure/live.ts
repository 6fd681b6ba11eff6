import fp from 'fastify-plugin';
import { DEFAULT_CALENDAR, DEFAULT_SETTINGS } from '@plancia/contracts';
import type { Store } from '@plancia/store';
import { createEngine, type EngineConfig, type PlanciaEngine } from '@plancia/engine';
import { LiveState } from '../../live/live-state.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The live state; see LiveState for the API the push layer subscribes to. */
    live: LiveState;
  }
}

const REPLAY_CHUNK = 5_000;

async function loadEngineConfig(store: Store): Promise<EngineConfig> {
  const [settings, queues, calendars, alertRules, agents] = await Promise.all([
    store.config.getSettings(), store.config.listQueues(), store.config.listCalendars(),
    store.config.listAlertRules(), store.config.listAgents(),
  ]);
  const values = <T>(rows: { value: T }[]) => rows.map((row) => row.value);
  const stored = values(calendars);
  return {
    // A fresh database has no settings and no calendars yet: queues fall back to the defaults' calendar.
    settings: settings ?? DEFAULT_SETTINGS,
    queues: values(queues),
    calendars: stored.some((c) => c.id === DEFAULT_CALENDAR.id) ? stored : [DEFAULT_CALENDAR, ...stored],
    alertRules: values(alertRules),
    agents: values(agents),
  };
}

/**
 * Alert transitions the replay re-enacts were recorded when they first happened: they are dropped, not recorded twice.
 * Closed intervals are saved again (the store upserts them), so those that closed while the server was down are kept.
 */
async function settleReplay(engine: PlanciaEngine, store: Store): Promise<void> {
  const now = Date.now();
  engine.tick(now);
  engine.drainDelta(now);
  engine.drainAlertEvents();
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
    const engine = createEngine(await loadEngineConfig(store), startedAt);
    const fromMs = engine.replayFrom(startedAt);
    let replayed = 0;
    await store.journal.readSince(fromMs, (events) => {
      engine.apply(events, Date.now());
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
  { name: 'live', dependencies: ['config', 'store'] },
);
