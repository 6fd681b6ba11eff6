import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { validateEvents, type PlanciaEvent } from '@plancia/contracts';
import { runSimulation } from '@plancia/simulator';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A stand-in ingest endpoint on port 0 that records each request and answers as `answer` says, after `delayMs`;
 * `mostInFlight` is the most requests it held at once.
 */
async function startIngest(answer: (request: Received, index: number) => { status: number; headers?: Record<string, string> }, delayMs = 0) {
  const received: Received[] = [];
  const load = { inFlight: 0, mostInFlight: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    load.mostInFlight = Math.max(load.mostInFlight, ++load.inFlight);
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = { path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(request);
      const { status, headers } = answer(request, received.length - 1);
      const count = eventsOf(request).length;
      setTimeout(() => {
        load.inFlight--;
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(status === 202 ? JSON.stringify({ accepted: count, duplicates: 0 }) : JSON.stringify({ error: 'storage_unavailable' }));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  servers.push(server);
  return { url, received, server, load };
}

function eventsOf(request: Received): PlanciaEvent[] {
  const type = request.headers['content-type'] ?? '';
  if (type.startsWith('application/x-ndjson')) return request.body.trim().split('\n').map((line) => JSON.parse(line) as PlanciaEvent);
  const parsed = JSON.parse(request.body) as PlanciaEvent | PlanciaEvent[];
  return Array.isArray(parsed) ? parsed : [parsed];
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

// At the daily peak (profile flat): how much traffic a run makes must not depend on the hour the suite runs at.
const fastRun = { fast: true, durationMs: 20 * 60_000, seed: 9, profile: 'flat' } as const;

describe('simulator transports against a local ingest endpoint', () => {
  it('HTTP: sends valid NDJSON batches no larger than --batch, with the bearer token', async () => {
    const ingest = await startIngest(() => ({ status: 202 }));
    const stats = await runSimulation({ ...fastRun, target: ingest.url, batch: 100, token: 'secret-token' });
    const events = ingest.received.flatMap(eventsOf);
    expect(stats).toMatchObject({ sent: events.length, accepted: events.length, errors: 0, retries: 0, requests: ingest.received.length });
    expect(events.length).toBeGreaterThan(300);
    for (const request of ingest.received) {
      expect(request.path).toBe('/api/v1/events');
      expect(request.headers['content-type']).toBe('application/x-ndjson');
      expect(request.headers.authorization).toBe('Bearer secret-token');
      expect(eventsOf(request).length).toBeLessThanOrEqual(100);
    }
    expect(ingest.received.slice(0, -1).every((r) => eventsOf(r).length === 100)).toBe(true);
    expect(validateEvents(events, Date.now()).ok).toBe(true);
  });

  it('HTTP and webhook: past events go one request at a time, in the order generated', async () => {
    const http = await startIngest(() => ({ status: 202 }), 15);
    await runSimulation({ ...fastRun, durationMs: 10 * 60_000, target: http.url, batch: 50, window: 4 });
    const webhook = await startIngest(() => ({ status: 202 }), 2);
    const secret = `whsec_${Buffer.from('plancia-test-signing-key-0123456789').toString('base64')}`;
    await runSimulation({ ...fastRun, durationMs: 2 * 60_000, target: webhook.url, transport: 'webhook', webhookSecret: secret });
    for (const ingest of [http, webhook]) {
      expect(ingest.received.length).toBeGreaterThan(5);
      expect(ingest.load.mostInFlight).toBe(1);
      const times = ingest.received.flatMap(eventsOf).map((e) => Date.parse(e.time));
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
  });

  it('HTTP: retries a 503 with the very same events, then counts them once', async () => {
    const ingest = await startIngest((_request, index) => (index < 2 ? { status: 503, headers: { 'retry-after': '0' } } : { status: 202 }));
    const stats = await runSimulation({ ...fastRun, durationMs: 5 * 60_000, target: ingest.url, batch: 10_000, format: 'json' });
    expect(ingest.received).toHaveLength(3);
    const [first, second, third] = ingest.received.map((r) => eventsOf(r).map((e) => e.id));
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(stats).toMatchObject({ retries: 2, errors: 0, accepted: first!.length, sent: first!.length });
  });

  it('HTTP: a refused batch (400) is counted as errors and not retried', async () => {
    const ingest = await startIngest(() => ({ status: 400 }));
    const stats = await runSimulation({ ...fastRun, durationMs: 5 * 60_000, target: ingest.url, batch: 10_000 });
    expect(ingest.received).toHaveLength(1);
    expect(stats).toMatchObject({ retries: 0, accepted: 0, errors: stats.sent });
  });

  it('webhook: one event per request, with a Standard Webhooks signature that verifies', async () => {
    const key = Buffer.from('plancia-test-signing-key-0123456789');
    const ingest = await startIngest(() => ({ status: 202 }));
    const stats = await runSimulation({ ...fastRun, durationMs: 5 * 60_000, target: ingest.url, transport: 'webhook', webhookSecret: `whsec_${key.toString('base64')}` });
    expect(stats.accepted).toBe(ingest.received.length);
    for (const request of ingest.received) {
      expect(request.path).toBe('/api/v1/webhooks/events');
      const id = String(request.headers['webhook-id']);
      const timestamp = String(request.headers['webhook-timestamp']);
      const event = JSON.parse(request.body) as PlanciaEvent;
      expect(id).toBe(event.id);
      expect(Math.abs(Date.now() / 1000 - Number(timestamp))).toBeLessThan(300);
      const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${request.body}`).digest();
      const offered = Buffer.from(String(request.headers['webhook-signature']).replace(/^v1,/, ''), 'base64');
      expect(offered.length === expected.length && timingSafeEqual(offered, expected)).toBe(true);
    }
  });

  it('WebSocket: frames acked by number; a dropped connection resends the unacked frame with the same ids', async () => {
    const ingest = await startIngest(() => ({ status: 202 }));
    const wss = new WebSocketServer({ server: ingest.server, path: '/api/v1/ingest' });
    const frames: string[][] = [];
    let connections = 0;
    wss.on('connection', (socket) => {
      const connection = ++connections;
      let seq = 0;
      socket.on('message', (data) => {
        seq++;
        const ids = String(data).trim().split('\n').map((line) => (JSON.parse(line) as PlanciaEvent).id);
        frames.push(ids);
        // The first connection dies before acknowledging anything.
        if (connection === 1) return socket.terminate();
        socket.send(JSON.stringify({ ack: seq, accepted: ids.length, duplicates: 0 }));
      });
    });
    const stats = await runSimulation({ ...fastRun, durationMs: 10 * 60_000, target: ingest.url, transport: 'ws', batch: 200, window: 1 });
    wss.close();
    expect(connections).toBe(2);
    expect(frames[1]).toEqual(frames[0]);
    expect(stats).toMatchObject({ errors: 0, retries: 1, accepted: frames.slice(1).flat().length });
  });
});
