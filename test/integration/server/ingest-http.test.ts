import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { backends, startTestServer, type TestDatabase, type TestServer } from '../helpers/plancia-server.js';
import { postEvents, queued } from '../helpers/events.js';

describe.each(backends)('POST /api/v1/events on $name', (backend) => {
  let database: TestDatabase;
  let server: TestServer;
  beforeAll(async () => {
    database = await backend.create();
    server = await startTestServer(database);
  });
  afterAll(async () => {
    // The last test closed the store under the server: closing it again may complain.
    await server?.stop().catch(() => undefined);
    await database?.dispose();
  });

  it('accepts one event, an array, a CloudEvents batch and NDJSON, answering 202 after the commit', async () => {
    const cases: [string, string][] = [
      ['application/cloudevents+json', JSON.stringify(queued('h1'))],
      ['application/json', JSON.stringify(queued('h2'))],
      ['application/json', JSON.stringify([queued('h3'), queued('h4')])],
      ['application/cloudevents-batch+json; charset=utf-8', JSON.stringify([queued('h5')])],
      ['application/x-ndjson', `${JSON.stringify(queued('h6'))}\n${JSON.stringify(queued('h7'))}\n`],
    ];
    const answers = await Promise.all(cases.map(async ([type, body]) => {
      const response = await postEvents(server.url, body, type);
      return [response.status, await response.json()];
    }));
    expect(answers).toEqual([
      [202, { accepted: 1, duplicates: 0 }], [202, { accepted: 1, duplicates: 0 }], [202, { accepted: 2, duplicates: 0 }],
      [202, { accepted: 1, duplicates: 0 }], [202, { accepted: 2, duplicates: 0 }],
    ]);
    expect(await server.app.store.journal.count()).toBe(7);
  });

  it('counts an event already accepted as a duplicate', async () => {
    const response = await postEvents(server.url, JSON.stringify([queued('h1'), queued('d1'), queued('d1')]));
    expect(await response.json()).toEqual({ accepted: 1, duplicates: 2 });
  });

  it('answers 400 for malformed JSON', async () => {
    const response = await postEvents(server.url, '{"specversion": "1.0",');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'malformed_json' });
    const ndjson = await postEvents(server.url, `${JSON.stringify(queued('m1'))}\nnot json`, 'application/x-ndjson');
    expect(await ndjson.json()).toMatchObject({ error: 'malformed_json', message: expect.stringMatching(/^line 2/) });
  });

  it('rejects a batch with an invalid event whole, naming index and path', async () => {
    const bad = { ...queued('i2'), data: { contactId: 'c', channel: 'voice' } };
    const response = await postEvents(server.url, JSON.stringify([queued('i1'), bad]));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_events', details: [{ index: 1, path: '/data/queueId' }] });
    const resent = await postEvents(server.url, JSON.stringify(queued('i1')));
    expect(await resent.json()).toEqual({ accepted: 1, duplicates: 0 });
  });

  it('answers 413 beyond 10,000 events and beyond 5 MiB', async () => {
    const many = Array.from({ length: 10_001 }, (_, i) => queued(`big${i}`));
    const tooMany = await postEvents(server.url, JSON.stringify(many));
    expect(tooMany.status).toBe(413);
    const padding = 'x'.repeat(5 * 1024 * 1024);
    const tooBig = await postEvents(server.url, JSON.stringify({ ...queued('big'), data: { ...queued('big').data, padding } }));
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toMatchObject({ error: 'payload_too_large' });
  });

  it('answers 415 for other content types', async () => {
    for (const type of ['text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/jsonx']) {
      const response = await postEvents(server.url, JSON.stringify(queued('t1')), type);
      expect(response.status, type).toBe(415);
      expect(await response.json()).toMatchObject({ error: 'unsupported_media_type' });
    }
  });

  it('never answers 500 for anything a client sends', async () => {
    const bodies = [
      new Uint8Array(randomBytes(2048)), 'null', '42', '"event"', '[null]', '[[]]', '{"__proto__": {"polluted": true}}',
      '{"constructor": {"prototype": {}}}', JSON.stringify({ ...queued('z1'), time: 'yesterday' }),
      JSON.stringify({ ...queued('z2'), data: { contactId: 'c\u0000', queueId: 'q\u0000', channel: 'voice' } }),
      '\uFEFF{}', '[' + '['.repeat(5000) + ']'.repeat(5000) + ']',
    ];
    for (const body of bodies) {
      for (const type of ['application/json', 'application/x-ndjson', 'application/cloudevents+json']) {
        const response = await postEvents(server.url, body, type);
        expect(response.status, `${type} ${String(body).slice(0, 40)}`).toBeGreaterThanOrEqual(400);
        expect(response.status, `${type} ${String(body).slice(0, 40)}`).toBeLessThan(500);
      }
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  // Last: it takes the database away from under the running server.
  it('answers 503 with Retry-After when the store is unavailable, and readiness fails', async () => {
    await server.app.store.close();
    const response = await postEvents(server.url, JSON.stringify(queued('s1')));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await response.json()).toMatchObject({ error: 'storage_unavailable' });
    expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
  });
});

describe('ingest credentials', () => {
  let database: TestDatabase;
  let server: TestServer;
  beforeAll(async () => {
    database = await backends[0]!.create();
    server = await startTestServer(database, { PLANCIA_INGEST_TOKENS: 'alpha-token-0123456789, beta-token-0123456789' });
  });
  afterAll(async () => {
    await server?.stop();
    await database?.dispose();
  });

  it('answers 401 without a token or with a wrong one, 202 with any configured one', async () => {
    const body = JSON.stringify(queued('a1'));
    expect((await postEvents(server.url, body)).status).toBe(401);
    expect((await postEvents(server.url, body, 'application/json', { authorization: 'Bearer alpha-token-0123456789x' })).status).toBe(401);
    expect((await postEvents(server.url, body, 'application/json', { authorization: 'Basic YWxwaGE=' })).status).toBe(401);
    expect((await postEvents(server.url, body, 'application/json', { authorization: 'Bearer beta-token-0123456789' })).status).toBe(202);
  });
});
