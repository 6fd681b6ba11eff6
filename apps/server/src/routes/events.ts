import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { INGEST_LIMITS } from '@plancia/contracts';
import { acceptRawEventBodies, documentOnly, ingestRequest, ingestResponses } from '../ingest/http-ingest.js';
import { EVENT_MEDIA_TYPES } from '../ingest/payload.js';
import { EventPayloadSchema } from '../schemas/events.js';

export default async function eventsRoutes(app: FastifyInstance) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  acceptRawEventBodies(fastify);
  fastify.post('/api/v1/events', {
    bodyLimit: INGEST_LIMITS.maxBytes,
    onRequest: [fastify.requireRole('ingest'), fastify.guardIngestBody],
    validatorCompiler: documentOnly,
    schema: {
      summary: 'Send events',
      description: 'One CloudEvent, an array of them, or NDJSON; answered only after the durable commit.',
      consumes: Object.keys(EVENT_MEDIA_TYPES),
      body: EventPayloadSchema,
      headers: Type.Object({ authorization: Type.Optional(Type.String({ description: 'Bearer <PLANCIA_INGEST_TOKENS entry>' })) }),
      response: ingestResponses,
    },
  }, (request, reply) => ingestRequest(fastify, request, reply));
}
