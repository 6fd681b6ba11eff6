import { createHmac, timingSafeEqual } from 'node:crypto';

/** Standard Webhooks: senders may be this far from our clock before a delivery counts as a replay. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

export interface WebhookHeaders {
  id: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
}

export type WebhookVerdict = { ok: true } | { ok: false; reason: 'missing_headers' | 'bad_timestamp' | 'stale_timestamp' | 'bad_signature' };

/** Decodes `whsec_<base64>` (prefix and padding optional, as the reference libraries accept). */
export function decodeSecret(secret: string): Buffer {
  const base64 = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret;
  const key = Buffer.from(base64, 'base64');
  if (key.length === 0) throw new Error('A webhook secret must not be empty');
  return key;
}

export function sign(key: Buffer, id: string, timestamp: string, payload: Buffer | string): string {
  return createHmac('sha256', key).update(`${id}.${timestamp}.`).update(payload).digest('base64');
}

/** Verifies a delivery against every secret (rotation) and every `v1,` signature listed, in constant time. */
export function createWebhookVerifier(secrets: readonly string[]) {
  const keys = secrets.map(decodeSecret);
  return function verify(headers: WebhookHeaders, rawBody: Buffer | string, nowSeconds: number): WebhookVerdict {
    const { id, timestamp, signature } = headers;
    if (!id || !timestamp || !signature) return { ok: false, reason: 'missing_headers' };
    if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'bad_timestamp' };
    if (Math.abs(nowSeconds - Number(timestamp)) > WEBHOOK_TOLERANCE_SECONDS) return { ok: false, reason: 'stale_timestamp' };
    const offered = signature
      .split(' ')
      .filter((entry) => entry.startsWith('v1,'))
      .map((entry) => Buffer.from(entry.slice(3), 'base64'));
    const matches = keys.some((key) => {
      const expected = Buffer.from(sign(key, id, timestamp, rawBody), 'base64');
      return offered.some((candidate) => candidate.length === expected.length && timingSafeEqual(candidate, expected));
    });
    return matches ? { ok: true } : { ok: false, reason: 'bad_signature' };
  };
}
