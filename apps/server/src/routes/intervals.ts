import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorBody, INTERVAL_RANGE_MAX_DAYS, IntervalList, IntervalQuery } from '@plancia/contracts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A queue's closed intervals as the store keeps them: a board opened mid-day draws its history from here instead of
 * starting empty. Read-only; the engine writes intervals as they close.
 */
export default async function intervalRoutes(app: FastifyInstance) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  fastify.get('/api/v1/intervals', {
    onRequest: fastify.requireRole('view'),
    schema: {
      summary: 'Closed intervals of one queue',
      querystring: IntervalQuery,
      response: { 200: IntervalList, 400: ErrorBody, 401: ErrorBody },
    },
  }, async (request, reply) => {
    const toMs = request.query.to === undefined ? Date.now() : Date.parse(request.query.to);
    const fromMs = request.query.from === undefined ? toMs - DAY_MS : Date.parse(request.query.from);
    if (!(fromMs < toMs) || toMs - fromMs > INTERVAL_RANGE_MAX_DAYS * DAY_MS) {
      return reply.code(400).send({ error: 'invalid_range', message: `from must be before to, at most ${INTERVAL_RANGE_MAX_DAYS} days apart` });
    }
    return { intervals: await fastify.store.intervals.list(request.query.queue, fromMs, toMs) };
  });
}
