import { afterAll, describe, expect, it } from 'vitest';
import { validateEvents } from '@plancia/contracts';
import { ENGINE_STATE_VERSION } from '@plancia/engine';
import { openStore } from '@plancia/store';
import { backends, startTestServer, type TestDatabase, NAMED_AGENTS, databaseEnv } from '../helpers/plancia-server.js';
import { agentState, answered, postEvents, queued, wireEvent, type WireEvent } from '../helpers/events.js';
import { openIngestSocket } from '../helpers/ingest-socket.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { atStateStart } from '../helpers/agent-day.js';

/** Checkpoints on, but only when the test takes one (and at a clean stop). */
const CHECKPOINTS = { ...NAMED_AGENTS, PLANCIA_CHECKPOINT_INTERVAL_S: '3600' };
const NO_CHECKPOINTS = { ...NAMED_AGENTS, PLANCIA_CHECKPOINT_INTERVAL_S: '0' };

async function snapshotOf(url: string) {
  const response = await fetch(`${url}/api/v1/snapshot`);
  expect(response.status).toBe(200);
  return (await response.json()) as { centre: { live: { waiting: number }; windows: { today: { offered: number; answered: number; abandoned: number }; rolling: { offered: number; answered: number; abandoned: number } } }; queues: unknown[]; agents: unknown[]; channels: unknown[]; teams: unknown[] };
}

/** A few minutes of traffic on two queues, ending a little before now. */
function traffic(): WireEvent[] {
  const t0 = Date.now() - 120_000;
  const at = (seconds: number) => t0 + seconds * 1000;
  return [
    agentState('p1', 'ada', 'available', ['sales'], at(0)),
    agentState('p2', 'bob', 'available', ['support'], at(1)),
    queued('p3', 'sales', at(5)),
    queued('p4', 'support', at(6)),
    queued('p5', 'sales', at(8)),
    answered('p6', 'c-p3', 'ada', at(12)),
    agentState('p7', 'ada', 'on_contact', ['sales'], at(12)),
    wireEvent('contact.abandoned', 'p8', { contactId: 'c-p5' }, at(30)),
    answered('p9', 'c-p4', 'bob', at(40)),
    wireEvent('contact.ended', 'p10', { contactId: 'c-p3' }, at(60)),
    queued('p11', 'support', at(70)),
    agentState('p12', 'cleo', 'available', ['support'], at(75)),
    answered('p13', 'c-p11', 'cleo', at(80)),
    queued('p14', 'sales', at(90)),
  ];
}

// An alert's id carries the moment its server raised it, and a queue lists its alerts in the order they were raised:
// a server that lived through the traffic raised them as it came, a replay all at its end. The rest must not differ.
const byRule = (a: { ruleName: string }, b: { ruleName: string }) => (a.ruleName < b.ruleName ? -1 : 1);
const withoutAlertIds = (value: unknown[]) => JSON.parse(JSON.stringify(value), (key, v: unknown) => {
  if (key === 'id' && typeof v === 'string' && /:\d{4}-\d\d-\d\dT/.test(v)) return undefined;
  return key === 'alerts' && Array.isArray(v) ? [...(v as { ruleName: string }[])].sort(byRule) : v;
}) as unknown[];
const comparable = (snapshot: Awaited<ReturnType<typeof snapshotOf>>) => ({
  centre: snapshot.centre, queues: withoutAlertIds(snapshot.queues), agents: (snapshot.agents as Parameters<typeof atStateStart>[0][]).map(atStateStart), channels: snapshot.channels, teams: snapshot.teams,
});

/** Commits events to the journal behind the server's back: what a server killed after acknowledging them leaves. */
async function journalDirectly(database: TestDatabase, events: WireEvent[]): Promise<void> {
  const validation = validateEvents(events, Date.now());
  if (!validation.ok) throw new Error(JSON.stringify(validation.errors));
  const store = await openStore(database.options);
  await store.journal.append(validation.events);
  await store.close();
}

