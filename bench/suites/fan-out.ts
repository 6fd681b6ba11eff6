import type { BoardChanges, View } from '@plancia/contracts';
import { startSwarm, type Swarm } from '../lib/board-swarm.js';
import { cpuMillis, startBaseline, startServer, type RunningProcess } from '../lib/processes.js';
import { progress } from '../lib/progress.js';
import { measurement, type Measurement } from '../lib/report.js';
import { connectBoards, onChanges } from '../lib/socket-boards.js';
import { summarise } from '../lib/stats.js';
import { backgroundTraffic } from '../lib/life-traffic.js';

const HZ = 4;
/** Events/s ingested while boards listen, so that every tick has changes to send. */
const INGEST_RATE = 50;
/** Bytes per change message per board on this traffic in the run of 2026-11-23 (JSON, before deflate): issue 21's "~18 KB". */
const BYTES_BEFORE = 18_454;

/** Boards of each kind, default and `agents: 'none'`, that weigh the change messages side by side after the sizes. */
const WEIGHED_BOARDS = 10;

interface Observed { cpu: number; p50: number; p99: number; n: number; perSecond: number }

/** Server CPU share (of one core), delivery latencies and deliveries per second over `seconds`, heard by the swarm. */
async function observe(proc: RunningProcess, swarm: Swarm, seconds: number): Promise<Observed & { connected: number; sizes: number[]; jsonSizes: number[] }> {
  const cpu0 = cpuMillis(proc.child.pid!);
  const heard = await swarm.listen(seconds);
  const cpu = (cpuMillis(proc.child.pid!) - cpu0) / heard.elapsedMs;
  const { p50, p99, n } = summarise(heard.latencies);
  return { cpu, p50, p99, n, perSecond: (n / heard.elapsedMs) * 1000, connected: heard.connected, sizes: heard.sizes, jsonSizes: heard.jsonSizes };
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

/**
 * Bytes per change message for boards of the whole centre that show agents and for boards that show none
 * (`agents: 'none'`), side by side for `seconds` on a server of its own under the same ingest: one with named agent
 * detail, since under the default (off) no board is sent any agent and the two would weigh the same.
 */
async function weighChanges(seconds: number, step: (s: string) => void): Promise<{ shown: number; none: number; shownJson: number; noneJson: number }> {
  const server = await startServer({
    PLANCIA_TICK_MS: String(1000 / HZ), PLANCIA_PUSH_INTERVAL_MS: String(1000 / HZ),
    PLANCIA_AGENT_DETAIL: 'named', PLANCIA_AGENT_AGREEMENT: 'bench: invented agents',
  });
  const traffic = backgroundTraffic(server.url, INGEST_RATE, 'weigh');
  const weigh = async (view: View) => {
    const boards = await connectBoards(server.url, WEIGHED_BOARDS, view);
    const heard = { sizes: [] as number[], jsonSizes: [] as number[], withAgents: 0 };
    for (const board of boards) {
      onChanges(board, (delta: BoardChanges, bytes) => {
        heard.sizes.push(bytes);
        heard.jsonSizes.push(JSON.stringify(delta).length);
        if (delta.agents) heard.withAgents += 1;
      });
    }
    return { boards, heard };
  };
  try {
    const [shown, none] = await Promise.all([weigh({}), weigh({ agents: 'none' })]);
    // Counted from when both kinds are subscribed, so they weigh the same changes.
    for (const { heard } of [shown, none]) Object.assign(heard, { sizes: [], jsonSizes: [], withAgents: 0 });
    await new Promise((r) => setTimeout(r, seconds * 1000));
    for (const board of [...shown.boards, ...none.boards]) board.disconnect();
    const result = { shown: mean(shown.heard.sizes), none: mean(none.heard.sizes), shownJson: mean(shown.heard.jsonSizes), noneJson: mean(none.heard.jsonSizes) };
    step(`bytes per change, named agents: shown ${Math.round(result.shown)} (JSON ${Math.round(result.shownJson)}; ${shown.heard.withAgents} of ${shown.heard.sizes.length} with agents), agents 'none' ${Math.round(result.none)} (JSON ${Math.round(result.noneJson)}; ${none.heard.sizes.length} changes)`);
    return result;
  } finally {
    await traffic.stop();
    await server.stop();
  }
}

type Observations = Map<number, Observed & { boards: string; processes: number }>;

/**
 * One Plancia server under steady ingest, observed with each number of boards in turn. Its engine ticks every
 * 250 ms (the default) and its push layer sends at most one change per 250 ms, so boards get them at 4 Hz.
 */
async function plancia(sizes: number[], seconds: number, step: (s: string) => void) {
  const server = await startServer({ PLANCIA_TICK_MS: String(1000 / HZ), PLANCIA_PUSH_INTERVAL_MS: String(1000 / HZ) });
  const traffic = backgroundTraffic(server.url, INGEST_RATE, 'fan');
  const sizesSeen: number[] = [];
  const jsonSeen: number[] = [];
  try {
    const results: Observations = new Map();
    for (const n of sizes) {
      const swarm = await startSwarm({ url: server.url, kind: 'socket.io', boards: n });
      step(`${swarm.connected} of ${n} socket.io boards subscribed, in ${swarm.processes} client processes`);
      try {
        const seen = await observe(server, swarm, seconds);
        if (sizesSeen.length === 0) {
          sizesSeen.push(...seen.sizes);
          jsonSeen.push(...seen.jsonSizes);
        }
        results.set(n, { ...seen, processes: swarm.processes, boards: `${seen.connected} of ${n} boards connected at the end` });
      } finally {
        await swarm.close();
      }
    }
    return { results, avgBytes: mean(sizesSeen), avgJson: mean(jsonSeen) };
  } finally {
    await traffic.stop();
    await server.stop();
  }
}

/** The baseline: raw `ws` broadcasting messages of the same size at the same rate, to the same numbers of clients in as many processes. */
async function rawWs(sizes: number[], seconds: number, payloadBytes: number, step: (s: string) => void) {
  const server = await startBaseline('raw-ws-broadcast.ts', { PAYLOAD_BYTES: String(Math.round(payloadBytes)), HZ: String(HZ) });
  const results = new Map<number, Observed>();
  try {
    for (const n of sizes) {
      const swarm = await startSwarm({ url: server.url, kind: 'raw', boards: n });
      step(`${swarm.connected} of ${n} raw ws clients connected, in ${swarm.processes} client processes`);
      try {
        results.set(n, await observe(server, swarm, seconds));
      } finally {
        await swarm.close();
      }
    }
    return results;
  } finally {
    await server.stop();
  }
}

export async function fanOutSuite(quick: boolean): Promise<Measurement[]> {
  const sizes = quick ? [100, 250] : [100, 1_000, 5_000];
  const seconds = quick ? 1 : 6;
  const step = progress('fan-out');
  const ours = await plancia(sizes, seconds, step);
  const raw = await rawWs(sizes, seconds, ours.avgBytes || 2000, step);
  const weighed = await weighChanges(Math.max(4, seconds), step);
  const bytes = measurement({
    suite: 'fan-out', name: 'bytes per change per board', unit: 'B', value: ours.avgBytes,
    baseline: { name: 'the same changes as JSON (socket.io text, as before deflate)', value: ours.avgJson },
    target: { text: `≥ 5 × fewer than the ${BYTES_BEFORE.toLocaleString('en')} B per change of 2026-11-23`, met: ours.avgBytes * 5 <= BYTES_BEFORE },
    notes: `deflated once per room, base64 (encoding 'deflate', as the web app asks); with named agents on the same traffic: ~${Math.round(weighed.shown)} B showing agents (JSON ${Math.round(weighed.shownJson)}), ~${Math.round(weighed.none)} B with agents 'none' (JSON ${Math.round(weighed.noneJson)})`,
  });
  return [bytes, ...sizes.flatMap((n) => {
    const p = ours.results.get(n)!;
    const r = raw.get(n)!;
    const delivered = `${Math.round(p.perSecond)} of ${n * HZ} expected changes/s delivered (raw ws: ${Math.round(r.perSecond)})`;
    return [
      measurement({
        suite: 'fan-out', name: `${n} boards at ${HZ} Hz: server CPU`, unit: 'cores', value: p.cpu,
        baseline: { name: 'raw ws broadcast of the same bytes', value: r.cpu },
        target: n === 5_000 ? { text: '5,000 clients at 4 Hz within one core (≥ 90 % delivered)', met: p.cpu <= 1 && p.perSecond >= 0.9 * n * HZ, ofLimit: p.cpu } : undefined,
        notes: `boards in ${p.processes} client processes; server also ingests ${INGEST_RATE} events/s; ~${Math.round(ours.avgBytes)} bytes per change; ${delivered}; ${p.boards}`,
      }),
      measurement({
        suite: 'fan-out', name: `${n} boards: delivery latency p99`, unit: 'ms', value: p.p99,
        baseline: { name: 'raw ws broadcast p99', value: r.p99 },
        notes: `p50 ${p.p50} ms (raw ws ${r.p50} ms) over ${p.n} deliveries`,
      }),
    ];
  })];
}
