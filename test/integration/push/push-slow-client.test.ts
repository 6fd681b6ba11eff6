import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Socket as NetSocket } from 'node:net';
import { postEvents, queued } from '../helpers/events.js';
import { isSnapshot, openBoard, type Received } from './board-client.js';
import { useServer } from '../helpers/plancia-server.js';

const QUEUES = Array.from({ length: 300 }, (_, i) => `slow-${i}`);
const MIN_ROUNDS = 40;
const MAX_ROUNDS = 2_000;
/** The most the kernel may hold for a paused loopback reader (its receive and the sender's send buffer). */
function kernelBufferBytes(): number {
  const max = (file: string) => Number(readFileSync(`/proc/sys/net/ipv4/${file}`, 'utf8').trim().split(/\s+/)[2]);
  try {
    return max('tcp_rmem') + max('tcp_wmem');
  } catch {
    return 32 << 20;
  }
}
// Well past what the kernel can hold: the server checks its backlog every 500 ms, and a margin of a few messages
// (about 1 MB each here) could end the rounds before a check saw the paused board's backlog.
const PUSHED_BYTES = kernelBufferBytes() + (32 << 20);

/** Roughly what the change messages a board has heard weighed on the wire, counted once per message. */
function changeWeigher(received: Received[]): () => number {
  let counted = 0;
  let bytes = 0;
  return () => {
    for (; counted < received.length; counted += 1) {
      const m = received[counted]!;
      if (m.kind === 'changes') bytes += JSON.stringify(m.delta).length;
    }
    return bytes;
  };
}

/** The TCP socket under a socket.io client's WebSocket transport (Node's `ws`), to stop reading from it. */
function tcpOf(board: ReturnType<typeof openBoard>): NetSocket {
  const transport = board.socket.io.engine.transport as unknown as { ws: { _socket: NetSocket } };
  return transport.ws._socket;
}

describe('a client that stops reading', () => {
  const server = useServer({ PLANCIA_TICK_MS: '20' });

  it('has its pending changes dropped instead of queued without bound, and gets a fresh snapshot once it reads again', async () => {
    const slow = openBoard(server().url);
    const healthy = openBoard(server().url);
    await slow.waitFor(isSnapshot);
    await healthy.waitFor(isSnapshot);
    const tcp = tcpOf(slow);
    tcp.pause();

    // Every round changes 300 queues: a few hundred kilobytes per message. Rounds go on until more has been sent than
    // the kernel's socket buffers can hold for the paused reader, however this machine coalesces them into messages.
    const pushed = changeWeigher(healthy.received);
    let rounds = 0;
    while (rounds < MIN_ROUNDS || (pushed() < PUSHED_BYTES && rounds < MAX_ROUNDS)) {
      const response = await postEvents(server().url, JSON.stringify(QUEUES.map((queueId) => queued(`r${rounds}-${queueId}`, queueId))));
      expect(response.status).toBe(202);
      rounds += 1;
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    expect(pushed()).toBeGreaterThanOrEqual(PUSHED_BYTES);
    await healthy.waitFor((m): m is typeof m => m.kind === 'changes' && (m.delta.queues ?? []).some((q) => q.live?.waiting === rounds));
    const healthyChanges = healthy.received.filter((m) => m.kind === 'changes').length;

    tcp.resume();
    // What the slow board shows: its latest snapshot with the changes heard since.
    const waitingShown = () => {
      const last = slow.received.findLastIndex(isSnapshot);
      const board = new Map((slow.received[last] as Extract<Received, { kind: 'snapshot' }>).snapshot.queues.map((q) => [q.queueId, q.live.waiting]));
      for (const m of slow.received.slice(last)) if (m.kind === 'changes') for (const q of m.delta.queues ?? []) if (q.live?.waiting !== undefined) board.set(q.queueId, q.live.waiting);
      return QUEUES.every((id) => board.get(id) === rounds);
    };
    await expect.poll(waitingShown, { timeout: 20_000 }).toBe(true);
    // It was resynced from snapshots rather than fed every change the healthy board got.
    expect(slow.received.filter(isSnapshot).length).toBeGreaterThan(1);
    expect(slow.received.filter((m) => m.kind === 'changes').length).toBeLessThan(healthyChanges);
    slow.close();
    healthy.close();
    // Changes travel as patches now: filling the kernel's buffers takes many more rounds than whole queues did.
  }, 180_000);
});
