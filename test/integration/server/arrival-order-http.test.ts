import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '@plancia/contracts';
import { backends, startTestServer, type TestDatabase, type TestServer, NAMED_AGENTS } from '../helpers/plancia-server.js';
import { agentState, answered, postEvents, queued, wireEvent, type WireEvent } from '../helpers/events.js';

/**
 * Eight contacts of the last ten minutes, worked out by hand (T = 20 s, S = 5 s, abandons ignored):
 * every one is minutes older than the engine's grace period by the time the shuffled copy arrives.
 */
function lastTenMinutes(now: number): WireEvent[] {
  const at = (secondsAgo: number) => now - secondsAgo * 1000;
  const abandoned = (id: string, contactId: string, t: number) => wireEvent('contact.abandoned', id, { contactId }, t);
  const ended = (id: string, contactId: string, t: number) => wireEvent('contact.ended', id, { contactId }, t);
  return [
    agentState('s1', 'ag1', 'available', ['sales'], at(700)),
    agentState('s2', 'ag2', 'available', ['sales'], at(700)),
    queued('c1', 'sales', at(600)), answered('a1', 'c-c1', 'ag1', at(590)), ended('e1', 'c-c1', at(500)), // met, wait 10
    queued('c2', 'sales', at(540)), answered('a2', 'c-c2', 'ag2', at(515)), ended('e2', 'c-c2', at(400)), // missed, wait 25
    queued('c3', 'sales', at(480)), abandoned('b3', 'c-c3', at(477)), // short abandon, 3 s
    queued('c4', 'sales', at(420)), abandoned('b4', 'c-c4', at(380)), // missed, abandoned after 40 s
    queued('c5', 'sales', at(360)), answered('a5', 'c-c5', 'ag1', at(355)), ended('e5', 'c-c5', at(300)), // met, wait 5
    queued('c6', 'sales', at(300)), abandoned('b6', 'c-c6', at(290)), // abandoned within T
    queued('c7', 'sales', at(240)), // still waiting: missed at T
    queued('c8', 'sales', at(120)), answered('a8', 'c-c8', 'ag2', at(105)), // met, wait 15, still talking
  ];
}

/** Everything the board shows of the queue and its agents that arrival order could disturb. */
function board(snapshot: Snapshot) {
  const sales = snapshot.queues.find((q) => q.queueId === 'sales')!;
  // Occupancy weighs agents' time up to the instant of reading, so two readings seconds apart differ by design.
  const { occupancy: _readAt, ...rolling } = sales.windows.rolling;
  return {
    rolling,
    live: sales.live,
    agents: snapshot.agents.map(({ agentId, state, since, contactId, conflicts }) => ({ agentId, state, since, contactId, conflicts })),
    anomalies: snapshot.anomalies,
  };
}

async function snapshotOf(server: TestServer): Promise<Snapshot> {
  return (await (await fetch(`${server.url}/api/v1/snapshot`)).json()) as Snapshot;
}

describe.each(backends)('arrival order through the HTTP API, on $name', (backend) => {
  const databases: TestDatabase[] = [];
  const servers: TestServer[] = [];
  async function freshServer(): Promise<TestServer> {
    const database = await backend.create();
    databases.push(database);
    const server = await startTestServer(database, NAMED_AGENTS);
    servers.push(server);
    return server;
  }
  let events: WireEvent[];
  let inOrder: TestServer;
  beforeAll(async () => {
    events = lastTenMinutes(Date.now());
    inOrder = await freshServer();
    expect((await postEvents(inOrder.url, JSON.stringify(events))).status).toBe(202);
  });
  afterAll(async () => {
    for (const server of servers) await server.stop();
    for (const database of databases) await database.dispose();
  });

  it('in time order, in one batch, gives the figures worked out by hand', async () => {
    const { rolling, live } = board(await snapshotOf(inOrder));
    expect(rolling).toMatchObject({
      offered: 7, answered: 4, abandoned: 2, shortAbandoned: 1, answeredWithinThreshold: 3, abandonedWithinThreshold: 1,
      settled: 7, serviceLevel: 0.5, asa: 13.75, abandonRate: 2 / 6,
    });
    expect(live.waiting).toBe(1);
    expect(live.agents).toMatchObject({ available: 0, on_contact: 1, wrap_up: 1 }) // ag1 ended c5 without a completion: wrap-up;
  });

  it('shuffled and split into batches, the same events give the same board', async () => {
    const shuffles = fc.sample(fc.tuple(fc.shuffledSubarray(events, { minLength: events.length }), fc.integer({ min: 1, max: 6 })), { numRuns: 3, seed: 20261204 });
    const expected = board(await snapshotOf(inOrder));
    for (const [shuffled, batches] of shuffles) {
      const server = await freshServer();
      const size = Math.ceil(shuffled.length / batches);
      for (let i = 0; i < shuffled.length; i += size) {
        expect((await postEvents(server.url, JSON.stringify(shuffled.slice(i, i + size)))).status).toBe(202);
      }
      expect(board(await snapshotOf(server))).toEqual(expected);
    }
  });
});
