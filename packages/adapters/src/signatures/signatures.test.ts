import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fixtureText } from '../../test-support/fixtures.js';
import type { HmacFn, Sha256Fn } from './crypto.js';
import { verifyStandardWebhook } from './standard-webhooks.js';
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

describe('verifyStandardWebhook', () => {
  const vectors = JSON.parse(fixtureText('vendor/standard-webhooks/vectors.json'));
  const [sign] = vectors.sign_vectors;
  const request = (timestamp: number, signature: string, v = sign) =>
    ({ id: v.msg_id, timestamp: String(timestamp), signature, body: v.payload });

  it('verifies every sign vector at its timestamp', () => {
    for (const v of vectors.sign_vectors) {
      expect(verifyStandardWebhook(request(v.timestamp, v.expected_signature, v), v.secret, hmac, v.timestamp * 1000), v.name).toEqual({ ok: true });
    }
  });

  it('refuses every must-not-verify signature', () => {
    const nowSec = 1_800_000_000;
    for (const bad of vectors.must_not_verify) {
      const v = { ...sign, ...bad, timestamp: nowSec };
      const secret = v.secret.startsWith('whsec_') ? v.secret : `whsec_${v.secret}`;
      expect(verifyStandardWebhook(request(nowSec, bad.webhook_signature, v), secret, hmac, nowSec * 1000), bad.name).toEqual({ ok: false, reason: 'mismatch' });
    }
  });

  it('finds the valid signature among decoys', () => {
    const nowSec = 1_800_000_000;
    const valid = `v1,${createHmac('sha256', Buffer.from(sign.secret.slice(6), 'base64')).update(`${sign.msg_id}.${nowSec}.${sign.payload}`).digest('base64')}`;
    const header = vectors.multi_signature_decoys.python_js_go_java_php_ruby_csharp.map((s: string) => (s === '<valid signature>' ? valid : s)).join(' ');
    expect(verifyStandardWebhook(request(nowSec, header, sign), sign.secret, hmac, nowSec * 1000)).toEqual({ ok: true });
  });

  it('accepts unpadded secrets as their padded form', () => {
    for (const c of vectors.unpadded_secret_cases.cases) {
      const signed = `v1,${createHmac('sha256', Buffer.from(c.signer_secret, 'base64')).update(`${sign.msg_id}.${sign.timestamp}.${sign.payload}`).digest('base64')}`;
      expect(verifyStandardWebhook(request(sign.timestamp, signed), c.verifier_secret, hmac, sign.timestamp * 1000).ok).toBe(true);
    }
  });

  it('rejects empty secrets and timestamps outside the tolerance', () => {
    for (const secret of vectors.empty_secrets_must_be_rejected) {
      expect(() => verifyStandardWebhook(request(sign.timestamp, sign.expected_signature), secret, hmac, sign.timestamp * 1000)).toThrow(/secret/);
    }
    const tolerance = vectors.timestamp_tolerance_seconds;
    const at = (skewSec: number) => verifyStandardWebhook(request(sign.timestamp, sign.expected_signature), sign.secret, hmac, (sign.timestamp + skewSec) * 1000);
    expect(at(tolerance).ok).toBe(true);
    expect(at(tolerance + 1)).toEqual({ ok: false, reason: 'stale' });
    expect(at(-tolerance - 1)).toEqual({ ok: false, reason: 'stale' });
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
