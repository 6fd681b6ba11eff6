import { afterAll, describe, expect, it } from 'vitest';
import { amiField } from '@plancia/adapters';
import { backends, startTestServer, type TestDatabase, type TestServer, NAMED_AGENTS } from '../helpers/plancia-server.js';
import { agentOf, configureSupportQueue, eventually, queueOf, settled, snapshotOf } from './board.js';
import { RecordedAmiServer, type ReplayPlan } from './recorded-ami-server.js';
import { loadRecording, stampOf } from './recorded-stream.js';

const recording = loadRecording();
const { live } = recording;
// The recording ends a few seconds before the test starts: every time lies in the past, within the rolling window.
const shiftSeconds = Math.floor(Date.now() / 1000) - Math.ceil(stampOf(live.findLast((b) => stampOf(b) !== undefined)!)!) - 5;
const credentials = { username: 'plancia', secret: 's3cret:with@odd/chars' };
// Two server starts and two replays: generous on a loaded machine.
const TIMEOUT_MS = 180_000;
const isQueueEvent = (index: number) => /^(Queue|Agent)/.test(amiField(live[index]!.message, 'Event') ?? '');

/** Halfway, just as a caller joins: the link drops and that join is never sent; QueueStatus must bring it back. */
function outageHalfway() {
  const at = live.findIndex((b, i) => i >= live.length / 2 && amiField(b.message, 'Event') === 'QueueCallerJoin');
  let resumeAt = at + 1;
  while (!isQueueEvent(resumeAt)) resumeAt++;
  return { at, resumeAt, uniqueid: amiField(live[at]!.message, 'Uniqueid')! };
}

describe('the recorded 25-call Asterisk queue over a live AMI link', () => {
  const opened: { database: TestDatabase; server: TestServer; ami: RecordedAmiServer }[] = [];
  afterAll(async () => {
    for (const { database, server, ami } of opened) {
      await server.stop();
      await ami.close();
      await database.dispose();
    }
  });

  async function replay(plan: Partial<ReplayPlan>) {
    const ami = new RecordedAmiServer(recording, { ...credentials, shiftSeconds, ...plan });
    const url = await ami.listen();
    const database = await backends.at(-1)!.create();
    const server = await startTestServer(database, { ...NAMED_AGENTS, PLANCIA_AMI_URL: url, PLANCIA_AMI_WRAPUP_SECONDS: 'support=2', PLANCIA_AMI_KEEPALIVE_SECONDS: '1' });
    opened.push({ database, server, ami });
    await configureSupportQueue(server);
    return { ami, server };
  }

  /** The board once the last call's wrap-up has run out (the keep-alive Ping tells the PBX clock has passed it). */
  const figures = async (server: TestServer) => {
    const snapshot = await eventually('every wrap-up completed', async () => {
      const board = await snapshotOf(server);
      return queueOf(board, 'support')?.windows.rolling.handled === 16 ? board : undefined;
    });
    const support = queueOf(snapshot, 'support')!;
    const agents = snapshot.agents.map((a) => [a.agentId, a.state, a.reason]);
    return { rolling: support.windows.rolling, waiting: support.live.waiting, agents };
  };

  let uninterrupted: Awaited<ReturnType<typeof figures>>;
  let uninterruptedServer: TestServer;
  const journalOf = async (server: TestServer) => {
    const lines: string[] = [];
    await server.app.store.journal.readSince(0, (events) => { lines.push(...events.map((e) => `${e.id} ${e.time} ${JSON.stringify(e.data)}`)); });
    return lines.sort();
  };

  it("gives Asterisk's own figures, and shows Bruno not_ready \"Pausa pranzo\" during his pause", async () => {
    const isBrunoPaused = (m: Record<string, unknown>) => m.Event === 'QueueMemberPause' && m.MemberName === 'Bruno' && m.Paused === '1';
    const { ami, server } = await replay({ holdAfter: isBrunoPaused });
    await ami.held;
    const paused = await eventually('Bruno paused on the board', async () => {
      const bruno = agentOf(await snapshotOf(server), 'Bruno');
      return bruno?.state === 'not_ready' ? bruno : undefined;
    });
    expect(paused.reason).toBe('Pausa pranzo');
    ami.release();
    await ami.finished;
    await settled(server);

    uninterruptedServer = server;
    uninterrupted = await figures(server);
    const { rolling, waiting } = uninterrupted;
    expect(rolling.answered).toBe(Number(amiField(recording.finalParams, 'Completed')));
    expect(rolling.abandoned).toBe(Number(amiField(recording.finalParams, 'Abandoned')));
    expect([rolling.answered, rolling.abandoned]).toEqual([16, 9]);
    expect(rolling.serviceLevel).toBeCloseTo(Number(amiField(recording.finalParams, 'ServicelevelPerf2')) / 100, 10);
    expect(rolling.serviceLevel).toBeCloseTo(0.88, 10);
    expect(waiting).toBe(0);
    expect(uninterrupted.agents.find(([id]) => id === 'Bruno')).toEqual(['Bruno', 'available', null]);
    const readiness = await (await fetch(`${server.url}/readyz`)).json();
    const source = Object.entries(readiness.sources as Record<string, { connected: boolean; lastEventAt?: string }>)[0]!;
    expect(source[0]).toMatch(/^ami:\/\/127\.0\.0\.1:\d+$/);
    expect(source[1]).toMatchObject({ connected: true, healthy: true });
    expect(Date.parse(source[1].lastEventAt!)).toBeGreaterThan(Date.now() - 60_000);
  }, TIMEOUT_MS);

  it('drops the link halfway, loses a join, and after the reconnect and QueueStatus the figures are identical', async () => {
    const outage = outageHalfway();
    const { ami, server } = await replay({ drop: outage });
    await ami.finished;
    await settled(server);

    expect(ami.logins).toEqual(['accepted', 'accepted']);
    await figures(server);
    // The same journal (ids, times, data) as the uninterrupted run, and so the same board read at the same moment.
    expect(await journalOf(server)).toEqual(await journalOf(uninterruptedServer));
    const [after, reference] = await Promise.all([figures(server), figures(uninterruptedServer)]);
    // Occupancy aside: from the same journal, the live engine's occupancy still varies by a few 1e-4 with the order
    // and batching in which the events reached it (the held run differs from run to run); everything else is equal.
    const withoutOccupancy = ({ rolling: { occupancy: _occupancy, ...rolling }, ...rest }: typeof after) => ({ ...rest, rolling });
    expect(withoutOccupancy(after)).toEqual(withoutOccupancy(reference));
    expect(after.rolling.occupancy).toBeCloseTo(reference.rolling.occupancy!, 2);
    expect(after.rolling).toMatchObject({ answered: uninterrupted.rolling.answered, abandoned: uninterrupted.rolling.abandoned, serviceLevel: uninterrupted.rolling.serviceLevel });
    // The lost join reached the board only through reconciliation (QueueEntry with its Wait).
    const ids: string[] = [];
    await server.app.store.journal.readSince(0, (events) => { ids.push(...events.map((e) => e.id)); });
    expect(ids).toContain(`asterisk:${outage.uniqueid}:queued`);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/plancia_adapter_reconnects_total\{source="ami:\/\/127\.0\.0\.1:\d+"\} 1\b/);
    expect(metrics).toMatch(/plancia_adapter_connected\{source="ami:\/\/127\.0\.0\.1:\d+"\} 1\b/);
    expect(metrics).toMatch(/plancia_adapter_messages_rejected_total\{source="ami:[^"]+"\} 0\b/);
  }, TIMEOUT_MS);
});
