import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Broadcast, BroadcastList, BroadcastRequest, ErrorBody } from '@plancia/contracts';
import { principalOf } from '../tenancy/tenancy-plugin.js';

/**
 * The control room's messages to the boards: a supervisor sends one to the boards in its scope (or some of its
 * queues) until an expiry at most 24 hours ahead, and may withdraw it. The boards receive both over their socket.
 */
const ERROR_CODES = { 400: 'invalid_request', 403: 'forbidden', 404: 'not_found', 409: 'conflict' } as const;

export default async function broadcastRoutes(app: FastifyInstance) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  const senderOf = (request: Parameters<typeof principalOf>[0]) => {
    const audience = fastify.audienceOf(principalOf(request));
    return { principal: audience.principal, reach: audience.reach };
  };

  fastify.get('/api/v1/broadcasts', {
    onRequest: fastify.requireRole('view'),
    schema: {
      summary: 'Active broadcasts the caller\'s board shows',
      description: 'Oldest first; neither expired nor withdrawn. A board receives the same list over socket.io (`broadcasts`) after each `subscribe`.',
      response: { 200: BroadcastList, 401: ErrorBody, 403: ErrorBody },
    },
  }, async (request) => ({ broadcasts: fastify.broadcasts.visibleTo(senderOf(request)) }));

  fastify.post('/api/v1/broadcasts', {
    onRequest: fastify.requireRole('acknowledge'),
    schema: {
      summary: 'Send a broadcast to the boards',
      description: 'Supervisors and administrators. Without `queueIds` it goes to the sender\'s scope (every board of its tenant when unscoped); a queue outside the sender\'s scope is 403. `expiresAt` must be in the future and at most 24 hours ahead. Pushed at once to every board that shows it.',
      body: BroadcastRequest,
      response: { 201: Broadcast, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody },
    },
  }, async (request, reply) => {
    const sent = await fastify.broadcasts.send(senderOf(request), request.body);
    if (!sent.ok) return reply.code(sent.status).send({ error: ERROR_CODES[sent.status], message: sent.message });
    return reply.code(201).send(sent.broadcast);
  });

  fastify.delete('/api/v1/broadcasts/:id', {
    onRequest: fastify.requireRole('acknowledge'),
    schema: {
      summary: 'Withdraw a broadcast before its expiry',
      description: 'Only one who could have sent it (every board it goes to is in the caller\'s scope). The boards drop it at once.',
      params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
      response: { 204: { type: 'null' }, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
  }, async (request, reply) => {
    const withdrawn = await fastify.broadcasts.withdraw(senderOf(request), request.params.id);
    if (!withdrawn.ok) return reply.code(withdrawn.status).send({ error: ERROR_CODES[withdrawn.status], message: withdrawn.message });
    return reply.code(204).send();
  });
}
