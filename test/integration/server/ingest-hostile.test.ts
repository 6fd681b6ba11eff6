import { describe, expect, it } from 'vitest';
import { backends, useServer } from '../helpers/plancia-server.js';
import { openIngestSocket } from '../helpers/ingest-socket.js';
import { postEvents, queued } from '../helpers/events.js';

describe.each(backends)('hostile ingest input on $name', (backend) => {
  // Room for every request of the burst below: shedding past PLANCIA_MAX_CONCURRENT_BODIES (a 503 by design, tested in
  // its own right) would otherwise depend on how fast a loaded machine reads the bodies, not on the poisoned one.
  const server = useServer({ PLANCIA_MAX_CONCURRENT_BODIES: '1000' }, backend);

  it('refuses a deeply nested event alone (400 naming the field) while 240 concurrent batches commit', async () => {
    const deep = `${'['.repeat(5_000)}1${']'.repeat(5_000)}`;
    const poisoned = JSON.stringify(queued('poison')).replace('"channel":"voice"', `"channel":"voice","extra":${deep}`);
    const legitimate = Array.from({ length: 240 }, (_, i) => JSON.stringify([queued(`ok-${i}-a`), queued(`ok-${i}-b`)]));
    const answers = await Promise.all([...legitimate.slice(0, 120), poisoned, ...legitimate.slice(120)].map(async (body) => {
      const response = await postEvents(server().url, body);
      return { status: response.status, body: (await response.json()) as { details?: { path: string }[] } };
    }));
    const refused = answers.splice(120, 1)[0]!;
    expect(refused.status).toBe(400);
    expect(refused.body.details?.[0]?.path).toMatch(/^\/data\/extra(\/0)+$/);
    expect(answers.filter((a) => a.status !== 202)).toEqual([]);
    expect(await server().app.store.journal.count()).toBe(480);
  });

  it('refuses impossible dates and dates before 2000 in the event time', async () => {
    for (const time of ['2026-02-30T10:00:00Z', '0001-01-01T00:00:00Z', '1970-01-01T00:00:00Z']) {
      const response = await postEvents(server().url, JSON.stringify({ ...queued(`date-${time}`), time }));
      expect(response.status, time).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_events', details: [{ path: '/time' }] });
    }
  });

  it('refuses bodies that are not UTF-8 (400) and other charsets (415) instead of replacing characters', async () => {
    const text = JSON.stringify(queued('utf', 'Vendite'));
    const broken = Buffer.concat([Buffer.from(text.slice(0, -3)), Buffer.from([0xff, 0xfe]), Buffer.from(text.slice(-3))]);
    const invalid = await postEvents(server().url, broken);
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: 'invalid_utf8' });
    const latin1 = await postEvents(server().url, Buffer.from(text, 'latin1'), 'application/json; charset=iso-8859-1');
    expect(latin1.status).toBe(415);
    expect(await latin1.json()).toMatchObject({ error: 'unsupported_charset' });
    const declared = await postEvents(server().url, text, 'application/json; charset=UTF-8');
    expect(declared.status).toBe(202);
  });

  it('closes an ingest socket that sends a text frame that is not UTF-8 (1007), acknowledging nothing of it', async () => {
    const producer = await openIngestSocket(server().wsUrl);
    const closed = new Promise<number>((resolve) => producer.socket.once('close', resolve));
    producer.socket.send(Buffer.from([0x7b, 0xff, 0x7d]), { binary: false });
    expect(await closed).toBe(1007);
    expect(producer.replies).toEqual([]);
  });
});
