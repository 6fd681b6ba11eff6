import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import type { ClientToServerEvents, Delta, ServerToClientEvents } from '@plancia/contracts';
import { cpuMillis, startBaseline, startServer, type RunningProcess } from '../lib/processes.js';
import { measurement, type Measurement } from '../lib/report.js';
import { summarise } from '../lib/stats.js';
import { steadyTraffic } from '../lib/traffic.js';

export type Board = Socket<ServerToClientEvents, ClientToServerEvents>;

export async function connectBoards(url: string, n: number): Promise<Board[]> {
  const boards: Board[] = [];
  for (let i = 0; i < n; i += 100) {
    const wave = Array.from({ length: Math.min(100, n - i) }, () => new Promise<Board>((ok, fail) => {
      const socket: Board = io(url, { transports: ['websocket'], reconnection: false, timeout: 60_000 });
      socket.once('connect_error', fail);
      socket.once('snapshot', () => ok(socket));
      socket.once('connect', () => socket.emit('subscribe', {}, () => undefined));
    }));
    boards.push(...(await Promise.all(wave)));
  }
  return boards;
}

/** Server CPU share (of one core) and delivery latencies over `seconds`. */
async function observe(proc: RunningProcess, seconds: number, latencies: number[]) {
  latencies.length = 0;
  const cpu0 = cpuMillis(proc.child.pid!);
  const t0 = Date.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const cpu = (cpuMillis(proc.child.pid!) - cpu0) / (Date.now() - t0);
  return { cpu, ...summarise(latencies) };
}

async function plancia(n: number, seconds: number) {
  const server = await startServer({ PLANCIA_PUSH_INTERVAL_MS: '250' });
  const traffic = steadyTraffic(server.url, 200, `fan${n}`);
  const latencies: number[] = [];
  let bytes = 0;
  let messages = 0;
  try {
    const boards = await connectBoards(server.url, n);
    for (const board of boards) {
      board.on('changes', (delta: Delta) => {
        latencies.push(Date.now() - Date.parse(delta.generatedAt));
        if (messages++ < 200) bytes += JSON.stringify(delta).length;
      });
    }
    const seen = await observe(server, seconds, latencies);
    for (const board of boards) board.disconnect();
    return { ...seen, avgBytes: messages > 0 ? bytes / Math.min(messages, 200) : 0 };
  } finally {
    await traffic.stop();
    await server.stop();
  }
}

async function rawWs(n: number, seconds: number, payloadBytes: number) {
  const server = await startBaseline('raw-ws-broadcast.ts', { PAYLOAD_BYTES: String(Math.round(payloadBytes)), HZ: '4' });
  const latencies: number[] = [];
  const sockets: WebSocket[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const socket = new WebSocket(server.url.replace('http', 'ws'), { perMessageDeflate: false });
      socket.on('message', (raw) => latencies.push(Date.now() - (JSON.parse(String(raw)) as { sentAt: number }).sentAt));
      sockets.push(socket);
      if (i % 100 === 99) await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 1000));
    return await observe(server, seconds, latencies);
  } finally {
    for (const s of sockets) s.terminate();
    await server.stop();
  }
}

export async function fanOutSuite(quick: boolean): Promise<Measurement[]> {
  const sizes = quick ? [100, 1_000] : [100, 1_000, 5_000];
  const seconds = quick ? 5 : 10;
  const results: Measurement[] = [];
  for (const n of sizes) {
    const ours = await plancia(n, seconds);
    const raw = await rawWs(n, seconds, ours.avgBytes || 2000);
    results.push(
      measurement({
        suite: 'fan-out', name: `${n} boards at 4 Hz: server CPU`, unit: 'cores', value: ours.cpu,
        baseline: { name: 'raw ws broadcast of the same bytes', value: raw.cpu },
        target: n === 5_000 ? { text: '5,000 clients at 4 Hz within one core', met: ours.cpu <= 1 } : undefined,
        notes: `server also ingests 200 events/s; ~${Math.round(ours.avgBytes)} bytes per change`,
      }),
      measurement({
        suite: 'fan-out', name: `${n} boards: delivery latency p99`, unit: 'ms', value: ours.p99,
        baseline: { name: 'raw ws broadcast p99', value: raw.p99 },
        notes: `p50 ${ours.p50} ms over ${ours.n} deliveries`,
      }),
    );
  }
  return results;
}
