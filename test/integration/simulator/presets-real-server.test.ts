import { describe, expect, it } from 'vitest';
import type { Alert, QueueSnapshot, Snapshot } from '@plancia/contracts';
import { OUTAGE_QUEUE, runSimulation, type PresetName } from '@plancia/simulator';
import { backends, startTestServer, type TestServer, NAMED_AGENTS } from '../helpers/plancia-server.js';
import { isAlert, isSnapshot, openBoard, type Received } from '../push/board-client.js';

/**
 * Each preset, sent fast through the public ingest API into the real server, read back as a wallboard would: the
 * snapshot and the alerts pushed on the board socket. The run ends at the wall clock's now, so its last 15 minutes
 * are the rolling window the board shows.
 */
// At the daily peak (profile flat), so the figures do not depend on the hour the suite runs at.
const RUN = { fast: true, durationMs: 20 * 60_000, seed: 42, batch: 500, profile: 'flat' } as const;
// One database is enough here: storage is proven elsewhere; the real PostgreSQL when CI provides it.
const backend = backends[backends.length - 1]!;
// Starting on a fresh PGlite database (local runs without DATABASE_URL) costs far more than the run itself on a busy machine.
const TIMEOUT_MS = 120_000;

type AlertMessage = Extract<Received, { kind: 'alert' }>;

interface PresetRun {
  snapshot: Snapshot;
  /** Alerts raised on the board socket while the traffic came in. */
  raised: Alert[];
  sent: number;
  /** Wall time of the simulator run, ms. */
  sendMs: number;
}

async function runPreset(server: TestServer, preset: PresetName): Promise<PresetRun> {
  const board = openBoard(server.url);
  await board.waitFor(isSnapshot);
  const started = performance.now();
  const stats = await runSimulation({ ...RUN, preset, target: server.url });
  const sendMs = performance.now() - started;
  expect(stats).toMatchObject({ errors: 0, retries: 0, accepted: stats.sent, duplicates: 0 });
  const response = await fetch(`${server.url}/api/v1/snapshot`);
  expect(response.status).toBe(200);
  const snapshot = (await response.json()) as Snapshot;
  // Alerts the snapshot holds were pushed before it was read; give the socket a moment to deliver them.
  for (const alert of snapshot.alerts) {
    const raisedIt = (m: Received): m is AlertMessage => isAlert(m) && m.event.kind === 'raised' && m.event.alert.id === alert.id;
    await board.waitFor(raisedIt, 0, 5_000);
  }
  board.close();
  const raised = board.received.flatMap((m) => (isAlert(m) && m.event.kind === 'raised' ? [m.event.alert] : []));
  return { snapshot, raised, sent: stats.sent, sendMs };
}

const liveQueues = (snapshot: Snapshot) => snapshot.queues.filter((q) => q.windows.rolling.offered > 0);
const serviceLevelAlerts = (alerts: Alert[]) => alerts.filter((a) => a.metric === 'serviceLevel' && a.ruleId.endsWith(':sl-warning'));
const waitedSeconds = (queue: QueueSnapshot, nowIso: string) =>
  queue.live.longestWaitSince === null ? 0 : (Date.parse(nowIso) - Date.parse(queue.live.longestWaitSince)) / 1000;

/** Figures a reader can compare with docs/simulator.md, printed once per preset. */
function summary(preset: PresetName, { snapshot, sent, sendMs }: PresetRun): string {
  const queues = liveQueues(snapshot).map((q) => {
    const r = q.windows.rolling;
    return `${q.queueId} SL ${r.serviceLevel?.toFixed(2)} off ${r.offered} ab ${r.abandoned} wait ${q.live.waiting} (${waitedSeconds(q, snapshot.generatedAt).toFixed(0)} s)`;
  });
  const alerts = snapshot.alerts.map((a) => a.ruleId).sort().join(' ');
  return `${preset}: ${sent} events in ${(sendMs / 1000).toFixed(1)} s; centre SL ${snapshot.centre!.windows.rolling.serviceLevel?.toFixed(2)}; ${queues.join('; ')}; alerts ${alerts}`;
}

