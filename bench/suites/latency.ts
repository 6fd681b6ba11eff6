import type { Delta } from '@plancia/contracts';
import { startServer } from '../lib/processes.js';
import { measurement, type Measurement } from '../lib/report.js';
import { summarise } from '../lib/stats.js';
import { steadyTraffic } from '../lib/traffic.js';
import { connectBoards } from './fan-out.js';

const PROBE_EVERY_MS = 100;

/**
 * Event to screen: a probe event opens a queue nobody has seen; the time from its ingest request to the first
 * change naming that queue at each subscribed board, under background traffic.
 */
export async function latencySuite(quick: boolean): Promise<Measurement[]> {
  const boardsCount = quick ? 100 : 500;
  const probes = quick ? 50 : 150;
  const server = await startServer({});
  const traffic = steadyTraffic(server.url, 1_000, 'lat');
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  try {
    const boards = await connectBoards(server.url, boardsCount);
    for (const board of boards) {
      const seen = new Set<string>();
      board.on('changes', (delta: Delta) => {
        const now = Date.now();
        for (const q of delta.queues ?? []) {
          const sent = sentAt.get(q.queueId);
          if (sent !== undefined && !seen.has(q.queueId)) {
            seen.add(q.queueId);
            latencies.push(now - sent);
          }
        }
      });
    }
    for (let k = 0; k < probes; k++) {
      const queueId = `probe-${k}`;
      const event = { specversion: '1.0', id: queueId, source: 'bench-probe', type: 'contact.queued', time: new Date().toISOString(), data: { contactId: queueId, queueId, channel: 'voice' } };
      sentAt.set(queueId, Date.now());
      await fetch(`${server.url}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) });
      await new Promise((r) => setTimeout(r, PROBE_EVERY_MS));
    }
    await new Promise((r) => setTimeout(r, 1000));
    for (const board of boards) board.disconnect();
  } finally {
    await traffic.stop();
    await server.stop();
  }
  const s = summarise(latencies);
  const expected = boardsCount * probes;
  return [
    measurement({
      suite: 'latency', name: `event to screen p99, ${boardsCount} boards, ~1,000 events/s`, unit: 'ms', value: s.p99,
      baseline: { name: 'default coalescing interval', value: 100 },
      target: { text: 'p99 ≤ 150 ms with the default coalescing', met: s.p99 <= 150 },
      notes: `p50 ${s.p50} ms, p95 ${s.p95} ms, max ${s.max} ms; ${s.n} of ${expected} deliveries seen`,
    }),
    measurement({ suite: 'latency', name: 'event to screen p50', unit: 'ms', value: s.p50, baseline: { name: 'default coalescing interval', value: 100 } }),
    measurement({ suite: 'latency', name: 'event to screen p95', unit: 'ms', value: s.p95, baseline: { name: 'default coalescing interval', value: 100 } }),
  ];
}
