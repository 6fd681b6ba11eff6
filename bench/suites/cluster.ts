import { randomBytes } from 'node:crypto';
import type { BoardChanges } from '@plancia/contracts';
import { inspectCluster } from '../../apps/server/src/cluster/cluster-admin.js';
import { freshDatabase } from '../lib/database.js';
import { backgroundTraffic } from '../lib/life-traffic.js';
import { startServer, type RunningProcess } from '../lib/processes.js';
import { progress } from '../lib/progress.js';
import { atMost, measurement, type Measurement } from '../lib/report.js';
import { summarise } from '../lib/stats.js';
import { connectBoards, onChanges } from '../lib/socket-boards.js';

const NATS_URL = process.env.BENCH_NATS_URL ?? 'nats://127.0.0.1:4222';
const PROBE_EVERY_MS = 100;
const RATE = 1_000;

/**
 * Event to screen across nodes: probes posted to the first node, timed at boards of the last, while background
 * traffic is spread over every node; `nodes` is the single process in the baseline run.
 */
async function probeAcross(nodes: RunningProcess[], clients: number, probes: number): Promise<ReturnType<typeof summarise>> {
  const [first, last] = [nodes[0]!, nodes[nodes.length - 1]!];
  const traffic = nodes.map((node, i) => backgroundTraffic(node.url, RATE / nodes.length, `cl${i}`));
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const boards = await connectBoards(last.url, clients);
  try {
    for (const board of boards) {
      const seen = new Set<string>();
      onChanges(board, (delta: BoardChanges) => {
        const now = Date.now();
        for (const { queueId } of delta.queues ?? []) {
          const sent = sentAt.get(queueId);
          if (sent === undefined || seen.has(queueId)) continue;
          seen.add(queueId);
          latencies.push(now - sent);
        }
      });
    }
    for (let k = 0; k < probes; k++) {
      const queueId = `probe-${k}`;
      const event = { specversion: '1.0', id: queueId, source: 'bench-probe', type: 'contact.queued', time: new Date().toISOString(), data: { contactId: queueId, queueId, channel: 'voice' } };
      sentAt.set(queueId, Date.now());
      await fetch(`${first.url}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([event]) });
      await new Promise((r) => setTimeout(r, PROBE_EVERY_MS));
    }
    await new Promise((r) => setTimeout(r, 1000));
  } finally {
    boards.forEach((b) => b.disconnect());
    await Promise.all(traffic.map((t) => t.stop()));
  }
  return summarise(latencies);
}

/**
 * Three nodes on the machine's NATS JetStream and one PostgreSQL, against the single process on PostgreSQL in the
 * same run. The machine's NATS fsyncs on its own schedule (the nodes start with PLANCIA_NATS_ALLOW_UNSYNCED): with
 * `sync_interval: always` each publish waits for a disk flush as well.
 */
export async function clusterSuite(quick: boolean): Promise<Measurement[]> {
  const clients = quick ? 50 : 200;
  const probes = quick ? 10 : 100;
  const step = progress('cluster');
  const cluster = `bench${randomBytes(4).toString('hex')}`;
  const database = await freshDatabase('cluster');
  const single = await freshDatabase('single');
  let ours;
  let floor;
  try {
    const env = { DATABASE_URL: database.url, PLANCIA_NATS_URL: NATS_URL, PLANCIA_CLUSTER: cluster, PLANCIA_NATS_ALLOW_UNSYNCED: '1' };
    const nodes = await Promise.all([1, 2, 3].map((n) => startServer({ ...env, PLANCIA_NODE_ID: `bench-${n}` })));
    try {
      ours = await probeAcross(nodes, clients, probes);
    } finally {
      await Promise.all(nodes.map((node) => node.stop()));
    }
    step(`cluster probed: p99 ${ours.p99} ms`);
    const alone = await startServer({ DATABASE_URL: single.url });
    try {
      floor = await probeAcross([alone], clients, probes);
    } finally {
      await alone.stop();
    }
    step(`single process probed: p99 ${floor.p99} ms`);
  } finally {
    const admin = await inspectCluster([NATS_URL], cluster);
    await admin.remove();
    await admin.close();
    await database.drop();
    await single.drop();
  }
  const notes = `${ours.n} of ${clients * probes} deliveries seen (single process ${floor.n}); ingest spread over 3 nodes at ~${RATE.toLocaleString('en')} events/s; max ${ours.max} ms`;
  const row = (p: 'p50' | 'p95' | 'p99') => measurement({
    suite: 'cluster', name: `event to screen across nodes ${p}, ${clients} boards on another node`, unit: 'ms', value: ours[p],
    baseline: { name: 'single process (PostgreSQL), same probes', value: floor[p] },
    ...(p === 'p99' ? { target: atMost('p99 ≤ 250 ms across nodes', ours.p99, 250) } : {}),
    notes,
  });
  return [row('p50'), row('p95'), row('p99')];
}
