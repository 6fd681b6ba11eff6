import type { FastifyInstance } from 'fastify';
import { AmazonConnectMapper } from '@plancia/adapters';
import { offeredToken, tokenMatches } from '../../plugins/app/access-policy.js';
import { deliver, deliveryResponses, refuseSignature } from './delivery.js';

const SOURCE = 'amazon-connect';

/**
 * Amazon Connect agent event stream records and contact events, one or an array, as a Kinesis or EventBridge
 * forwarder posts them with `Authorization: Bearer <PLANCIA_CONNECT_TOKENS entry>`.
 */
export function connectRoute(fastify: FastifyInstance, tokens: string[]) {
  const telemetry = fastify.adapterTelemetry(SOURCE, 'webhook');
  const mapper = new AmazonConnectMapper({ source: SOURCE, statuses: fastify.config.adapters.connectStatuses });
  fastify.post('/api/v1/adapters/amazon-connect', {
    schema: { summary: 'Amazon Connect agent and contact events', description: 'JSON: one record or event, or an array; EventBridge envelope or bare detail.', response: deliveryResponses },
  }, async (request, reply) => {
    const token = offeredToken(request);
    if (token === undefined || !tokenMatches(token, tokens)) return refuseSignature(reply, telemetry, 'a valid bearer token is required');
    return deliver(fastify, reply, telemetry, () => mapper.map(JSON.parse(request.body as string), Date.now()));
  });
}
