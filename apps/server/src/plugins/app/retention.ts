import fp from 'fastify-plugin';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Purges journal rows older than PLANCIA_RETENTION_DAYS, callers' numbers kept for callbacks once they expire
 * (PLANCIA_CALLBACK_RETENTION_HOURS), and callback worklist entries closed more than
 * PLANCIA_CALLBACK_CLOSED_RETENTION_DAYS ago, at start and every hour (storage limitation). A reveal never shows an
 * expired number in between.
 */
export default fp(
  async (fastify) => {
    const { store, config, log } = fastify;
    const purgeJournal = async () => {
      const cutoffMs = Date.now() - config.retentionDays * DAY_MS;
      try {
        const purged = await store.journal.purgeOlderThan(cutoffMs);
        log.info({ cutoff: new Date(cutoffMs).toISOString(), purged }, 'journal retention');
      } catch (error) {
        log.error({ err: error }, 'journal retention failed; retrying in an hour');
      }
    };
    const purgeCallbacks = async () => {
      try {
        const purged = await store.callers.purgeExpiredCallbacks(Date.now());
        log.info({ purged }, 'callback number retention');
      } catch (error) {
        log.error({ err: error }, 'callback number retention failed; retrying in an hour');
      }
    };
    const purgeClosedCallbacks = async () => {
      const cutoffMs = Date.now() - config.callers.closedCallbackRetentionDays * DAY_MS;
      try {
        const purged = await store.callbacks.purgeClosedBefore(cutoffMs);
        log.info({ cutoff: new Date(cutoffMs).toISOString(), purged }, 'closed callback retention');
      } catch (error) {
        log.error({ err: error }, 'closed callback retention failed; retrying in an hour');
      }
    };
    const purge = async () => {
      await purgeJournal();
      await purgeCallbacks();
      await purgeClosedCallbacks();
    };
    let running: Promise<void> | undefined;
    const timer = setInterval(() => (running = purge()), HOUR_MS);
    timer.unref();
    fastify.addHook('onReady', async () => {
      running = purge();
    });
    fastify.addHook('onClose', async () => {
      clearInterval(timer);
      await running;
    });
  },
  { name: 'retention', dependencies: ['config', 'store'] },
);
