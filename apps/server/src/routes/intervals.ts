import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorBody, INTERVAL_RANGE_MAX_DAYS, IntervalList, IntervalQuery } from '@plancia/contracts';
import { configReachOf, forbidden } from '../config-api/scoped.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A queue's closed intervals as the store keeps them: a board opened mid-day draws its history from here instead of
 * starting empty. Read-only; the engine writes intervals as they close. Only queues in the caller's reach.
 */
export default async function intervalRoutes(app: FastifyInstance) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  fastify.get('/api/v1/intervals', {
    onRequest: fastify.requireRole('view'),
    schema: {
      summary: 'Closed intervals of one queue',
      querystring: IntervalQuery,
      response: { 200: IntervalList, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
    },
  }, async (request, reply) => {
    // The history of a queue outside the caller's scope is refused, not answered empty: an empty list would pass for a quiet queue.
    const reach = await configReachOf(fastify, request);
    if (!reach.hasQueue(request.query.queue)) return forbidden(reply, 'queue: outside your scope');
    const toMs = request.query.to === undefined ? Date.now() : Date.parse(request.query.to);
    const fromMs = request.query.from === undefined ? toMs - DAY_MS : Date.parse(request.query.from);
    if (!(fromMs < toMs) || toMs - fromMs > INTERVAL_RANGE_MAX_DAYS * DAY_MS) {
      return reply.code(400).send({ error: 'invalid_range', message: `from must be before to, at most ${INTERVAL_RANGE_MAX_DAYS} days apart` });
    }
    return { intervals: await fastify.store.intervals.list(request.query.queue, fromMs, toMs) };
  });
}
