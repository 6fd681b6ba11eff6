import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Snapshot, TimedEvent } from '@plancia/contracts';
import { openStore } from '@plancia/store';
import { backends, type TestDatabase, databaseEnv } from '../helpers/plancia-server.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

const SECOND = 1000;
/** What the demo sends at once when it starts from nothing. */
const WARM_UP_MS = 10 * 60 * SECOND;

function envFor(database: TestDatabase, demo: '1' | '0'): Record<string, string> {
  return { PLANCIA_DEMO: demo, ...databaseEnv(database) };
}

async function counter(url: string, name: string): Promise<number> {
  const metrics = await (await fetch(`${url}/metrics`)).text();
  return Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(metrics)?.[1] ?? Number.NaN);
}

async function snapshot(url: string): Promise<Snapshot> {
  const response = await fetch(`${url}/api/v1/snapshot`);
  expect(response.status).toBe(200);
  return (await response.json()) as Snapshot;
}

/** Waits until the demo has delivered something to this server (new events or repeats), then lets it run on. */
async function demoFlowing(server: ServerProcess, runOnMs: number): Promise<void> {
  await vi.waitFor(async () => {
    const delivered = (await counter(server.url, 'plancia_events_accepted_total')) + (await counter(server.url, 'plancia_events_duplicate_total'));
    expect(delivered).toBeGreaterThan(0);
  }, { timeout: 90 * SECOND, interval: 250 });
  await new Promise((resolve) => setTimeout(resolve, runOnMs));
}

/** Processes still posting to the given server: the demo simulator names its target on its command line. */
function producersFor(url: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').includes(url)) pids.push(Number(entry));
    } catch {
      // The process ended while the list was read.
    }
  }
  return pids;
}

async function journal(database: TestDatabase): Promise<TimedEvent[]> {
  const store = await openStore(database.options);
  try {
    const events: TimedEvent[] = [];
    await store.journal.readSince(0, (chunk) => void events.push(...chunk));
    return events;
  } finally {
    await store.close();
  }
}

/** Centre today figures and the moment they were read. */
function today(board: Snapshot) {
  const { offered, answered } = board.centre!.windows.today;
  return { offered, answered, atMs: Date.parse(board.generatedAt) };
}

/**
 * The most a restart may add to today's offered: the demo's own arrival rate over the time that passed (with room for
 * chance), never a second warm-up. The rate is what the first run showed: its warm-up and live part together.
 */
function allowedGrowth(first: { offered: number; atMs: number }, runStartMs: number, elapsedMs: number): number {
  const perMs = first.offered / (first.atMs - runStartMs);
  return Math.ceil(3 * perMs * elapsedMs) + 10;
}

describe.each(backends)('the demo across restarts on $name', (backend) => {
  const databases: TestDatabase[] = [];
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const server of servers) {
      if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
      for (const pid of producersFor(server.url)) process.kill(pid, 'SIGKILL');
    }
    await Promise.all(databases.map((d) => d.dispose()));
  });

  async function start(database: TestDatabase, demo: '1' | '0'): Promise<ServerProcess> {
    const server = await startServerProcess(envFor(database, demo), { capture: true });
    servers.push(server);
    return server;
  }

  async function stop(server: ServerProcess, signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
    server.child.kill(signal);
    await server.exited;
  }

  it('resumes after SIGTERM and after SIGKILL without sending its warm-up again or counting anything twice', { timeout: 400_000 }, async () => {
    const database = await backend.create();
    databases.push(database);

    const first = await start(database, '1');
    const firstStartMs = Date.now();
    await demoFlowing(first, 6 * SECOND);
    const before = today(await snapshot(first.url));
    expect(before.offered).toBeGreaterThan(0);
    await stop(first, 'SIGTERM');
    // The demo began ten minutes before the server's start (its warm-up).
    const runStartMs = firstStartMs - WARM_UP_MS;

    const second = await start(database, '1');
    await demoFlowing(second, 4 * SECOND);
    const afterTerm = today(await snapshot(second.url));
    expect(afterTerm.offered - before.offered).toBeLessThanOrEqual(allowedGrowth(before, runStartMs, afterTerm.atMs - before.atMs));
    expect(afterTerm.answered).toBeGreaterThanOrEqual(before.answered);

    // SIGKILL: no shutdown hook runs, so the simulator must notice on its own that its server is gone.
    await stop(second, 'SIGKILL');
    await vi.waitFor(() => expect(producersFor(second.url)).toEqual([]), { timeout: 10 * SECOND, interval: 200 });

    const third = await start(database, '1');
    await demoFlowing(third, 4 * SECOND);
    const afterKill = today(await snapshot(third.url));
    expect(afterKill.offered - afterTerm.offered).toBeLessThanOrEqual(allowedGrowth(before, runStartMs, afterKill.atMs - afterTerm.atMs));
    await stop(third, 'SIGTERM');

    console.log(`${backend.name}: today offered/answered ${before.offered}/${before.answered} before SIGTERM, ${afterTerm.offered}/${afterTerm.answered} after the restart (${((afterTerm.atMs - before.atMs) / SECOND).toFixed(0)} s later), ${afterKill.offered}/${afterKill.answered} after SIGKILL and restart (${((afterKill.atMs - afterTerm.atMs) / SECOND).toFixed(0)} s later)`);
    const events = await journal(database);
    const demo = events.filter((e) => e.source.startsWith('plancia-simulator/'));
    // One run, continued across both restarts: every event id it ever sent names the same run.
    expect(new Set(demo.map((e) => e.source)).size).toBe(1);
    const queuedPerContact = new Map<string, number>();
    for (const event of demo) {
      if (event.type === 'contact.queued') queuedPerContact.set(event.data.contactId, (queuedPerContact.get(event.data.contactId) ?? 0) + 1);
    }
    expect([...queuedPerContact].filter(([, count]) => count > 1)).toEqual([]);
    // Offered counts each queue a contact entered (transfers too), short abandons excepted.
    const queueEntries = queuedPerContact.size + demo.filter((e) => e.type === 'contact.transferred').length;
    expect(queueEntries).toBeGreaterThanOrEqual(afterKill.offered);

    // The recount: a server started on the journal alone, demo off, replays it. Its today's answers are the live
    // board's, plus those answered after that board was read (and, at most, those of its last two seconds still in
    // flight when it was read).
    const recount = await start(database, '0');
    const replayed = today(await snapshot(recount.url));
    await stop(recount, 'SIGTERM');
    const answeredAfter = (fromMs: number) => demo.filter((e) => e.type === 'contact.answered' && e.timeMs > fromMs).length;
    expect(afterKill.answered).toBeLessThanOrEqual(replayed.answered - answeredAfter(afterKill.atMs));
    expect(afterKill.answered).toBeGreaterThanOrEqual(replayed.answered - answeredAfter(afterKill.atMs - 2 * SECOND));
  });
});
