import type { FastifyInstance } from 'fastify';
import { verifyZendeskSignature, ZendeskTicketMapper } from '@plancia/adapters';
import { deliver, deliveryResponses, header, hmac, refuseSignature } from './delivery.js';

/** Zendesk ticket event webhooks, signed (HMAC-SHA256 of timestamp + body); a timestamp over 5 minutes off is a replay. */
export function zendeskRoute(fastify: FastifyInstance, signingSecret: string) {
  const telemetry = fastify.adapterTelemetry('zendesk', 'webhook');
  fastify.post('/api/v1/adapters/zendesk', {
    schema: { summary: 'Zendesk ticket event webhook', description: 'JSON, signed with X-Zendesk-Webhook-Signature and its timestamp header.', response: deliveryResponses },
  }, async (request, reply) => {
    const body = request.body as string;
    const signature = header(request, 'x-zendesk-webhook-signature');
    const timestamp = header(request, 'x-zendesk-webhook-signature-timestamp');
    const check = verifyZendeskSignature({ body, signature, timestamp }, signingSecret, hmac, { nowMs: Date.now() });
    if (!check.ok) return refuseSignature(reply, telemetry, `X-Zendesk-Webhook-Signature ${check.reason}`);
    return deliver(fastify, reply, telemetry, () => {
      const payload = JSON.parse(body) as Record<string, unknown>;
      const account = payload.account_id === undefined ? 'account' : String(payload.account_id);
      return new ZendeskTicketMapper({ source: `zendesk:${account}` }).map(payload);
    });
  });
}
