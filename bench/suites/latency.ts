import { monitorEventLoopDelay } from 'node:perf_hooks';
import { PROBE_PREFIX, startSwarm, type SwarmSpec } from '../lib/board-swarm.js';
import { startBaseline, startServer, type RunningProcess } from '../lib/processes.js';
import { progress } from '../lib/progress.js';
import { atMost, measurement, type Measurement } from '../lib/report.js';
import { summarise } from '../lib/stats.js';
import { backgroundTraffic } from '../lib/life-traffic.js';

const PROBE_EVERY_MS = 100;
const RATE = 1_000;

/** When each probe was sent and how long its ingest request took to be answered. */
interface Probing { sentAt: Map<string, number>; acks: number[] }

/**
 * Boards in client processes of this many each, as a floor's boards are each in their own browser: 500 boards
 * decoding every change in one event loop delayed the last of them by ~70 ms at the p99 (the bench process's own
 * event-loop delay, measured), which is the load generator's lateness, not the server's.
 */
const BOARDS_PER_CLIENT_PROCESS = 100;

/** A probe event opens a queue nobody has seen; the clock starts at its ingest request. */
async function sendProbes(url: string, probes: number, probing: Probing): Promise<void> {
  for (let k = 0; k < probes; k++) {
    const queueId = `${PROBE_PREFIX}${k}`;
    const event = { specversion: '1.0', id: queueId, source: 'bench-probe', type: 'contact.queued', time: new Date().toISOString(), data: { contactId: queueId, queueId, channel: 'voice' } };
    const sent = Date.now();
    probing.sentAt.set(queueId, sent);
    await fetch(`${url}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([event]) });
    probing.acks.push(Date.now() - sent);
    await new Promise((r) => setTimeout(r, PROBE_EVERY_MS));
  }
  await new Promise((r) => setTimeout(r, 1000));
}

/** Probes under 1,000 events/s of background traffic, `clients` boards of `kind` listening in client processes. */
async function probe(proc: RunningProcess, clients: number, probes: number, kind: SwarmSpec['kind']) {
  const probing: Probing = { sentAt: new Map(), acks: [] };
  const traffic = backgroundTraffic(proc.url, RATE, 'lat');
  const swarm = clients > 0 ? await startSwarm({ url: proc.url, kind, boards: clients, probes: true }, BOARDS_PER_CLIENT_PROCESS) : null;
  const bench = monitorEventLoopDelay({ resolution: 5 });
  try {
    bench.enable();
    const heard = swarm ? await swarm.listenWhile(() => sendProbes(proc.url, probes, probing)) : (await sendProbes(proc.url, probes, probing), null);
    bench.disable();
    const latencies = (heard?.sightings ?? []).flatMap(([queueId, atMs]) => {
      const sent = probing.sentAt.get(queueId);
      return sent === undefined ? [] : [atMs - sent];
    });
    return { ...summarise(latencies), acks: summarise(probing.acks), processes: swarm?.processes ?? 0, benchLoopP99: Math.round(bench.percentile(99) / 1e6) };
  } finally {
    await swarm?.close();
    await traffic.stop();
    await proc.stop();
  }
}

/**
 * Event to screen: from the ingest request of a probe to its change at each subscribed board, against a relay
 * that parses the same request and forwards it at once to as many raw ws clients (the floor of this path here).
 */
export async function latencySuite(quick: boolean): Promise<Measurement[]> {
  const clients = quick ? 100 : 500;
  const probes = quick ? 10 : 100;
  const step = progress('latency');
  const ours = await probe(await startServer({}), clients, probes, 'socket.io');
  step(`Plancia probed: p99 ${ours.p99} ms`);
  const floor = await probe(await startBaseline('http-to-ws-relay.ts'), clients, probes, 'raw');
  step(`relay probed: p99 ${floor.p99} ms`);
  // The other side of the push path: the same probes' ingest answers under the same traffic with no board listening.
  const alone = await probe(await startServer({}), 0, probes, 'socket.io');
  step(`ingest answered with no board: p99 ${alone.acks.p99} ms (with ${clients}: ${ours.acks.p99} ms)`);
  const notes = `${ours.n} of ${clients * probes} deliveries seen (relay ${floor.n}); max ${ours.max} ms; default push interval 100 ms; boards in ${ours.processes} client processes (bench process event-loop delay p99 ${ours.benchLoopP99} ms)`;
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
