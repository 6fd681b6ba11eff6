import { inflateRawSync } from 'node:zlib';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import type { AlertEvent, BoardChanges, BoardEncoding, ClientToServerEvents, LiveMessage, ServerToClientEvents, Snapshot, View } from '@plancia/contracts';

type BoardSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type Received =
  | { kind: 'snapshot'; at: number; snapshot: Snapshot }
  /** `bytes`: the payload's length as sent (the JSON text, or the base64 of the deflated JSON). */
  | { kind: 'changes'; at: number; delta: BoardChanges; bytes: number }
  | { kind: 'alert'; at: number; event: AlertEvent };

export interface BoardOptions { view?: View; token?: string; origin?: string; encoding?: BoardEncoding | string }

function socketFor(url: string, { token, origin, encoding }: BoardOptions): BoardSocket {
  return io(url, {
    path: '/socket.io',
    ...(encoding ? { query: { encoding } } : {}),
    transports: ['websocket'],
    auth: token ? { token } : {},
    ...(origin ? { extraHeaders: { origin } } : {}),
    reconnectionDelay: 50,
    reconnectionDelayMax: 100,
    forceNew: true,
  });
}

/** A real socket.io client behaving like the wallboard: it subscribes on every connection and records what it hears. */
export function openBoard(url: string, options: BoardOptions = {}) {
  const socket = socketFor(url, options);
  const received: Received[] = [];
  socket.on('connect', () => socket.emit('subscribe', options.view ?? {}, () => {}));
  socket.on('snapshot', (snapshot) => received.push({ kind: 'snapshot', at: performance.now(), snapshot }));
  socket.on('changes', (delta) => received.push({ kind: 'changes', at: performance.now(), delta, bytes: JSON.stringify(delta).length }));
  socket.on('changesDeflated', (payload) => {
    const delta = JSON.parse(inflateRawSync(Buffer.from(payload, 'base64')).toString('utf8')) as BoardChanges;
    received.push({ kind: 'changes', at: performance.now(), delta, bytes: payload.length });
  });
  socket.on('alert', (event) => received.push({ kind: 'alert', at: performance.now(), event }));

  /** Resolves with the first message from `from` on that satisfies `test`. */
  async function waitFor<T extends Received>(test: (message: Received) => message is T, from = 0, timeoutMs = 10_000): Promise<T> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const found = received.slice(from).find(test);
      if (found) return found;
      if (performance.now() > deadline) throw new Error(`no matching message after ${timeoutMs} ms; heard ${received.map((m) => m.kind).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
  return { socket, received, waitFor, close: () => socket.close() };
}

export const isSnapshot = (m: Received): m is Extract<Received, { kind: 'snapshot' }> => m.kind === 'snapshot';
export const isAlert = (m: Received): m is Extract<Received, { kind: 'alert' }> => m.kind === 'alert';
/** A change of the queue; with `test`, one that moved its waiting count to a value `test` accepts (changes are patches). */
export const changesFor = (queueId: string, test?: (waiting: number) => boolean) =>
  (m: Received): m is Extract<Received, { kind: 'changes' }> =>
    m.kind === 'changes' && (m.delta.queues ?? []).some((q) => {
      if (q.queueId !== queueId) return false;
      const waiting = q.live?.waiting;
      return !test || (waiting !== undefined && test(waiting));
    });

/** The reason the server refused the handshake, or 'connected' if it did not. */
export function handshakeOutcome(url: string, options: BoardOptions): Promise<string> {
  const socket = socketFor(url, options);
  socket.io.reconnection(false);
  return new Promise((resolve) => {
    socket.on('connect', () => { socket.close(); resolve('connected'); });
    socket.on('connect_error', (error) => { socket.close(); resolve(error.message); });
  });
}

/** The plain feed (GET /api/v1/live) with `query`: every message it sends, parsed, and when its handshake settled. */
export function openLive(url: string, query: string) {
  const messages: LiveMessage[] = [];
  const socket = new WebSocket(`${url}/api/v1/live${query}`);
  socket.on('message', (data) => messages.push(JSON.parse(data.toString()) as LiveMessage));
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_request, response) => reject(new Error(`handshake answered ${response.statusCode}`)));
  });
  return { socket, messages, opened };
}
