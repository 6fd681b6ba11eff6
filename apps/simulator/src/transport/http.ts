import type { PlanciaEvent } from '@plancia/contracts';
import { DEFAULT_RETRY, post, readDelivery, withRetries, type Delivery, type RetryPolicy, type Transport } from './transport.js';

export interface HttpTransportOptions {
  target: string;
  token?: string;
  /** NDJSON (one event a line) or a JSON array. */
  format?: 'ndjson' | 'json';
  retry?: RetryPolicy;
}

/** Batches to `POST /api/v1/events`. */
export function httpTransport(options: HttpTransportOptions): Transport {
  const url = new URL('/api/v1/events', options.target).toString();
  const ndjson = (options.format ?? 'ndjson') === 'ndjson';
  const headers: Record<string, string> = {
    'content-type': ndjson ? 'application/x-ndjson' : 'application/json',
    ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
  };
  return {
    async send(events: readonly PlanciaEvent[]): Promise<Delivery> {
      const body = ndjson ? events.map((e) => JSON.stringify(e)).join('\n') + '\n' : JSON.stringify(events);
      return withRetries(options.retry ?? DEFAULT_RETRY, async () =>
        readDelivery(await post(url, { method: 'POST', headers, body }), events.length));
    },
    async close() {},
  };
}
