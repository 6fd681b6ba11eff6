import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { RejectedDataError, StorageUnavailableError } from '@plancia/store';

/** Seconds a producer should wait before retrying while the database is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
};

export function storageUnavailable(reply: FastifyReply) {
  return reply
    .code(503)
    .header('retry-after', String(RETRY_AFTER_SECONDS))
    .send({ error: 'storage_unavailable', message: 'The event journal is unreachable; retry later' });
}

/**
 * Maps every error to a JSON body with a machine-readable code. Anything a client sent ends in a 4xx;
 * only our own faults are a 500, and their details stay in the log.
 */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof StorageUnavailableError) {
    request.log.warn({ err: error }, 'storage unavailable');
    return storageUnavailable(reply);
  }
  if (error instanceof RejectedDataError) {
    return reply.code(400).send({ error: 'rejected_data', message: error.message });
  }
  if (error.validation) {
    const details = error.validation.map((v) => ({ path: v.instancePath || '/', message: v.message ?? 'invalid' }));
    return reply.code(400).send({ error: 'invalid_request', message: error.message, details });
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return reply.code(status).send({ error: CODES[status] ?? 'client_error', message: error.message });
  }
  request.log.error({ err: error }, 'request failed');
  return reply.code(500).send({ error: 'internal_error', message: 'Internal server error' });
}
