import { describe, expect, it } from 'vitest';
import type { Snapshot } from '@plancia/contracts';
import { agentState, postEvents } from '../helpers/events.js';
import { isSnapshot, openBoard, openLive, type Received } from './board-client.js';
import { NAMED_AGENTS, useServer } from '../helpers/plancia-server.js';

const post = async (url: string, events: unknown[]) => expect((await postEvents(url, JSON.stringify(events))).status).toBe(202);
const QUEUE = 'paged';
/** Agents named by their ids (no agent configuration): pg-01 … pg-07 is their name order too. */
const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `pg-0${from + i}`);
let eventId = 0;
const states = (agentIds: readonly string[], state: string) => agentIds.map((id) => agentState(`pg-e${++eventId}`, id, state, [QUEUE]));

const agentsIn = (m: Received): ReadonlyArray<{ agentId?: string; state?: string }> => (m.kind === 'snapshot' ? m.snapshot.agents : m.kind === 'changes' ? m.delta.agents ?? [] : []);
const heard = (agentId: string, test: (agent: { state?: string }) => boolean = () => true) => (m: Received): m is Extract<Received, { kind: 'changes' }> =>
  m.kind === 'changes' && agentsIn(m).some((a) => a.agentId === agentId && test(a));

describe('a TV board on one agent page', () => {
  const server = useServer({ PLANCIA_TICK_MS: '20', ...NAMED_AGENTS });

  it('gets only the agents of its page and the total of its view, and an agent entering or leaving the page', async () => {
    await post(server().url, states(ids(1, 7), 'available'));
    await expect.poll(async () => ((await (await fetch(`${server().url}/api/v1/snapshot?queues=${QUEUE}`)).json()) as Snapshot).agents.length).toBe(7);

    const view = { queues: [QUEUE], agentPage: { offset: 3, limit: 3 } };
    const tv = openBoard(server().url, { view });
    const first = await tv.waitFor(isSnapshot);
    expect(first.snapshot.agents.map((a) => a.agentId)).toEqual(ids(4, 6));
    expect(first.snapshot.agentPage).toEqual({ offset: 3, limit: 3, total: 7 });
    // TVs on the same page share one room, however their views are spelled.
    const twinView = { agentPage: { limit: 3, offset: 3 }, queues: [QUEUE, QUEUE] };
    const twin = openBoard(server().url, { view: twinView });
    await twin.waitFor(isSnapshot);
    const [room, twinRoom] = await Promise.all([tv.socket.timeout(5000).emitWithAck('subscribe', view), twin.socket.timeout(5000).emitWithAck('subscribe', twinView)]);
    expect(room).toEqual(twinRoom);

    await post(server().url, states(['pg-01', 'pg-05', 'pg-07'], 'not_ready'));
    await tv.waitFor(heard('pg-05', (a) => a.state === 'not_ready'));

    // An agent named before the page pushes pg-06 off it and brings pg-03 on, whole.
    await post(server().url, states(['pg-00'], 'available'));
    const shifted = await tv.waitFor(heard('pg-03'));
    expect(shifted.delta.agents?.find((a) => a.agentId === 'pg-03')).toMatchObject({ agentId: 'pg-03', name: 'pg-03', state: 'available', queueIds: [QUEUE] });
    await expect.poll(() => tv.received.some((m) => m.kind === 'changes' && m.delta.removed?.agents?.includes('pg-06'))).toBe(true);
    await expect.poll(() => tv.received.some((m) => m.kind === 'changes' && m.delta.agentPage?.total === 8)).toBe(true);

    const offPage = new Set(['pg-00', 'pg-01', 'pg-02', 'pg-07']);
    expect(tv.received.flatMap(agentsIn).filter((a) => offPage.has(a.agentId!))).toEqual([]);
    tv.close();
    twin.close();
  });

  it('serves a page on the plain feed and the snapshot route, and refuses half a page with a 400 naming the missing field', async () => {
    const feed = openLive(server().wsUrl, `?queues=${QUEUE}&agentOffset=0&agentLimit=2`);
    await feed.opened;
    await expect.poll(() => feed.messages.some((m) => m.type === 'snapshot')).toBe(true);
    const fromFeed = feed.messages.find((m) => m.type === 'snapshot');
    expect(fromFeed?.type === 'snapshot' && fromFeed.snapshot.agents.length).toBeLessThanOrEqual(2);
    feed.socket.close();

    const counted = await (await fetch(`${server().url}/api/v1/snapshot?queues=${QUEUE}&agentOffset=0&agentLimit=0`)).json() as Snapshot;
    expect(counted.agents).toEqual([]);
    expect(counted.agentPage?.limit).toBe(0);
    for (const [query, field] of [['agentOffset=0', '/agentLimit'], ['agentLimit=5', '/agentOffset']] as const) {
      const response = await fetch(`${server().url}/api/v1/snapshot?${query}`);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { details: { path: string }[] }).details.map((d) => d.path)).toEqual([field]);
    }
    expect((await fetch(`${server().url}/api/v1/snapshot?agentOffset=0&agentLimit=201`)).status).toBe(400);
  });
});
