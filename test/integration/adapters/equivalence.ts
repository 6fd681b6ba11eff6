import type { Snapshot } from '@plancia/contracts';
import { backends, NAMED_AGENTS, startTestServer, type TestDatabase, type TestServer } from '../helpers/plancia-server.js';
import { postEvents, type WireEvent } from '../helpers/events.js';
import { settled, snapshotOf } from './board.js';
import { atStateStart } from '../helpers/agent-day.js';

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
