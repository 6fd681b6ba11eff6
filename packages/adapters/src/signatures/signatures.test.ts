import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fixtureText } from '../../test-support/fixtures.js';
import type { HmacFn, Sha256Fn } from './crypto.js';
import { verifyTwilioSignature } from './twilio.js';
import { verifyZendeskSignature } from './zendesk.js';

const hmac: HmacFn = (algorithm, key, data) => createHmac(algorithm, key).update(data).digest();
const sha256: Sha256Fn = (data) => createHash('sha256').update(data).digest();

interface TwilioVector {
  name: string;
  kind: 'form' | 'body';
  auth_token: string;
  request_url: string;
  params?: Record<string, string | string[]>;
  body?: string;
  expected_signature: string;
  expect_valid: boolean;
}

describe('verifyTwilioSignature', () => {
  const { vectors } = JSON.parse(fixtureText('vendor/twilio-taskrouter/signature-vectors.json')) as { vectors: TwilioVector[] };

  it.each(vectors.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const request = { url: v.request_url, signature: v.expected_signature, ...(v.kind === 'form' ? { params: v.params } : { body: v.body }) };
    expect(verifyTwilioSignature(request, v.auth_token, { hmac, sha256 }).ok).toBe(v.expect_valid);
  });

  it('refuses a missing header, a tampered parameter and a tampered JSON body', () => {
    const [basic] = vectors;
    const base = { url: basic!.request_url, params: basic!.params };
    expect(verifyTwilioSignature({ ...base, signature: undefined }, '12345', { hmac, sha256 })).toEqual({ ok: false, reason: 'missing' });
    const tampered = { ...base, params: { ...basic!.params, Digits: '9999' }, signature: basic!.expected_signature };
    expect(verifyTwilioSignature(tampered, '12345', { hmac, sha256 }).ok).toBe(false);
    const json = vectors.find((v) => v.name === 'json_body_with_bodySHA256')!;
    const forged = { url: json.request_url, body: json.body!.replace('value', 'other'), signature: json.expected_signature };
    expect(verifyTwilioSignature(forged, '12345', { hmac, sha256 }).ok).toBe(false);
  });
});

describe('verifyZendeskSignature', () => {
  const secret = 'dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==';
  const body = '{"type":"zen:event-type:ticket.created","detail":{"id":"35436"}}';
  const timestamp = '2026-03-02T09:00:00Z';
  const signature = createHmac('sha256', secret).update(timestamp + body).digest('base64');

  it('accepts base64 HMAC-SHA256 of timestamp + body and refuses any change', () => {
    expect(verifyZendeskSignature({ body, signature, timestamp }, secret, hmac)).toEqual({ ok: true });
    expect(verifyZendeskSignature({ body: body + ' ', signature, timestamp }, secret, hmac).ok).toBe(false);
    expect(verifyZendeskSignature({ body, signature, timestamp: '2026-03-02T09:00:01Z' }, secret, hmac).ok).toBe(false);
    expect(verifyZendeskSignature({ body, signature: undefined, timestamp }, secret, hmac)).toEqual({ ok: false, reason: 'missing' });
  });

  it('refuses a replay outside the tolerance when given the clock', () => {
    const sent = Date.parse(timestamp);
    expect(verifyZendeskSignature({ body, signature, timestamp }, secret, hmac, { nowMs: sent + 299_000 }).ok).toBe(true);
    expect(verifyZendeskSignature({ body, signature, timestamp }, secret, hmac, { nowMs: sent + 301_000 })).toEqual({ ok: false, reason: 'stale' });
  });
});
