import { afterAll, describe, expect, it } from 'vitest';
import { amiField, type AmiMessage } from '@plancia/adapters';
import { DEFAULT_SETTINGS, defaultQueueConfig, type AbandonPolicyName, type AgentSnapshot, type TimedEvent } from '@plancia/contracts';
import { createEngine } from '@plancia/engine';
import { backends, startTestServer, type TestDatabase, type TestServer, NAMED_AGENTS } from '../helpers/plancia-server.js';
import { eventually, queueOf, settled, snapshotOf } from './board.js';
import { RecordedAmiServer } from './recorded-ami-server.js';
import { loadLiveRecording, stampOf } from './recorded-stream.js';

// A live Asterisk 22.10 run (../shared/fixtures/asterisk-live-22): queues support (T 20 s) and sales (T 30 s), Carla in
// both, 72 calls, 13 pauses (some during a call, one in sales only), the AMI link cut once, the consumer restarted once.
const recording = loadLiveRecording();
const { live } = recording;
const lastStamp = stampOf(live.findLast((b) => stampOf(b) !== undefined)!)!;
// The recording ends a few seconds before the test starts: every time lies in the past, within the hour's window.
const shiftSeconds = Math.floor(Date.now() / 1000) - Math.ceil(lastStamp) - 5;
const credentials = { username: 'plancia', secret: 'live-22' };
const TIMEOUT_MS = 240_000;

const firstAtOrAfter = (sec: number) => live.findIndex((b) => (stampOf(b) ?? -Infinity) >= sec);
const [cut, restart] = [recording.outages[0]!, recording.outages[1]!];
/** The recorded time a live block was sent at: its own Timestamp, or the last one before it. */
const recordedTimeOf = (index: number) => stampOf(live.slice(0, index + 1).findLast((b) => stampOf(b) !== undefined)!)!;

const queueSettings = { support: 20, sales: 30 } as const;
const params = (queue: string) => recording.finalQueues.find((q) => amiField(q, 'Queue') === queue)!;

