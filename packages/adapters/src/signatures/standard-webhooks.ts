import { AdapterError } from '../common/errors.js';
import { constantTimeEqual, fromBase64, mismatch, SIGNATURE_OK, toBase64, type HmacFn, type SignatureCheck } from './crypto.js';

export interface StandardWebhookRequest {
  /** `webhook-id` */
  id: string | undefined;
  /** `webhook-timestamp`, unix seconds */
  timestamp: string | undefined;
  /** `webhook-signature`: space-separated `v1,<base64>` entries (several during key rotation) */
  signature: string | undefined;
  /** The raw body, exactly as received. */
  body: string;
}

/**
 * Verifies a Standard Webhooks request: base64 HMAC-SHA256 of `{id}.{timestamp}.{body}` keyed with the
 * base64-decoded secret (`whsec_` prefix optional, padding optional); any `v1` entry may match; the timestamp
 * must be within `toleranceSeconds` (default 300) of `nowMs`.
 */
export function verifyStandardWebhook(
  request: StandardWebhookRequest,
  secret: string,
  hmac: HmacFn,
  nowMs: number,
  toleranceSeconds = 300,
): SignatureCheck {
  const key = fromBase64(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret);
  if (!key || key.length === 0) throw new AdapterError('standard-webhooks', 'secret', 'the signing secret is empty or not base64');
  const { id, timestamp, signature } = request;
  if (!id || !timestamp || !signature) return { ok: false, reason: 'missing' };
  const sentSec = Number(timestamp);
  if (!Number.isInteger(sentSec) || Math.abs(nowMs / 1000 - sentSec) > toleranceSeconds) return { ok: false, reason: 'stale' };
  const expected = toBase64(hmac('sha256', key, `${id}.${timestamp}.${request.body}`));
  const matches = signature.split(' ').some((entry) => {
    const [version, value] = entry.split(',', 2);
    return version === 'v1' && value !== undefined && constantTimeEqual(value, expected);
  });
  return matches ? SIGNATURE_OK : mismatch();
}