describe(`simulator presets against the real server (${backend.name})`, () => {
  // A fresh server and database per preset, so one preset's traffic never colours another's figures.
  async function presetRun(preset: PresetName): Promise<PresetRun> {
    const database = await backend.create();
    const server = await startTestServer(database, NAMED_AGENTS);
    try {
      const run = await runPreset(server, preset);
      console.log(summary(preset, run));
      return run;
    } finally {
      await server.stop();
      await database.dispose();
    }
  }

  it('normal: a centre at work, service level at or above 80/20 on every queue, no service-level alert', async () => {
    const { snapshot } = await presetRun('normal');
    expect(snapshot.agents.length).toBe(150);
    expect(snapshot.centre!.live.agents.on_contact).toBeGreaterThan(30);
    expect(snapshot.centre!.live.agents.not_ready).toBeGreaterThan(0);
    expect(snapshot.centre!.windows.rolling.offered).toBeGreaterThan(150);
    expect(snapshot.centre!.windows.rolling.serviceLevel).toBeGreaterThanOrEqual(0.9);
    for (const queue of liveQueues(snapshot)) expect([queue.queueId, queue.windows.rolling.serviceLevel]).toEqual([queue.queueId, expect.toSatisfy((sl: number) => sl >= 0.8)]);
    expect(serviceLevelAlerts(snapshot.alerts)).toEqual([]);
    expect(snapshot.anomalies).toEqual({ lateEvents: 0, orphanEvents: 0, staleContactsRemoved: 0, conflicts: 0 });
  }, TIMEOUT_MS);

  it('surge: service level falls well below target and the default "Service level below target" alert fires', async () => {
    const { snapshot, raised } = await presetRun('surge');
    expect(snapshot.centre!.windows.rolling.serviceLevel).toBeLessThan(0.6);
    const queues = liveQueues(snapshot).filter((q) => q.windows.rolling.settled >= 20);
    const below = queues.filter((q) => q.windows.rolling.serviceLevel! < q.serviceLevelTarget);
    expect(below.length).toBeGreaterThanOrEqual(Math.ceil(queues.length * 0.75));
    const active = serviceLevelAlerts(snapshot.alerts);
    expect(active.map((a) => a.scope.id).sort()).toEqual(below.map((q) => q.queueId).sort());
    for (const alert of active) {
      expect(alert).toMatchObject({ ruleName: 'Service level below target', window: 'rolling', state: 'raised', threshold: 0.8 });
      expect(alert.value).toBeLessThan(0.8);
      expect(raised.map((a) => a.id)).toContain(alert.id);
    }
  }, TIMEOUT_MS);

  it(`outage: "${OUTAGE_QUEUE}" floods while the other queues keep up`, async () => {
    const { snapshot } = await presetRun('outage');
    const flooded = snapshot.queues.find((q) => q.queueId === OUTAGE_QUEUE)!;
    const others = liveQueues(snapshot).filter((q) => q !== flooded);
    expect(others.length).toBeGreaterThanOrEqual(4);
    expect(flooded.live.waiting).toBeGreaterThanOrEqual(30);
    expect(flooded.live.waiting).toBeGreaterThanOrEqual(10 * Math.max(1, ...others.map((q) => q.live.waiting)));
    expect(waitedSeconds(flooded, snapshot.generatedAt)).toBeGreaterThan(120);
    const longestElsewhere = Math.max(...others.map((q) => waitedSeconds(q, snapshot.generatedAt)));
    expect(waitedSeconds(flooded, snapshot.generatedAt)).toBeGreaterThan(Math.max(120, 3 * longestElsewhere));
    expect(flooded.windows.rolling.serviceLevel).toBeLessThan(0.3);
    expect(flooded.windows.rolling.abandoned).toBeGreaterThan(10 * Math.max(1, ...others.map((q) => q.windows.rolling.abandoned)));
    // Agents who also serve the flooded queue are pulled into it, so a neighbour may dip, but stays far above it.
    for (const queue of others) expect(queue.windows.rolling.serviceLevel).toBeGreaterThan(0.6);
    const alerted = snapshot.alerts.filter((a) => a.scope.id === OUTAGE_QUEUE).map((a) => a.ruleId);
    expect(alerted).toEqual(expect.arrayContaining([`${OUTAGE_QUEUE}:sl-warning`, `${OUTAGE_QUEUE}:longest-wait`]));
  }, TIMEOUT_MS);
});
