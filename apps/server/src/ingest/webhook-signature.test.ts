import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWebhookVerifier, decodeSecret, sign } from './webhook-signature.js';

interface Vector { name: string; secret?: string; msg_id?: string; timestamp?: number | string; payload?: string; expected_signature?: string; webhook_signature?: string }
const vectors = JSON.parse(readFileSync(new URL('./fixtures/standard-webhooks-vectors.json', import.meta.url), 'utf8')) as {
  sign_vectors: Vector[];
  must_not_verify: Vector[];
  multi_signature_decoys: Record<string, string[]>;
  unpadded_secret_cases: { cases: { verifier_secret: string; signer_secret: string }[] };
  empty_secrets_must_be_rejected: string[];
};
const base = vectors.sign_vectors[0]!;
const nowSeconds = 1_700_000_000;
const headersFor = (id: string, timestamp: number, signature: string) => ({ id, timestamp: String(timestamp), signature });

describe('Standard Webhooks signatures', () => {
  it.each(vectors.sign_vectors)('$name: signs and verifies as published', (v) => {
    const signature = `v1,${sign(decodeSecret(v.secret!), v.msg_id!, String(v.timestamp), v.payload!)}`;
    expect(signature).toBe(v.expected_signature);
    const verify = createWebhookVerifier([v.secret!]);
    expect(verify(headersFor(v.msg_id!, Number(v.timestamp), signature), v.payload!, Number(v.timestamp))).toEqual({ ok: true });
  });

  it.each(vectors.must_not_verify)('$name: is refused', (v) => {
    const verify = createWebhookVerifier([v.secret ?? base.secret!]);
    const verdict = verify(headersFor(v.msg_id ?? base.msg_id!, nowSeconds, v.webhook_signature!), v.payload ?? base.payload!, nowSeconds);
    expect(verdict).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it.each(Object.entries(vectors.multi_signature_decoys).filter(([key]) => !key.startsWith('_')))(
    '%s: finds the valid signature among decoys',
    (key, decoys) => {
      const v = key === 'rust' ? vectors.sign_vectors[1]! : base;
      const valid = `v1,${sign(decodeSecret(v.secret!), v.msg_id!, String(nowSeconds), v.payload!)}`;
      const header = decoys.map((d) => (d === '<valid signature>' ? valid : d)).join(' ');
      expect(createWebhookVerifier([v.secret!])(headersFor(v.msg_id!, nowSeconds, header), v.payload!, nowSeconds)).toEqual({ ok: true });
    },
  );

  it.each(vectors.unpadded_secret_cases.cases)('verifies with unpadded secret $verifier_secret', (c) => {
    const signature = `v1,${sign(decodeSecret(c.signer_secret), base.msg_id!, String(nowSeconds), base.payload!)}`;
    const verdict = createWebhookVerifier([c.verifier_secret])(headersFor(base.msg_id!, nowSeconds, signature), base.payload!, nowSeconds);
    expect(verdict).toEqual({ ok: true });
  });

  it.each(vectors.empty_secrets_must_be_rejected)('rejects the empty secret %j', (secret) => {
    expect(() => createWebhookVerifier([secret])).toThrow(/empty/);
  });

  it('accepts any of several secrets during rotation', () => {
    const fresh = 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD';
    const signature = `v1,${sign(decodeSecret(fresh), 'msg_1', String(nowSeconds), '{}')}`;
    const verify = createWebhookVerifier([base.secret!, fresh]);
    expect(verify(headersFor('msg_1', nowSeconds, signature), '{}', nowSeconds)).toEqual({ ok: true });
    expect(createWebhookVerifier([base.secret!])(headersFor('msg_1', nowSeconds, signature), '{}', nowSeconds).ok).toBe(false);
  });

  it('refuses timestamps outside ±5 minutes and missing headers', () => {
    const verify = createWebhookVerifier([base.secret!]);
    const at = (ts: number) => headersFor('m', ts, `v1,${sign(decodeSecret(base.secret!), 'm', String(ts), 'x')}`);
    expect(verify(at(nowSeconds - 300), 'x', nowSeconds)).toEqual({ ok: true });
    expect(verify(at(nowSeconds - 301), 'x', nowSeconds)).toEqual({ ok: false, reason: 'stale_timestamp' });
    expect(verify(at(nowSeconds + 301), 'x', nowSeconds)).toEqual({ ok: false, reason: 'stale_timestamp' });
    expect(verify({ id: 'm', timestamp: 'soon', signature: 'v1,AA==' }, 'x', nowSeconds)).toEqual({ ok: false, reason: 'bad_timestamp' });
    expect(verify({ id: undefined, timestamp: '1', signature: 'v1,AA==' }, 'x', nowSeconds)).toEqual({ ok: false, reason: 'missing_headers' });
  });
});
