import { describe, expect, it } from 'vitest';
import { postEvents, queued } from '../helpers/events.js';
import { changesFor, handshakeOutcome, isSnapshot, openBoard, type Received } from './board-client.js';
import { useServer } from '../helpers/plancia-server.js';

const post = async (url: string, events: unknown[]) => expect((await postEvents(url, JSON.stringify(events))).status).toBe(202);
const mentions = (queueId: string) => (m: Received) =>
  (m.kind === 'snapshot' ? m.snapshot.queues : m.kind === 'changes' ? m.delta.queues ?? [] : []).some((q) => q.queueId === queueId);

describe('socket.io push', () => {
  const server = useServer({ PLANCIA_TICK_MS: '20' });

  it('answers a subscription with a snapshot, then sends only changes', async () => {
    const board = openBoard(server().url);
    const first = await board.waitFor(isSnapshot);
    expect(board.received[0]).toBe(first);
    await post(server().url, [queued('snap-1', 'sales')]);
    const change = await board.waitFor(changesFor('sales', (waiting) => waiting >= 1));
    expect(change.delta.seq).toBeGreaterThan(first.snapshot.seq);
    expect(board.received.filter(isSnapshot)).toHaveLength(1);
    board.close();
  });

  it('sends a view only its own queues: a board on alpha hears nothing of beta', async () => {
    const board = openBoard(server().url, { view: { queues: ['alpha'] } });
    await board.waitFor(isSnapshot);
    await post(server().url, [queued('room-b1', 'beta')]);
    await post(server().url, [queued('room-a1', 'alpha')]);
    await board.waitFor(changesFor('alpha'));
    expect(board.received.some(mentions('beta'))).toBe(false);
    board.close();
  });

  it('starts over from a fresh snapshot after a reconnect', async () => {
    const board = openBoard(server().url, { view: { queues: ['resync'] } });
    await board.waitFor(isSnapshot);
    board.socket.io.reconnection(false);
    board.socket.disconnect();
    await post(server().url, [queued('resync-1', 'resync'), queued('resync-2', 'resync')]);
    await expect.poll(async () => {
      const snapshot = await (await fetch(`${server().url}/api/v1/snapshot?queues=resync`)).json() as { queues: { live: { waiting: number } }[] };
      return snapshot.queues[0]?.live.waiting;
    }).toBe(2);
    const from = board.received.length;
    board.socket.connect();
    const fresh = await board.waitFor(isSnapshot, from);
    expect(fresh.snapshot.queues.find((q) => q.queueId === 'resync')?.live.waiting).toBe(2);

    // A dropped transport reconnects by itself and resubscribes, again from a snapshot.
    board.socket.io.reconnection(true);
    const beforeDrop = board.received.length;
    board.socket.io.engine.close();
    await board.waitFor(isSnapshot, beforeDrop);
    board.close();
  });

  it('sends a board that asks for deflate the same changes as a JSON board of its room, in fewer bytes', async () => {
    const view = { queues: ['packed'] };
    const plain = openBoard(server().url, { view });
    const packed = openBoard(server().url, { view, encoding: 'deflate' });
    await Promise.all([plain.waitFor(isSnapshot), packed.waitFor(isSnapshot)]);
    const contacts = Array.from({ length: 30 }, (_, i) => queued(`packed-${i}`, 'packed'));
    for (let i = 0; i < contacts.length; i += 10) await post(server().url, contacts.slice(i, i + 10));
    await Promise.all([plain, packed].map((board) => board.waitFor(changesFor('packed', (waiting) => waiting === 30))));
    const changes = (board: typeof plain) => board.received.flatMap((m) => (m.kind === 'changes' ? [m] : []));
    expect(changes(packed).map((m) => m.delta)).toEqual(changes(plain).map((m) => m.delta));
    const bytes = (board: typeof plain) => changes(board).reduce((sum, m) => sum + m.bytes, 0);
    expect(bytes(packed)).toBeLessThan(bytes(plain));
    plain.close();
    packed.close();
  });
});

describe('socket.io coalescing', () => {
  const intervalMs = 500;
  const server = useServer({ PLANCIA_TICK_MS: '20', PLANCIA_PUSH_INTERVAL_MS: String(intervalMs) });

  it('sends a change after a quiet spell at once, and a burst as at most one message per interval', async () => {
    const board = openBoard(server().url, { view: { queues: ['burst'] } });
    await board.waitFor(isSnapshot);
    await new Promise((resolve) => setTimeout(resolve, intervalMs * 2));

    const postedAt = performance.now();
    await post(server().url, [queued('quiet-1', 'burst')]);
    const first = await board.waitFor(changesFor('burst', (waiting) => waiting === 1));
    expect(first.at - postedAt).toBeLessThan(intervalMs / 2);

    const from = board.received.length;
    for (let i = 0; i < 30; i += 1) {
      await post(server().url, [queued(`burst-${i}`, 'burst')]);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await board.waitFor(changesFor('burst', (waiting) => waiting === 31), from);
    const arrivals = [first, ...board.received.slice(from)].filter((m) => m.kind === 'changes').map((m) => m.at);
    const gaps = arrivals.slice(1).map((at, i) => at - arrivals[i]!);
    // Server timers keep at least the interval between sends; the network may shift one arrival a little.
    expect(Math.min(...gaps)).toBeGreaterThan(intervalMs * 0.8);
    expect(arrivals.length).toBeLessThan(31);
    board.close();
  });
});

describe('socket.io handshake', () => {
  const server = useServer({ PLANCIA_VIEW_TOKENS: 'viewer-token-0123456789', PLANCIA_ALLOWED_ORIGINS: 'https://board.example' });

  it('refuses a connection without a valid viewer token', async () => {
    expect(await handshakeOutcome(server().url, {})).toMatch(/unauthorized/);
    expect(await handshakeOutcome(server().url, { token: 'guess' })).toMatch(/unauthorized/);
    expect(await handshakeOutcome(server().url, { token: 'viewer-token-0123456789' })).toBe('connected');
  });

  it('refuses a browser Origin outside the allow-list, even with a token', async () => {
    expect(await handshakeOutcome(server().url, { token: 'viewer-token-0123456789', origin: 'https://evil.example' })).toMatch(/origin/);
    expect(await handshakeOutcome(server().url, { token: 'viewer-token-0123456789', origin: 'https://board.example' })).toBe('connected');
    expect(await handshakeOutcome(server().url, { token: 'viewer-token-0123456789', origin: server().url })).toBe('connected');
  });

  it('refuses an encoding it does not offer, naming the field', async () => {
    const token = 'viewer-token-0123456789';
    expect(await handshakeOutcome(server().url, { token, encoding: 'gzip' })).toMatch(/^encoding: /);
    expect(await handshakeOutcome(server().url, { token, encoding: 'deflate' })).toBe('connected');
  });
});
