import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorBody, INGEST_LIMITS, IngestAccepted } from '@plancia/contracts';
import { EVENT_MEDIA_TYPES, decodeBody, parsePayload, type EventMediaType } from './payload.js';
import type { IngestResult } from './ingest-service.js';

function sendIngestResult(reply: FastifyReply, result: IngestResult) {
  if (!result.ok && result.error !== 'invalid_events') {
    return reply.code(422).send({ error: result.error, message: 'The batch would exceed a configured limit; none was accepted', details: result.details });
  }
  if (!result.ok) return reply.code(400).send({ error: result.error, message: 'The batch has invalid events; none was accepted', details: result.details });
  return reply.code(202).send({ accepted: result.accepted, duplicates: result.duplicates });
}

/** Parses a raw ingest body by its media type and sends it down the ingest path; the same for every HTTP transport. */
export async function ingestRequest(fastify: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
  const mediaType = mediaTypeOf(request.headers['content-type']);
  if (mediaType === undefined || !Buffer.isBuffer(request.body)) {
    return reply.code(415).send({ error: 'unsupported_media_type', message: `Send one of ${Object.keys(EVENT_MEDIA_TYPES).join(', ')}` });
  }
  const decoded = decodeBody(request.body, request.headers['content-type']);
  if (!decoded.ok) return reply.code(decoded.status).send({ error: decoded.error, message: decoded.message });
  const payload = parsePayload(decoded.text, mediaType);
  if (!payload.ok) return reply.code(payload.status).send({ error: payload.error, message: payload.message });
  return sendIngestResult(reply, await fastify.ingest.ingest(payload.values));
}

export const ingestResponses = {
  202: IngestAccepted, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 413: ErrorBody, 415: ErrorBody, 422: ErrorBody, 503: ErrorBody,
};

/**
 * Keeps ingest bodies as raw bytes: the ingest service parses and validates them itself (one path for every
 * transport) and webhook signatures are computed over the exact bytes received.
 */
export function acceptRawEventBodies(fastify: FastifyInstance) {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(Object.keys(EVENT_MEDIA_TYPES), { parseAs: 'buffer', bodyLimit: INGEST_LIMITS.maxBytes }, (_request, body, done) => done(null, body));
}

function mediaTypeOf(header: string | undefined): EventMediaType | undefined {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type !== undefined && Object.hasOwn(EVENT_MEDIA_TYPES, type) ? (type as EventMediaType) : undefined;
}

/** The body was parsed by the raw parser above; TypeBox here documents it in OpenAPI, validation is the service's. */
export const documentOnly = () => () => true;
