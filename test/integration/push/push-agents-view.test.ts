import { describe, expect, it } from 'vitest';
import type { Snapshot } from '@plancia/contracts';
import { agentState, postEvents, queued } from '../helpers/events.js';
import { isSnapshot, openBoard, openLive, type Received } from './board-client.js';
import { NAMED_AGENTS, useServer } from '../helpers/plancia-server.js';

const post = async (url: string, events: unknown[]) => expect((await postEvents(url, JSON.stringify(events))).status).toBe(202);

/** Agents of a message the board heard: a snapshot's list or a change's patches. */
const agentsIn = (m: Received): ReadonlyArray<{ agentId: string; state?: string }> => (m.kind === 'snapshot' ? m.snapshot.agents : m.kind === 'changes' ? m.delta.agents ?? [] : []);
const agentHeard = (agentId: string) => (m: Received): m is Extract<Received, { kind: 'changes' }> =>
  m.kind === 'changes' && agentsIn(m).some((a) => a.agentId === agentId);
/** A change of the queue's count of agents in `state`, as its patch carries it. */
const countHeard = (queueId: string, state: 'available' | 'not_ready', atLeast: number) => (m: Received): m is Extract<Received, { kind: 'changes' }> =>
  m.kind === 'changes' && (m.delta.queues ?? []).some((q) => q.queueId === queueId && (q.live?.agents?.[state] ?? 0) >= atLeast);

describe("a board's agents choice", () => {
  // Named agent detail: with the default (off) no board gets agents, whatever it asks for.
  const server = useServer({ PLANCIA_TICK_MS: '20', ...NAMED_AGENTS });

  it("sends a socket.io board of agents 'none' its queues' counts but no agent, while a default board on the same view gets the agents", async () => {
    const shown = openBoard(server().url, { view: { queues: ['floor'] } });
    const counts = openBoard(server().url, { view: { queues: ['floor'], agents: 'none' } });
    await Promise.all([shown.waitFor(isSnapshot), counts.waitFor(isSnapshot)]);
    await post(server().url, [agentState('floor-a1', 'agent-floor', 'available', ['floor']), queued('floor-q1', 'floor')]);
    await shown.waitFor(agentHeard('agent-floor'));
    await counts.waitFor(countHeard('floor', 'available', 1));
    await post(server().url, [agentState('floor-a2', 'agent-floor', 'not_ready', ['floor'])]);
    await counts.waitFor(countHeard('floor', 'not_ready', 1));
    await expect.poll(() => shown.received.filter(agentHeard('agent-floor')).some((m) => agentsIn(m).some((a) => a.state === 'not_ready'))).toBe(true);
    expect(counts.received.flatMap(agentsIn)).toEqual([]);
    expect(counts.received.some((m) => m.kind === 'changes' && m.delta.agents !== undefined)).toBe(false);
    shown.close();
    counts.close();
  });

  it("serves agents 'none' on the plain feed and the snapshot route as well", async () => {
    const shown = openLive(server().wsUrl, '?queues=desk');
    const counts = openLive(server().wsUrl, '?queues=desk&agents=none');
    await Promise.all([shown.opened, counts.opened]);
    await expect.poll(() => counts.messages.some((m) => m.type === 'snapshot')).toBe(true);
    await expect.poll(() => shown.messages.some((m) => m.type === 'snapshot')).toBe(true);
    await post(server().url, [agentState('desk-a1', 'agent-desk', 'available', ['desk']), queued('desk-q1', 'desk')]);
    await expect.poll(() => shown.messages.some((m) => m.type === 'changes' && m.delta.agents?.some((a) => a.agentId === 'agent-desk'))).toBe(true);
    await expect.poll(() => counts.messages.some((m) => m.type === 'changes' && m.delta.queues?.some((q) => (q.live?.agents?.available ?? 0) >= 1))).toBe(true);
    expect(counts.messages.some((m) => (m.type === 'changes' && m.delta.agents !== undefined) || (m.type === 'snapshot' && m.snapshot.agents.length > 0))).toBe(false);
    shown.socket.close();
    counts.socket.close();

    const snapshot = await (await fetch(`${server().url}/api/v1/snapshot?queues=desk&agents=none`)).json() as Snapshot;
    expect(snapshot.agents).toEqual([]);
    expect(snapshot.queues.find((q) => q.queueId === 'desk')?.live.agents.available).toBe(1);
    const whole = await (await fetch(`${server().url}/api/v1/snapshot?queues=desk`)).json() as Snapshot;
    expect(whole.agents.map((a) => a.agentId)).toEqual(['agent-desk']);
  });

  it('refuses a bad agents value with a 400 naming the field, and a socket.io subscription with an error naming it', async () => {
    for (const path of ['/api/v1/snapshot?agents=some', '/api/v1/live?agents=some']) {
      const response = await fetch(`${server().url}${path}`);
      expect(response.status).toBe(400);
      const body = await response.json() as { error: string; details: { path: string }[] };
      expect(body.error).toBe('invalid_request');
      expect(body.details.map((d) => d.path)).toContain('/agents');
    }
    await expect(openLive(server().wsUrl, '?agents=some').opened).rejects.toThrow(/400/);
    const board = openBoard(server().url);
    await board.waitFor(isSnapshot);
    const refused = await board.socket.timeout(5000).emitWithAck('subscribe', { agents: 'some' } as never);
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/^view\/agents/) });
    board.close();
  });

  it('tells a board to drop an agent that leaves its view, and sends it whole when it comes back', async () => {
    const board = openBoard(server().url, { view: { queues: ['east'] } });
    await board.waitFor(isSnapshot);
    await post(server().url, [agentState('east-a1', 'agent-east', 'available', ['east'])]);
    await board.waitFor(agentHeard('agent-east'));
    await post(server().url, [agentState('east-a2', 'agent-east', 'available', ['west'])]);
    await expect.poll(() => board.received.some((m) => m.kind === 'changes' && m.delta.removed?.agents?.includes('agent-east'))).toBe(true);
    await post(server().url, [agentState('east-a3', 'agent-east', 'not_ready', ['east'])]);
    const back = await board.waitFor((m): m is Extract<Received, { kind: 'changes' }> => agentHeard('agent-east')(m) && agentsIn(m).some((a) => a.state === 'not_ready'));
    expect(back.delta.agents?.find((a) => a.agentId === 'agent-east')).toMatchObject({ agentId: 'agent-east', queueIds: ['east'], state: 'not_ready', name: expect.any(String) });
    board.close();
  });
});
