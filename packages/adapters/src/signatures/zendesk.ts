import { constantTimeEqual, mismatch, SIGNATURE_OK, toBase64, type HmacFn, type SignatureCheck } from './crypto.js';

export interface ZendeskRequest {
  /** The raw request body, exactly as received. */
  body: string;
  /** `X-Zendesk-Webhook-Signature`. */
  signature: string | undefined;
  /** `X-Zendesk-Webhook-Signature-Timestamp`, e.g. `2026-03-02T09:00:00Z`. */
  timestamp: string | undefined;
}

export interface ZendeskCheckOptions {
  /** The receiving clock; with it, a timestamp further than `toleranceSeconds` away is refused as a replay. */
  nowMs?: number;
  toleranceSeconds?: number;
}

/** Verifies a Zendesk webhook: base64 HMAC-SHA256 (signing secret) of timestamp + body. */
export function verifyZendeskSignature(
  request: ZendeskRequest,
  signingSecret: string,
  hmac: HmacFn,
  options: ZendeskCheckOptions = {},
): SignatureCheck {
  const { signature, timestamp } = request;
  if (!signature || !timestamp) return { ok: false, reason: 'missing' };
  const expected = toBase64(hmac('sha256', signingSecret, timestamp + request.body));
  if (!constantTimeEqual(expected, signature)) return mismatch();
  if (options.nowMs !== undefined) {
    const sentMs = Date.parse(timestamp);
    const tolerance = (options.toleranceSeconds ?? 300) * 1000;
    if (Number.isNaN(sentMs) || Math.abs(options.nowMs - sentMs) > tolerance) return { ok: false, reason: 'stale' };
  }
  return SIGNATURE_OK;
}
