import fp from 'fastify-plugin';
import alertMutes from './alert-mutes.js';
import alertRoutes from './alert-routes.js';
import alertHistoryRoutes from './alert-history-routes.js';
import silenceRoutes from './silence-routes.js';

/** The alert lifecycle after acknowledge: assign, resolve, comment, snooze; history, MTTA/MTTR; silences. */
export default fp(
  async (fastify) => {
    await fastify.register(alertMutes);
    await fastify.register(alertRoutes);
    await fastify.register(alertHistoryRoutes);
    await fastify.register(silenceRoutes);
  },
  { name: 'alert-lifecycle', dependencies: ['store', 'live', 'access', 'tenancy', 'push'] },
);
