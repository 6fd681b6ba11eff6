import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AcknowledgeRequest, AlertEvent, ErrorBody } from '@plancia/contracts';
import { principalOf } from '../tenancy/tenancy-plugin.js';
import { acknowledgeAs } from './acknowledge.js';

/** `POST /api/v1/alerts/{id}/acknowledge`: the same acknowledgement a board sends over its socket. */
export default async function acknowledgeRoute(app: FastifyInstance) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  fastify.post('/api/v1/alerts/:id/acknowledge', {
    onRequest: fastify.requireRole('acknowledge'),
    schema: {
      summary: 'Acknowledge an active alert',
      description: 'Every connected board receives the acknowledged alert at once. Once users exist, only a supervisor or administrator (or an administrator token) may acknowledge; a signed-in user acknowledges under their own name and a token under its name: `by` counts only while the installation has no account. An alert outside the caller\'s scope is as unknown as one that is not open.',
      params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) }),
      body: Type.Union([AcknowledgeRequest, Type.Null()]),
      response: { 200: AlertEvent, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
  }, async (request, reply) => {
    const { id } = request.params;
    const event = await acknowledgeAs(fastify, principalOf(request), id, request.body?.note ?? null, request.body?.by);
    if (!event) return reply.code(404).send({ error: 'not_found', message: `id: no active alert ${id}` });
    return event;
  });
}
