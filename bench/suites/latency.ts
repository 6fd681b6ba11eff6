import WebSocket from 'ws';
import type { BoardChanges, PlanciaEvent } from '@plancia/contracts';
import { startBaseline, startServer, type RunningProcess } from '../lib/processes.js';
import { progress } from '../lib/progress.js';
import { atMost, measurement, type Measurement } from '../lib/report.js';
import { summarise } from '../lib/stats.js';
import { backgroundTraffic } from '../lib/life-traffic.js';
import { connectBoards, onChanges } from '../lib/socket-boards.js';

const PROBE_EVERY_MS = 100;
const RATE = 1_000;

/** When each probe was sent, how long after it each board saw it, and how long its ingest request took to be answered. */
interface Probing { sentAt: Map<string, number>; latencies: number[]; acks: number[] }
/** Subscribes `clients` clients that pass the queue ids they receive to `record`; answers how to detach them. */
type Attach = (url: string, clients: number, record: () => (queueIds: Iterable<string>) => void) => Promise<() => void>;

/** A probe event opens a queue nobody has seen; the clock starts at its ingest request. */
async function sendProbes(url: string, probes: number, probing: Probing): Promise<void> {
  for (let k = 0; k < probes; k++) {
    const queueId = `probe-${k}`;
    const event = { specversion: '1.0', id: queueId, source: 'bench-probe', type: 'contact.queued', time: new Date().toISOString(), data: { contactId: queueId, queueId, channel: 'voice' } };
    const sent = Date.now();
    probing.sentAt.set(queueId, sent);
    await fetch(`${url}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([event]) });
    probing.acks.push(Date.now() - sent);
    await new Promise((r) => setTimeout(r, PROBE_EVERY_MS));
  }
  await new Promise((r) => setTimeout(r, 1000));
}

/** For one client: records the time since each probe's request when the client first sees it. */
function recorder(probing: Probing) {
  const seen = new Set<string>();
  return (queueIds: Iterable<string>) => {
    const now = Date.now();
    for (const queueId of queueIds) {
      const sent = probing.sentAt.get(queueId);
      if (sent === undefined || seen.has(queueId)) continue;
      seen.add(queueId);
      probing.latencies.push(now - sent);
    }
  };
}

/** Probes under 1,000 events/s of background traffic, `clients` clients listening. */
async function probe(proc: RunningProcess, clients: number, probes: number, attach: Attach) {
  const probing: Probing = { sentAt: new Map(), latencies: [], acks: [] };
  const traffic = backgroundTraffic(proc.url, RATE, 'lat');
  try {
    const detach = await attach(proc.url, clients, () => recorder(probing));
    await sendProbes(proc.url, probes, probing);
    detach();
  } finally {
    await traffic.stop();
    await proc.stop();
  }
  return { ...summarise(probing.latencies), acks: summarise(probing.acks) };
}

const socketIoBoards: Attach = async (url, clients, record) => {
  const boards = await connectBoards(url, clients);
  for (const board of boards) {
    const seen = record();
    onChanges(board, (delta: BoardChanges) => seen((delta.queues ?? []).map((q) => q.queueId)));
  }
  return () => boards.forEach((b) => b.disconnect());
};

const rawWsClients: Attach = async (url, clients, record) => {
  const sockets = await Promise.all(Array.from({ length: clients }, () => new Promise<WebSocket>((ok, fail) => {
    const socket = new WebSocket(url.replace('http', 'ws'), { perMessageDeflate: false });
    const seen = record();
    socket.on('message', (raw) => seen((JSON.parse(String(raw)) as PlanciaEvent[]).flatMap((e) => e.type === 'contact.queued' ? [e.data.queueId] : [])));
    socket.once('open', () => ok(socket));
    socket.once('error', fail);
  })));
  return () => sockets.forEach((s) => s.terminate());
};

/**
 * Event to screen: from the ingest request of a probe to its change at each subscribed board, against a relay
 * that parses the same request and forwards it at once to as many raw ws clients (the floor of this path here).
 */
export async function latencySuite(quick: boolean): Promise<Measurement[]> {
  const clients = quick ? 100 : 500;
  const probes = quick ? 10 : 100;
  const step = progress('latency');
  const ours = await probe(await startServer({}), clients, probes, socketIoBoards);
  step(`Plancia probed: p99 ${ours.p99} ms`);
  const floor = await probe(await startBaseline('http-to-ws-relay.ts'), clients, probes, rawWsClients);
  step(`relay probed: p99 ${floor.p99} ms`);
  // The other side of the push path: the same probes' ingest answers under the same traffic with no board listening.
  const alone = await probe(await startServer({}), 0, probes, socketIoBoards);
  step(`ingest answered with no board: p99 ${alone.acks.p99} ms (with ${clients}: ${ours.acks.p99} ms)`);
  const notes = `${ours.n} of ${clients * probes} deliveries seen (relay ${floor.n}); max ${ours.max} ms; default push interval 100 ms`;
  const row = (p: 'p50' | 'p95' | 'p99') => measurement({
    suite: 'latency', name: `event to screen ${p}, ${clients} boards, ~${RATE.toLocaleString('en')} events/s`, unit: 'ms', value: ours[p],
    baseline: { name: 'HTTP → raw ws relay, uncoalesced', value: floor[p] },
    ...(p === 'p99' ? { target: atMost('p99 ≤ 150 ms with the default coalescing', ours.p99, 150) } : {}),
    notes,
  });
  const ack = measurement({
    suite: 'latency', name: `ingest answer p99 while ${clients} boards listen, ~${RATE.toLocaleString('en')} events/s`, unit: 'ms', value: ours.acks.p99,
    baseline: { name: 'the same probes with no board listening', value: alone.acks.p99 },
    notes: `p50 ${ours.acks.p50} ms (no board: ${alone.acks.p50} ms) over ${ours.acks.n} probes: what pushing to the boards adds to an acknowledgement (each after the durable commit)`,
  });
  return [row('p50'), row('p95'), row('p99'), ack];
}