async function configure(server: TestServer, abandonPolicy: AbandonPolicyName) {
  for (const [queueId, thresholdSeconds] of Object.entries(queueSettings)) {
    const response = await fetch(`${server.url}/api/v1/queues/${queueId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rollingMinutes: 60, serviceLevel: { thresholdSeconds, target: 0.8, shortAbandonSeconds: 0, abandonPolicy } }),
    });
    expect(response.status, await response.clone().text()).toBeLessThan(300);
  }
}

/** What the board shows for one member (agent in one queue): paused with its reason, or not paused. */
function pauseOf(agent: AgentSnapshot | undefined, queueId: string): [boolean, string] {
  const membership = agent?.memberships?.find((m) => m.queueId === queueId);
  return [membership?.state === 'not_ready', membership?.state === 'not_ready' ? (membership.reason ?? '') : ''];
}
const reported = (member: AmiMessage): [boolean, string] => [amiField(member, 'Paused') === '1', amiField(member, 'PausedReason') ?? ''];

describe('the live Asterisk 22 run, replayed over an AMI link that is cut once, to a server restarted once', () => {
  const opened: { database: TestDatabase; servers: TestServer[]; ami: RecordedAmiServer }[] = [];
  afterAll(async () => {
    for (const { database, servers, ami } of opened) {
      await servers.at(-1)!.stop();
      await ami.close();
      await database.dispose();
    }
  });

  let server: TestServer;
  const journal: TimedEvent[] = [];

  it("ends on Asterisk's own figures in both queues and on every member's pause and reason", async () => {
    const beforeRestart = firstAtOrAfter(restart.from) - 1;
    const ami = new RecordedAmiServer(recording, {
      ...credentials, shiftSeconds,
      drops: [{ at: firstAtOrAfter(cut.from), resumeAt: firstAtOrAfter(cut.to) }],
      holdAfter: (m) => m === live[beforeRestart]!.message,
    });
    const url = await ami.listen();
    const database = await backends.at(-1)!.create();
    const env = { PLANCIA_AMI_URL: url, PLANCIA_AMI_KEEPALIVE_SECONDS: '1' };
    server = await startTestServer(database, { ...NAMED_AGENTS, ...env });
    const run = { database, servers: [server], ami };
    opened.push(run);
    await configure(server, 'positive');

    // The consumer goes down for the recorded 7 s: what Asterisk sent meanwhile never reaches it.
    await ami.held;
    await settled(server);
    await server.stop();
    ami.skipTo(firstAtOrAfter(restart.to));
    server = await server.restart();
    run.servers.push(server);
    ami.release();
    await ami.finished;
    await settled(server);
    expect(ami.logins).toEqual(['accepted', 'accepted', 'accepted']);

    const board = await eventually('every call settled', async () => {
      const snapshot = await snapshotOf(server);
      const done = Object.keys(queueSettings).every((q) => {
        const rolling = queueOf(snapshot, q)?.windows.rolling;
        return rolling && rolling.answered + rolling.abandoned === Number(amiField(params(q), 'Completed')) + Number(amiField(params(q), 'Abandoned'));
      });
      return done ? snapshot : undefined;
    });
    for (const queueId of Object.keys(queueSettings)) {
      const queue = queueOf(board, queueId)!;
      expect(queue.windows.rolling.answered, queueId).toBe(Number(amiField(params(queueId), 'Completed')));
      expect(queue.windows.rolling.abandoned, queueId).toBe(Number(amiField(params(queueId), 'Abandoned')));
      // Asterisk prints one decimal of a percentage.
      expect((queue.windows.rolling.serviceLevel! * 100).toFixed(1), queueId).toBe(amiField(params(queueId), 'ServicelevelPerf2'));
      expect(queue.live.waiting, queueId).toBe(0);
      // ASA is the mean wait of the answered calls; Asterisk's Holdtime is app_queue's running (old × 3 + new) ÷ 4.
      const holds = live.map((b) => b.message).filter((m) => amiField(m, 'Event') === 'AgentConnect' && amiField(m, 'Queue') === queueId).map((m) => Number(amiField(m, 'HoldTime')));
      expect(queue.windows.rolling.asa, queueId).toBeCloseTo(holds.reduce((a, b) => a + b, 0) / holds.length, 9);
      expect(holds.reduce((old, hold) => Math.floor((old * 3 + hold) / 4), 0), queueId).toBe(Number(amiField(params(queueId), 'Holdtime')));
    }
    expect(queueOf(board, 'support')!.windows.rolling.asa).toBeCloseTo(12.46, 2);
    expect([26, 14, 21, 11]).toEqual(['support', 'sales'].flatMap((q) => [Number(amiField(params(q), 'Completed')), Number(amiField(params(q), 'Abandoned'))]));

    for (const member of recording.finalMembers) {
      const agent = board.agents.find((a) => a.agentId === amiField(member, 'Name'));
      expect(pauseOf(agent, amiField(member, 'Queue')!), `${amiField(member, 'Name')} in ${amiField(member, 'Queue')}`).toEqual(reported(member));
    }
    // Carla is paused in sales only: available as a whole and in support; Elena ended her shift.
    expect(board.agents.find((a) => a.agentId === 'Carla')).toMatchObject({ state: 'available', queueIds: ['sales', 'support'] });
    expect(board.agents.find((a) => a.agentId === 'Elena')).toMatchObject({ state: 'not_ready', reason: 'Fine turno' });
    // Sales, as Asterisk's QueueSummary counts it: three logged in, one available (Carla and Elena paused there).
    expect(queueOf(board, 'sales')!.live.agents).toMatchObject({ available: 1, not_ready: 2 });

    await server.app.store.journal.readSince(0, (events) => { journal.push(...events); });
  }, TIMEOUT_MS);

  it("gives Asterisk's ServicelevelPerf (answered within T ÷ answered) with the abandon policy exclude", async () => {
    await configure(server, 'exclude');
    const board = await snapshotOf(server);
    for (const queueId of Object.keys(queueSettings)) {
      const rolling = queueOf(board, queueId)!.windows.rolling;
      expect((rolling.serviceLevel! * 100).toFixed(1), queueId).toBe(amiField(params(queueId), 'ServicelevelPerf'));
      expect(rolling.serviceLevel).toBeCloseTo(rolling.answeredWithinThreshold / rolling.answered, 12);
    }
  });

  it('shows every member paused or not, with its reason, as Asterisk reported it at each of its QueueStatus replies', () => {
    expect(journal.length).toBeGreaterThan(0);
    const config = {
      settings: DEFAULT_SETTINGS, calendars: [], alertRules: [], agents: [],
      queues: Object.entries(queueSettings).map(([queueId, thresholdSeconds]) => {
        const base = defaultQueueConfig(queueId, 'voice');
        return { ...base, rollingMinutes: 60 as const, serviceLevel: { ...base.serviceLevel, thresholdSeconds, shortAbandonSeconds: 0 } };
      }),
    };
    // The board could not know what happened while the link was cut or the consumer down: samples then are left out.
    const blind = (sec: number) => [cut, restart].some((o) => sec >= o.from && sec <= o.to + 1);
    const checked = recording.samples.filter((sample) => !blind(recordedTimeOf(sample.after)));
    expect(checked.length).toBeGreaterThanOrEqual(15);
    const mismatches: string[] = [];
    for (const sample of checked) {
      const atMs = Math.round((recordedTimeOf(sample.after) + shiftSeconds) * 1000);
      const engine = createEngine(config, atMs);
      engine.apply(journal.filter((e) => e.timeMs <= atMs), atMs);
      const agents = engine.snapshot(atMs).agents;
      // As a whole, an agent is not_ready exactly when every one of its queues has it paused.
      for (const name of new Set(sample.members.map((m) => amiField(m, 'Name')!))) {
        const pausedEverywhere = sample.members.filter((m) => amiField(m, 'Name') === name).every((m) => amiField(m, 'Paused') === '1');
        const state = agents.find((a) => a.agentId === name)?.state;
        if ((state === 'not_ready') !== pausedEverywhere) mismatches.push(`${recordedTimeOf(sample.after)} ${name}: board ${state}, Asterisk paused everywhere: ${pausedEverywhere}`);
      }
      for (const member of sample.members) {
        const [name, queueId] = [amiField(member, 'Name')!, amiField(member, 'Queue')!];
        const shown = pauseOf(agents.find((a) => a.agentId === name), queueId);
        if (JSON.stringify(shown) !== JSON.stringify(reported(member))) {
          mismatches.push(`${recordedTimeOf(sample.after)} ${name}@${queueId}: board ${JSON.stringify(shown)}, Asterisk ${JSON.stringify(reported(member))}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    // Every pause of the run was seen by some sample, the ones taken during a call among them.
    const pausedSeen = new Set(checked.flatMap((s) => s.members.filter((m) => amiField(m, 'Paused') === '1').map((m) => amiField(m, 'PausedReason'))));
    expect(pausedSeen.size).toBeGreaterThanOrEqual(5);
  });
});
