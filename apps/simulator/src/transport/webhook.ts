import { createHmac } from 'node:crypto';
import type { PlanciaEvent } from '@plancia/contracts';
import { DEFAULT_RETRY, post, readDelivery, withRetries, type Delivery, type RetryPolicy, type Transport } from './transport.js';

export interface WebhookTransportOptions {
  target: string;
  /** Standard Webhooks secret, `whsec_<base64 key>`. */
  secret: string;
  token?: string;
  /** Deliveries in flight at once. */
  concurrency?: number;
  retry?: RetryPolicy;
}

export function decodeWebhookSecret(secret: string): Buffer {
  const key = Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
  if (key.length === 0) throw new Error('webhook-secret must be a whsec_ followed by a base64 key');
  return key;
}

/** Standard Webhooks headers for one delivery: HMAC-SHA256 of `id.timestamp.body`, base64, as `v1,<sig>`. */
export function signWebhook(key: Buffer, id: string, timestampSeconds: number, body: string): Record<string, string> {
  const signature = createHmac('sha256', key).update(`${id}.${timestampSeconds}.${body}`).digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': String(timestampSeconds), 'webhook-signature': `v1,${signature}` };
}

/** One signed request per event to `POST /api/v1/webhooks/events`, as a phone system's webhooks would. */
export function webhookTransport(options: WebhookTransportOptions): Transport {
  const url = new URL('/api/v1/webhooks/events', options.target).toString();
  const key = decodeWebhookSecret(options.secret);
  const concurrency = options.concurrency ?? 16;

  const deliver = (event: PlanciaEvent): Promise<Delivery> => {
    const body = JSON.stringify(event);
    // Signed again at each attempt: a retry after minutes must not carry a stale timestamp.
    return withRetries(options.retry ?? DEFAULT_RETRY, async () => {
      const headers = {
        'content-type': 'application/cloudevents+json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...signWebhook(key, event.id, Math.floor(Date.now() / 1000), body),
      };
      return readDelivery(await post(url, { method: 'POST', headers, body }), 1);
    });
  };

  return {
    async send(events: readonly PlanciaEvent[], inOrder = false): Promise<Delivery> {
      const total = { accepted: 0, duplicates: 0 };
      let next = 0;
      const worker = async () => {
        while (next < events.length) {
          const result = await deliver(events[next++]!);
          total.accepted += result.accepted;
          total.duplicates += result.duplicates;
        }
      };
      await Promise.all(Array.from({ length: inOrder ? 1 : Math.min(concurrency, events.length) }, worker));
      return total;
    },
    async close() {},
  };
}
