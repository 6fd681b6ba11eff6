import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useServer } from '../helpers/plancia-server.js';
import { queued } from '../helpers/events.js';
import { decodeSecret, sign } from '../../../apps/server/src/ingest/webhook-signature.js';

const OLD_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const NEW_SECRET = 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD';

function signed(secret: string, body: string, options: { id?: string; timestamp?: number } = {}) {
  const id = options.id ?? `msg_${randomUUID()}`;
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': timestamp,
    'webhook-signature': `v1,${sign(decodeSecret(secret), id, timestamp, body)}`,
  };
}

describe('POST /api/v1/webhooks/events', () => {
  const server = useServer({ PLANCIA_WEBHOOK_SECRETS: `${OLD_SECRET},${NEW_SECRET}` });
  const post = (body: string, headers: Record<string, string>) =>
    fetch(`${server().url}/api/v1/webhooks/events`, { method: 'POST', headers, body });

  it('accepts a validly signed delivery, verified on the exact bytes', async () => {
    const body = `[ ${JSON.stringify(queued('wh1'))} ]`;
    const response = await post(body, signed(OLD_SECRET, body));
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: 1, duplicates: 0 });
  });

  it('accepts the rotated key and a header listing several signatures', async () => {
    const body = JSON.stringify(queued('wh2'));
    const headers = signed(NEW_SECRET, body);
    headers['webhook-signature'] = `v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= ${headers['webhook-signature']}`;
    expect((await post(body, headers)).status).toBe(202);
  });

  it('refuses a tampered body, a stale timestamp, an unknown key and missing headers with 401', async () => {
    const body = JSON.stringify(queued('wh3'));
    const tampered = await post(body.replace('sales', 'salez'), signed(OLD_SECRET, body));
    expect(tampered.status).toBe(401);
    expect(await tampered.json()).toMatchObject({ message: expect.stringMatching(/bad_signature/) });
    const stale = await post(body, signed(OLD_SECRET, body, { timestamp: Math.floor(Date.now() / 1000) - 301 }));
    expect(await stale.json()).toMatchObject({ message: expect.stringMatching(/stale_timestamp/) });
    expect((await post(body, signed('whsec_dGhpcy1pcy1ub3QtdGhlLWtleQ==', body))).status).toBe(401);
    expect((await post(body, { 'content-type': 'application/json' })).status).toBe(401);
    expect(await server().app.store.journal.count()).toBe(2);
  });

  it('validates signed payloads like any other ingest', async () => {
    const body = JSON.stringify({ ...queued('wh4'), data: {} });
    const response = await post(body, signed(OLD_SECRET, body));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_events', details: expect.arrayContaining([expect.objectContaining({ index: 0, path: '/data/contactId' })]) });
  });
});
