import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AcknowledgeRequest, AlertEvent, ErrorBody } from '@plancia/contracts';

/** `POST /api/v1/alerts/{id}/acknowledge`: the same acknowledgement a board sends over its socket. */
export default async function acknowledgeRoute(app: FastifyInstance) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  fastify.post('/api/v1/alerts/:id/acknowledge', {
    preHandler: fastify.requireRole('view'),
    schema: {
      summary: 'Acknowledge an active alert',
      description: 'Every connected board receives the acknowledged alert at once.',
      params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) }),
      body: Type.Union([AcknowledgeRequest, Type.Null()]),
      response: { 200: AlertEvent, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody },
    },
  }, async (request, reply) => {
    const { id } = request.params;
    const event = await fastify.live.acknowledgeAlert(id, request.body?.by ?? 'supervisor', request.body?.note ?? null);
    if (!event) return reply.code(404).send({ error: 'not_found', message: `id: no active alert ${id}` });
    return event;
  });
}
