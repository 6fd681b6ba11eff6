import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorBody, Snapshot } from '@plancia/contracts';
import { cutToAgentPage } from '../push/room-agent-page.js';
import { ViewQuery, refuseHalfAgentPage, viewFromQuery } from '../push/view-request.js';
import { principalOf } from '../tenancy/tenancy-plugin.js';

/**
 * The whole board (or a view of it) as one document, as the caller may see it: the same snapshot a socket client
 * gets first (an agent page cut as its room cuts it). A view outside the caller's scope is 403, not an empty board.
 */
export default async function snapshotRoutes(app: FastifyInstance) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  fastify.get('/api/v1/snapshot', {
    onRequest: fastify.requireRole('view'),
    preHandler: [refuseHalfAgentPage, fastify.refuseOutsideScope],
    schema: { summary: 'Current state', querystring: ViewQuery, response: { 200: Snapshot, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody } },
  }, async (request) => {
    const view = viewFromQuery(request.query);
    const audience = fastify.audienceOf(principalOf(request));
    fastify.noteNamedView(audience, view, 'snapshot');
    const { agentPage: _cutBelow, ...engineView } = view;
    return cutToAgentPage(view, audience.snapshot(fastify.live.snapshot(engineView)));
  });
}
