import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { INGEST_LIMITS } from '@plancia/contracts';
import { acceptRawEventBodies, documentOnly, ingestRequest, ingestResponses } from '../ingest/http-ingest.js';
import { createWebhookVerifier } from '../ingest/webhook-signature.js';
import { EventPayloadSchema } from '../schemas/events.js';

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Signed deliveries (Standard Webhooks); the signature is the credential, checked on the raw bytes. */
export default async function webhookRoutes(app: FastifyInstance) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  const { webhookSecrets } = fastify.config;
  if (webhookSecrets.length === 0) {
    fastify.log.info('PLANCIA_WEBHOOK_SECRETS is not set: POST /api/v1/webhooks/events is off');
    return;
  }
  const verify = createWebhookVerifier(webhookSecrets);
  acceptRawEventBodies(fastify);
  fastify.post('/api/v1/webhooks/events', {
    bodyLimit: INGEST_LIMITS.maxBytes,
    // The signature covers the body, so it cannot be checked first: the body is bounded in size, time and number.
    onRequest: fastify.guardIngestBody,
    validatorCompiler: documentOnly,
    schema: {
      summary: 'Send events as signed webhooks',
      description: 'The payloads of POST /api/v1/events, signed per Standard Webhooks (v1, HMAC-SHA256, ±5 minutes).',
      headers: Type.Object({
        'webhook-id': Type.String(),
        'webhook-timestamp': Type.String({ description: 'unix seconds' }),
        'webhook-signature': Type.String({ description: 'space-separated v1,<base64> signatures' }),
      }),
      body: EventPayloadSchema,
      response: ingestResponses,
    },
  }, async (request, reply) => {
    if (!Buffer.isBuffer(request.body)) return ingestRequest(fastify, request, reply);
    const verdict = verify({
      id: header(request.headers['webhook-id']),
      timestamp: header(request.headers['webhook-timestamp']),
      signature: header(request.headers['webhook-signature']),
    }, request.body, Math.floor(Date.now() / 1000));
    if (!verdict.ok) return reply.code(401).send({ error: 'unauthorized', message: `Webhook signature refused: ${verdict.reason}` });
    return ingestRequest(fastify, request, reply);
  });
}
