import { createHash, createHmac } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AdapterError, type HmacFn, type Sha256Fn } from '@plancia/adapters';
import { ErrorBody, IngestAccepted, type PlanciaEvent } from '@plancia/contracts';
import { StorageUnavailableError } from '@plancia/store';
import type { SourceTelemetry } from '../telemetry.js';

/** The crypto the pure signature verifiers are given. */
export const hmac: HmacFn = (algorithm, key, data) => createHmac(algorithm, key).update(data).digest();
export const sha256: Sha256Fn = (data) => createHash('sha256').update(data).digest();

export const deliveryResponses = { 200: IngestAccepted, 400: ErrorBody, 401: ErrorBody, 413: ErrorBody, 415: ErrorBody, 503: ErrorBody };

export function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function refuseSignature(reply: FastifyReply, telemetry: SourceTelemetry, reason: string) {
  telemetry.signatureFailed();
  return reply.code(401).send({ error: 'unauthorized', message: `Delivery refused: ${reason}` });
}

/**
 * Maps one vendor delivery and sends it down the ingest path; answers only after the commit, so a 200 means
 * stored and any other answer makes the vendor retry (503) or tells it why the delivery can never be taken (400).
 */
export async function deliver(fastify: FastifyInstance, reply: FastifyReply, telemetry: SourceTelemetry, map: () => PlanciaEvent[]) {
  let events: PlanciaEvent[];
  try {
    events = map();
  } catch (error) {
    if (!(error instanceof AdapterError) && !(error instanceof SyntaxError)) throw error;
    telemetry.rejected();
    const field = error instanceof AdapterError ? error.field : '';
    return reply.code(400).send({ error: 'unmappable', message: error.message, details: [{ path: field, message: error.message }] });
  }
  if (events.length === 0) {
    telemetry.ignored();
    return reply.code(200).send({ accepted: 0, duplicates: 0 });
  }
  try {
    const result = await fastify.ingest.ingest(events);
    if (!result.ok) {
      telemetry.rejected();
      return reply.code(400).send({ error: result.error, message: 'The mapped events are invalid; none was accepted', details: result.details });
    }
    telemetry.mapped(events.length);
    telemetry.heard(Date.now());
    return reply.code(200).send({ accepted: result.accepted, duplicates: result.duplicates });
  } catch (error) {
    if (!(error instanceof StorageUnavailableError)) throw error;
    return reply.code(503).send({ error: 'storage_unavailable', message: 'The journal is unavailable; retry later' });
  }
}
