import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, INGEST_LIMITS, IngestAccepted } from '@plancia/contracts';
import { EVENT_MEDIA_TYPES, parsePayload, type EventMediaType } from '../ingest/payload.js';
import { EventPayloadSchema } from '../schemas/events.js';
import type { IngestResult } from '../ingest/ingest-service.js';

function sendIngestResult(reply: FastifyReply, result: IngestResult) {
  if (!result.ok) return reply.code(400).send({ error: result.error, message: 'The batch has invalid events; none was accepted', details: result.details });
  return reply.code(202).send({ accepted: result.accepted, duplicates: result.duplicates });
}

/** Parses a raw ingest body by its media type and sends it down the ingest path; the same for every HTTP transport. */
export async function ingestRequest(fastify: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
  const mediaType = mediaTypeOf(request.headers['content-type']);
  if (mediaType === undefined || !Buffer.isBuffer(request.body)) {
    return reply.code(415).send({ error: 'unsupported_media_type', message: `Send one of ${Object.keys(EVENT_MEDIA_TYPES).join(', ')}` });
  }
  const payload = parsePayload(request.body.toString('utf8'), mediaType);
  if (!payload.ok) return reply.code(payload.status).send({ error: payload.error, message: payload.message });
  return sendIngestResult(reply, await fastify.ingest.ingest(payload.values));
}

export const ingestResponses = {
  202: IngestAccepted, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 413: ErrorBody, 415: ErrorBody, 503: ErrorBody,
};

/**
 * Keeps ingest bodies as raw bytes: the ingest service parses and validates them itself (one path for every
 * transport) and webhook signatures are computed over the exact bytes received.
 */
export function acceptRawEventBodies(fastify: FastifyInstance) {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(Object.keys(EVENT_MEDIA_TYPES), { parseAs: 'buffer', bodyLimit: INGEST_LIMITS.maxBytes }, (_request, body, done) => done(null, body));
}

export function mediaTypeOf(header: string | undefined): EventMediaType | undefined {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type !== undefined && Object.hasOwn(EVENT_MEDIA_TYPES, type) ? (type as EventMediaType) : undefined;
}

/** The body was parsed by the raw parser above; TypeBox here documents it in OpenAPI, validation is the service's. */
export const documentOnly = () => () => true;

export default async function eventsRoutes(app: FastifyInstance) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  acceptRawEventBodies(fastify);
  fastify.post('/api/v1/events', {
    bodyLimit: INGEST_LIMITS.maxBytes,
    preHandler: fastify.requireRole('ingest'),
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