describe.each(backends)('restart from a checkpoint on $name', (backend) => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    await Promise.all(databases.map((d) => d.dispose()));
  });

  it('resumes from the checkpoint plus the journal after it, to the snapshot a full replay gives', async () => {
    const [database, reference] = await Promise.all([backend.create(), backend.create()]);
    databases.push(database, reference);
    const events = traffic();
    const [early, middle, late] = [events.slice(0, 5), events.slice(5, 10), events.slice(10)];
    const first = await startTestServer(database, CHECKPOINTS);
    expect((await postEvents(first.url, JSON.stringify(early))).status).toBe(202);
    await first.app.checkpointer.write();
    expect((await postEvents(first.url, JSON.stringify(middle))).status).toBe(202);
    await first.stop(); // a clean stop: a last checkpoint covering early and middle
    await journalDirectly(database, late);
    await journalDirectly(reference, events);

    const [resumed, replayed] = await Promise.all([startTestServer(database, CHECKPOINTS), startTestServer(reference, NO_CHECKPOINTS)]);
    expect(resumed.app.engineStart).toMatchObject({ checkpoint: { position: String(early.length + middle.length) }, replayed: late.length });
    expect(replayed.app.engineStart).toMatchObject({ checkpoint: null, replayed: events.length });
    const [a, b] = await Promise.all([snapshotOf(resumed.url), snapshotOf(replayed.url)]);
    // The rolling window (15 min), not today's: traffic from 120 s ago lies partly in yesterday just after midnight.
    expect(a.centre.windows.rolling).toMatchObject({ offered: 5, answered: 3, abandoned: 1 });
    expect(comparable(a)).toEqual(comparable(b));
    // Idempotency survives the checkpoint: the whole traffic again is all duplicates.
    expect(await (await postEvents(resumed.url, JSON.stringify(events))).json()).toEqual({ accepted: 0, duplicates: events.length });
    await Promise.all([resumed.stop(), replayed.stop()]);
  });

  it('ignores a checkpoint of an older engine version, or one it cannot read, and replays the journal', async () => {
    const database = await backend.create();
    databases.push(database);
    const events = traffic();
    const first = await startTestServer(database, CHECKPOINTS);
    await postEvents(first.url, JSON.stringify(events));
    const before = await snapshotOf(first.url);
    await first.stop();

    const store = await openStore(database.options);
    const latest = (await store.checkpoints.latest('journal'))!;
    expect(latest.engineVersion).toBe(ENGINE_STATE_VERSION);
    await store.checkpoints.save({ ...latest, takenAt: new Date(), engineVersion: ENGINE_STATE_VERSION - 1 });
    await store.close();
    const older = await startTestServer(database, CHECKPOINTS);
    expect(older.app.engineStart).toEqual({ checkpoint: null, replayed: events.length });
    expect((await snapshotOf(older.url)).centre.windows.today).toEqual(before.centre.windows.today);
    await older.stop();

    const again = await openStore(database.options);
    await again.checkpoints.save({ ...latest, takenAt: new Date(), state: new TextEncoder().encode('{"version":1,"graph":{"nodes":[]}}') });
    await again.close();
    const torn = await startTestServer(database, CHECKPOINTS);
    expect(torn.app.engineStart).toEqual({ checkpoint: null, replayed: events.length });
    expect((await snapshotOf(torn.url)).centre.windows.today).toEqual(before.centre.windows.today);
    await torn.stop();
  });

  it('goes by the newest checkpoint, not the one read ahead of the start, when another was saved in between', async () => {
    const database = await backend.create();
    databases.push(database);
    const events = traffic();
    const first = await startTestServer(database, CHECKPOINTS);
    await postEvents(first.url, JSON.stringify(events));
    await first.stop(); // a clean stop: a checkpoint covering every event
    const store = await openStore(database.options);
    const usable = (await store.checkpoints.latest('journal'))!;
    // Saved once the usable one is read ahead: the start must see it, of an older engine version, and replay.
    const supersede = () => store.checkpoints.save({ ...usable, takenAt: new Date(), engineVersion: ENGINE_STATE_VERSION - 1 });
    const started = await startTestServer(database, CHECKPOINTS, async (prefetched) => {
      // The read ahead (PostgreSQL) ends first: what it read is what the newer row supersedes.
      if (backend.name === 'postgres') expect(prefetched).toBeDefined();
      await prefetched?.settled;
      await supersede();
    });
    await store.close();
    expect(started.app.engineStart).toEqual({ checkpoint: null, replayed: events.length });
    await started.stop();
  });
});

const FRAME_EVENTS = 25;
const ACKS_AFTER_CHECKPOINT = 20;

async function journalIds(database: TestDatabase): Promise<Set<string>> {
  const store = await openStore(database.options);
  const ids = new Set<string>();
  await store.journal.readSince(0, (events) => events.forEach((e) => ids.add(e.id)));
  await store.close();
  return ids;
}

describe.each(backends)('SIGKILL after a checkpoint on $name', (backend) => {
  const databases: TestDatabase[] = [];
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    servers.forEach((s) => s.child.exitCode === null && s.child.kill('SIGKILL'));
    await Promise.all(databases.map((d) => d.dispose()));
  });

  it('loses nothing acknowledged: the restart resumes from the checkpoint and finds every event in its state', async () => {
    const database = await backend.create();
    databases.push(database);
    const env = { ...databaseEnv(database), PLANCIA_CHECKPOINT_INTERVAL_S: '1', LOG_LEVEL: 'info' };
    const server = await startServerProcess(env, { capture: true });
    servers.push(server);
    const producer = await openIngestSocket(server.wsUrl);
    const frames = new Map<number, WireEvent[]>();
    const acknowledged: string[] = [];
    let seq = 0;
    let acksAtCheckpoint: number | null = null;
    // Frames keep flowing through a checkpoint; the process dies without warning some acknowledgements after it.
    await new Promise<void>((resolve) => {
      const pump = setInterval(() => {
        seq += 1;
        const events = Array.from({ length: FRAME_EVENTS }, (_, i) => queued(`m${seq}-${i}`, `q${i % 3}`));
        frames.set(seq, events);
        producer.send(JSON.stringify(events));
      }, 20);
      producer.socket.on('message', () => {
        const last = producer.replies.at(-1)!;
        if ('ack' in last) acknowledged.push(...frames.get(last.ack)!.map((e) => e.id));
        if (acksAtCheckpoint === null && server.output().includes('"checkpoint written"')) acksAtCheckpoint = producer.replies.length;
        if (acksAtCheckpoint !== null && producer.replies.length >= acksAtCheckpoint + ACKS_AFTER_CHECKPOINT) {
          server.child.kill('SIGKILL');
          clearInterval(pump);
          resolve();
        }
      });
    });
    await server.exited;
    const journal = await journalIds(database);
    expect(acknowledged.filter((id) => !journal.has(id))).toEqual([]);

    const restarted = await startServerProcess(env, { capture: true });
    servers.push(restarted);
    expect(restarted.output()).toContain('resumed from a checkpoint and the journal after it');
    const snapshot = await snapshotOf(restarted.url);
    // Every journaled event queued a distinct contact nobody answered: the checkpoint's and the tail's are all waiting.
    expect(snapshot.centre.live.waiting).toBe(journal.size);
    restarted.child.kill('SIGTERM');
    await restarted.exited;
  }, 240_000);
});
