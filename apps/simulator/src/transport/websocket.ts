import type { IngestFrameReply, PlanciaEvent } from '@plancia/contracts';
import WebSocket from 'ws';
import { DEFAULT_RETRY, RejectedError, RetryableError, withRetries, type Delivery, type RetryPolicy, type Transport } from './transport.js';

export interface WebSocketTransportOptions {
  target: string;
  token?: string;
  retry?: RetryPolicy;
}

interface Pending {
  resolve: (delivery: Delivery) => void;
  reject: (error: Error) => void;
}

/**
 * NDJSON frames over `GET /api/v1/ingest`. Frames are numbered from 1 per connection, in the order sent; a frame
 * counts as delivered only when its ack arrives. If the connection drops, unacknowledged frames fail as retryable
 * and are sent again on a new connection with the same event ids, so the server drops what it already has.
 */
export function webSocketTransport(options: WebSocketTransportOptions): Transport {
  const url = new URL('/api/v1/ingest', options.target);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  let connection: Promise<{ socket: WebSocket; pending: Map<number, Pending>; next: { seq: number } }> | undefined;

  const connect = () => new Promise<{ socket: WebSocket; pending: Map<number, Pending>; next: { seq: number } }>((resolve, reject) => {
    const socket = new WebSocket(url, { headers: options.token ? { authorization: `Bearer ${options.token}` } : {} });
    const pending = new Map<number, Pending>();
    socket.on('open', () => resolve({ socket, pending, next: { seq: 0 } }));
    socket.on('message', (raw) => {
      const reply = JSON.parse(String(raw)) as IngestFrameReply;
      const seq = 'ack' in reply ? reply.ack : reply.nack;
      const waiting = pending.get(seq);
      if (!waiting) return;
      pending.delete(seq);
      if ('ack' in reply) waiting.resolve({ accepted: reply.accepted, duplicates: reply.duplicates });
      // Storage down is passing: the frame goes again. Anything else is about the events themselves.
      else if (reply.error === 'storage_unavailable') waiting.reject(new RetryableError('ingest storage unavailable'));
      else waiting.reject(new RejectedError(400, JSON.stringify(reply)));
    });
    const fail = (reason: string) => {
      connection = undefined;
      reject(new RetryableError(reason));
      for (const waiting of pending.values()) waiting.reject(new RetryableError(reason));
      pending.clear();
    };
    socket.on('error', (error) => fail(`ingest socket error: ${error.message}`));
    socket.on('close', (code) => fail(`ingest socket closed (${code})`));
  });

  const sendFrame = async (events: readonly PlanciaEvent[]): Promise<Delivery> => {
    connection ??= connect();
    const { socket, pending, next } = await connection;
    const seq = ++next.seq;
    return new Promise<Delivery>((resolve, reject) => {
      pending.set(seq, { resolve, reject });
      socket.send(events.map((e) => JSON.stringify(e)).join('\n'));
    });
  };

  return {
    send: (events) => withRetries(options.retry ?? DEFAULT_RETRY, () => sendFrame(events)),
    async close() {
      const open = await connection?.catch(() => undefined);
      connection = undefined;
      open?.socket.close(1000);
    },
  };
}
