import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';

/**
 * Per-client rate limiting (@fastify/rate-limit), by the client address the server sees (behind a reverse proxy,
 * the proxy's). Nothing is limited unless a route or door asks: the login route and the bearer-token ingest doors.
 */
export default fp(
  async (fastify) => {
    await fastify.register(rateLimit, { global: false, timeWindow: 60_000, keyGenerator: (request) => request.ip });
  },
  { name: 'rate-limits' },
);
