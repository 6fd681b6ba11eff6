import { describe, expect, it } from 'vitest';
import { backends, useServer } from '../helpers/plancia-server.js';
import { queued } from '../helpers/events.js';
import { openIngestSocket } from '../helpers/ingest-socket.js';

describe.each(backends)('WebSocket /api/v1/ingest on $name', (backend) => {
  const server = useServer({ PLANCIA_INGEST_TOKENS: 'ws-token-0123456789' }, backend);

  it('acks every frame in order after the commit: one event, an array, NDJSON, a duplicate', async () => {
    const producer = await openIngestSocket(server().wsUrl, { token: 'ws-token-0123456789' });
    producer.send(JSON.stringify(queued('w1')));
    producer.send(JSON.stringify([queued('w2'), queued('w3')]));
    producer.send(`${JSON.stringify(queued('w4'))}\n${JSON.stringify(queued('w5'))}`);
    producer.send(JSON.stringify(queued('w1')));
    expect(await producer.waitForReplies(4)).toEqual([
      { ack: 1, accepted: 1, duplicates: 0 },
      { ack: 2, accepted: 2, duplicates: 0 },
      { ack: 3, accepted: 2, duplicates: 0 },
      { ack: 4, accepted: 0, duplicates: 1 },
    ]);
    expect(await server().app.store.journal.count()).toBe(5);
    producer.close();
  });

  it('nacks malformed, invalid and binary frames without closing the connection', async () => {
    const producer = await openIngestSocket(server().wsUrl, { headers: { authorization: 'Bearer ws-token-0123456789' } });
    producer.send('{"broken":');
    producer.send(JSON.stringify([queued('n1'), { ...queued('n2'), type: 'contact.teleported' }]));
    producer.send(Buffer.from([1, 2, 3]));
    producer.send(JSON.stringify(queued('n3')));
    const replies = await producer.waitForReplies(4);
    expect(replies[0]).toMatchObject({ nack: 1, error: 'malformed_json' });
    expect(replies[1]).toMatchObject({ nack: 2, error: 'invalid_events', details: [{ index: 1, path: '/type' }] });
    expect(replies[2]).toMatchObject({ nack: 3, error: 'binary_frame' });
    expect(replies[3]).toEqual({ ack: 4, accepted: 1, duplicates: 0 });
    producer.close();
  });

  it('refuses the handshake without a valid token', async () => {
    await expect(openIngestSocket(server().wsUrl)).rejects.toThrow(/401/);
    await expect(openIngestSocket(server().wsUrl, { token: 'nope' })).rejects.toThrow(/401/);
  });

  it('refuses a browser origin that is not allowed', async () => {
    await expect(openIngestSocket(server().wsUrl, { token: 'ws-token-0123456789', headers: { origin: 'https://evil.example' } })).rejects.toThrow(/403/);
  });
});
