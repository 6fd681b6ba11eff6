import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorBody, Snapshot } from '@plancia/contracts';
import { ViewQuery, viewFromQuery } from '../push/view-request.js';

/** The whole board (or a view of it) as one document: the same snapshot a socket client gets first. */
export default async function snapshotRoutes(app: FastifyInstance) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  fastify.get('/api/v1/snapshot', {
    onRequest: fastify.requireRole('view'),
    schema: { summary: 'Current state', querystring: ViewQuery, response: { 200: Snapshot, 400: ErrorBody, 401: ErrorBody } },
  }, async (request) => fastify.live.snapshot(viewFromQuery(request.query)));
}
