import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import type { ClientToServerEvents, ServerToClientEvents, Snapshot } from '@plancia/contracts';
import { postEvents, queued } from '../helpers/events.js';
import { useServer } from '../helpers/plancia-server.js';
import { startProxy, type RunningProxy } from './nginx-proxy.js';

const TOKEN = 'producer-secret-0123456789';

/** An HTTPS request to the proxy that trusts only its self-signed certificate. */
function viaProxy(proxy: RunningProxy, path: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request(`${proxy.httpsUrl}${path}`, { method: init.method ?? 'GET', headers: init.headers, ca: proxy.ca }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => { body += chunk.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

/** A real server configured by `env` with the project's nginx in front of it, for one suite. */
function useProxiedServer(env: Record<string, string> = {}) {
  const server = useServer(env);
  let proxy: RunningProxy | undefined;
  beforeAll(async () => {
    proxy = await startProxy(new URL(server().url).host);
  });
  afterAll(async () => {
    await proxy?.stop();
  });
  return { server, proxy: () => proxy! };
}

describe('Plancia behind nginx with infra/nginx', () => {
  const { proxy } = useProxiedServer({ PLANCIA_INGEST_TOKENS: TOKEN });

  it('sends plain HTTP to HTTPS and serves the API over TLS', async () => {
    const plain = await fetch(`${proxy().httpUrl}/readyz`, { redirect: 'manual' });
    expect(plain.status).toBe(308);
    expect(plain.headers.get('location')).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/readyz$/);
    const ready = await viaProxy(proxy(), '/readyz');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toMatchObject({ status: 'ready' });
  });

  it('accepts events with a token and refuses them without one', async () => {
    const body = JSON.stringify([queued('nginx-1', 'proxied')]);
    const headers = { 'content-type': 'application/json' };
    expect((await viaProxy(proxy(), '/api/v1/events', { method: 'POST', body, headers })).status).toBe(401);
    const accepted = await viaProxy(proxy(), '/api/v1/events', { method: 'POST', body, headers: { ...headers, authorization: `Bearer ${TOKEN}` } });
    expect(accepted.status).toBe(202);
  });

  it('carries the ingest WebSocket and the board socket through the upgrade', async () => {
    const producer = new WebSocket(`${proxy().httpsUrl.replace('https', 'wss')}/api/v1/ingest?token=${TOKEN}`, { ca: proxy().ca });
    const reply = new Promise<{ ack?: number; accepted?: number }>((resolve, reject) => {
      producer.once('message', (data) => resolve(JSON.parse(data.toString())));
      producer.once('error', reject);
    });
    await new Promise((resolve, reject) => { producer.once('open', resolve); producer.once('error', reject); });
    producer.send(JSON.stringify([queued('nginx-2', 'proxied')]));
    expect(await reply).toMatchObject({ ack: 1, accepted: 1 });
    producer.close();

    const board: Socket<ServerToClientEvents, ClientToServerEvents> = io(proxy().httpsUrl, { path: '/socket.io', transports: ['websocket'], ca: proxy().ca.toString(), forceNew: true });
    try {
      const snapshot = await new Promise<Snapshot>((resolve, reject) => {
        board.on('connect', () => board.emit('subscribe', {}, () => {}));
        board.on('snapshot', resolve);
        board.on('connect_error', reject);
      });
      expect(snapshot.queues.find((q) => q.queueId === 'proxied')?.live.waiting).toBe(2);
    } finally {
      board.close();
    }
  });
});

describe('Plancia behind nginx with no ingest tokens', () => {
  const { server, proxy } = useProxiedServer();

  it('takes events from a producer on this machine but not from anyone the proxy relays', async () => {
    const body = JSON.stringify([queued('nginx-3', 'local')]);
    expect((await postEvents(server().url, body)).status).toBe(202);
    const relayed = await viaProxy(proxy(), '/api/v1/events', { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expect(relayed.status).toBe(403);
  });
});
