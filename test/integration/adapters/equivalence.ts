import type { Snapshot } from '@plancia/contracts';
import { backends, NAMED_AGENTS, startTestServer, type TestDatabase, type TestServer } from '../helpers/plancia-server.js';
import { postEvents, type WireEvent } from '../helpers/events.js';
import { settled, snapshotOf } from './board.js';

/** Two fresh servers: one fed by an adapter, one by CloudEvents, to compare what the board shows (agents included). */
export async function serverPair(vendorEnv: Record<string, string>) {
  const databases: TestDatabase[] = [await backends.at(-1)!.create(), await backends.at(-1)!.create()];
  const vendor = await startTestServer(databases[0]!, { ...NAMED_AGENTS, ...vendorEnv });
  const cloud = await startTestServer(databases[1]!, NAMED_AGENTS);
  return {
    vendor,
    cloud,
    async close() {
      await Promise.all([vendor.stop(), cloud.stop()]);
      await Promise.all(databases.map((d) => d.dispose()));
    },
  };
}

export async function sendCloudEvents(server: TestServer, events: WireEvent[]): Promise<void> {
  const response = await postEvents(server.url, JSON.stringify(events));
  if (response.status !== 202) throw new Error(`POST /api/v1/events answered ${response.status}: ${await response.text()}`);
}

type Agent = Snapshot['agents'][number];
const round = (n: number) => Math.round(n * 1000) / 1000;
const RUNNING_FIELD = { on_contact: 'talk', wrap_up: 'wrapUp', available: 'idle', not_ready: 'notReady' } as const;

/**
 * An agent's day as it stood when its current state began: the engine counts the running state up to the moment the
 * snapshot was taken (`today.asOf`), which differs between two servers read one after the other.
 */
function atStateStart(agent: Agent): Agent {
  const today = agent.today;
  if (!today) return agent;
  const running = (Date.parse(today.asOf) - Date.parse(agent.since)) / 1000;
  const { asOf: _asOf, occupancy: _occupancy, ...figures } = today;
  const notReadyByReason = { ...figures.notReadyByReason };
  const field = RUNNING_FIELD[agent.state as keyof typeof RUNNING_FIELD];
  if (field) figures[field] -= running;
  if (agent.state === 'not_ready') notReadyByReason[agent.reason ?? ''] = (notReadyByReason[agent.reason ?? ''] ?? 0) - running;
  const rounded = Object.fromEntries(Object.entries(notReadyByReason).map(([reason, seconds]) => [reason, round(seconds)]));
  return { ...agent, today: { ...figures, talk: round(figures.talk), wrapUp: round(figures.wrapUp), idle: round(figures.idle), notReady: round(figures.notReady), notReadyByReason: rounded } as unknown as NonNullable<Agent['today']> };
}

/** What the board shows of some queues and agents (everything but the moment it was taken). */
export function slice(snapshot: Snapshot, queueIds: string[], agentIds: string[]) {
  return {
    queues: snapshot.queues.filter((q) => queueIds.includes(q.queueId)),
    agents: snapshot.agents.filter((a) => agentIds.includes(a.agentId)).map(atStateStart),
  };
}

/** The slice of the board once the server has committed everything it was sent. */
export async function settledSlice(server: TestServer, queueIds: string[], agentIds: string[]) {
  await settled(server, 200);
  return slice(await snapshotOf(server), queueIds, agentIds);
}

/** Seconds after `startMs` (rounded down to a whole second), as ISO time and as the vendors' epoch forms. */
export function clockFrom(startMs: number) {
  startMs = Math.floor(startMs / 1000) * 1000;
  return (seconds: number) => {
    const ms = startMs + seconds * 1000;
    return { ms, iso: new Date(ms).toISOString(), sec: String(Math.floor(ms / 1000)), micros: String(ms * 1000) };
  };
}
