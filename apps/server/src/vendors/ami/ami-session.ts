import type { Socket } from 'node:net';
import { AmiParser, amiField, type AmiMessage } from '@plancia/adapters';
import type { LinkSession } from '../stream/reconnecting-link.js';
import { openLinkSocket } from '../stream/link-socket.js';

export interface KeepAlive {
  /** A `Ping` goes out this often while the link is idle on our side. */
  intervalMs: number;
  /** A Ping unanswered this long means the link is dead, even if TCP has not noticed. */
  timeoutMs: number;
}

/** A Ping unanswered this long means the link is dead, even if TCP has not noticed. */
export const PING_TIMEOUT_MS = 10_000;

/** An event, or an item of our QueueStatus reply (QueueParams, QueueMember, QueueEntry), in stream order. */
export interface AmiItem {
  kind: 'event' | 'status';
  message: AmiMessage;
}

export interface AmiSessionOptions {
  host: string;
  port: number;
  username: string;
  password: string;
  keepAlive: KeepAlive;
  signal: AbortSignal;
  /** Every message of a received chunk that is not a reply to one of our actions, with the local receive time. */
  deliver(items: AmiItem[], receivedAtMs: number): void;
  /** A reply that carries the PBX's `Timestamp` (Ping's does, with `timestampevents = yes`), with the local receive time. */
  observeClock(timestamp: string, receivedAtMs: number): void;
  /** True when the consumer is behind: the session stops reading until `drained` resolves. */
  saturated(): boolean;
  drained(): Promise<void>;
}

/** A logged-in AMI link: the link itself, and a way to send an action over it and read Asterisk's reply. */
export interface AmiLinkSession extends LinkSession {
  action(action: string, fields?: Record<string, string>): Promise<AmiMessage>;
}

const STATUS_ITEMS = new Set(['QueueParams', 'QueueMember', 'QueueEntry']);

function actionText(fields: Record<string, string>): string {
  return `${Object.entries(fields).map(([name, value]) => `${name}: ${value}`).join('\r\n')}\r\n\r\n`;
}

/**
 * One AMI connection: TCP connect, `Login` (after the `Asterisk Call Manager` banner), `Ping`, then `QueueStatus`, whose
 * items reach `deliver` in stream order among the live events, so reconciliation sees exactly what preceded it.
 * Resolves once logged in; `closed` tells why the link ended (PBX closed it, error, unanswered Ping, close()).
 */
export async function openAmiSession(options: AmiSessionOptions): Promise<AmiLinkSession> {
  const link = openLinkSocket(options.host, options.port, options.signal, 'the PBX');
  const { socket, closed, fail } = link;
  const parser = new AmiParser();
  const waiting = new Map<string, { resolve: (reply: AmiMessage) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  void closed.then((reason) => {
    for (const { reject } of waiting.values()) reject(new Error(reason));
    waiting.clear();
  });

  const send = (action: string, fields: Record<string, string> = {}): Promise<AmiMessage> => {
    const id = `plancia-${action.toLowerCase()}-${++nextId}`;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      socket.write(actionText({ Action: action, ActionID: id, ...fields }));
    });
  };

  socket.on('data', (chunk: Buffer) => {
    const receivedAtMs = Date.now();
    const items: AmiItem[] = [];
    for (const message of parser.push(chunk)) {
      const reply = waiting.get(amiField(message, 'ActionID') ?? '');
      const event = amiField(message, 'Event');
      if (reply && amiField(message, 'Response') !== undefined) {
        waiting.delete(amiField(message, 'ActionID')!);
        const timestamp = amiField(message, 'Timestamp');
        if (timestamp !== undefined) options.observeClock(timestamp, receivedAtMs);
        reply.resolve(message);
      } else if (event !== undefined) {
        items.push({ kind: STATUS_ITEMS.has(event) ? 'status' : 'event', message });
      }
    }
    if (items.length > 0) options.deliver(items, receivedAtMs);
    link.pushBack(options.saturated, options.drained);
  });

  await link.handshake(async () => {
    await link.connected;
    const login = await send('Login', { Username: options.username, Secret: options.password, Events: 'on' });
    if (parser.banner === null) throw new Error('no "Asterisk Call Manager" banner: not an AMI port');
    if (amiField(login, 'Response') !== 'Success') throw new Error(`AMI login refused: ${amiField(login, 'Message') ?? 'no reason given'}`);
    // The Ping's reply tells the PBX's clock before QueueStatus items (which carry no time) are dated from it.
    await send('Ping');
  });
  void send('QueueStatus').catch(() => undefined);
  const stopKeepAlive = keepAlive(socket, options.keepAlive, () => send('Ping'), fail);
  void closed.then(stopKeepAlive);
  return { closed, close: () => fail('closed'), action: send };
}

/** Pings on a timer; a Ping unanswered within the timeout ends the link. Skipped while reading is paused. */
function keepAlive(socket: Socket, options: KeepAlive, ping: () => Promise<AmiMessage>, fail: (reason: string) => void): () => void {
  const timer = setInterval(() => {
    if (socket.isPaused()) return;
    const deadline = setTimeout(() => fail(`keep-alive Ping unanswered for ${options.timeoutMs} ms`), options.timeoutMs);
    void ping().then(() => clearTimeout(deadline), () => clearTimeout(deadline));
  }, options.intervalMs);
  return () => clearInterval(timer);
}
