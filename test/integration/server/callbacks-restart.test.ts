import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { validateEvents, type CallbackEntry } from '@plancia/contracts';
import { openStore } from '@plancia/store';
import { backends, type TestDatabase, databaseEnv } from '../helpers/plancia-server.js';
import { answered, postEvents, queued, wireEvent, type WireEvent } from '../helpers/events.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { asPage, login } from '../session/session-client.js';

const PASSWORD = 'correct horse battery staple';
const EARLIER_TRAFFIC = 1_500;

/** The hour before, journaled behind the server's back: contacts queued and answered, none with a caller. */
async function journalEarlierTraffic(database: TestDatabase, startMs: number): Promise<void> {
  const events: WireEvent[] = [];
  for (let i = 0; i < EARLIER_TRAFFIC / 2; i += 1) {
    const atMs = startMs + i * 2_000;
    events.push(queued(`e-q${i}`, 'sales', atMs), answered(`e-a${i}`, `c-e-q${i}`, 'ada', atMs + 1_000));
  }
  const validation = validateEvents(events, Date.now());
  if (!validation.ok) throw new Error(JSON.stringify(validation.errors));
  const store = await openStore(database.options);
  await store.journal.append(validation.events);
  await store.close();
}

/** The worklist's start as the server logged it. */
function worklistStart(server: ServerProcess): { from: string; read: number } {
  const line = server.output().split('\n').find((l) => l.includes('callback worklist caught up with the journal'));
  if (!line) throw new Error(`no worklist start logged:\n${server.output()}`);
  return JSON.parse(line) as { from: string; read: number };
}

/** The journal positions of the worklist checkpoints the server logged as written. */
function checkpointsWritten(server: ServerProcess): number[] {
  return server.output().split('\n').filter((l) => l.includes('callback worklist checkpoint written'))
    .map((l) => Number((JSON.parse(l) as { position: string }).position));
}

async function until(what: string, check: () => boolean, withinMs = 20_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const withCaller = (id: string, contactId: string, caller: string, atMs: number) =>
  wireEvent('contact.queued', id, { contactId, queueId: 'sales', channel: 'voice', caller }, atMs);

describe.each(backends)('the callback worklist across a SIGKILL on $name', (backend) => {
  const databases: TestDatabase[] = [];
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    servers.forEach((s) => s.child.exitCode === null && s.child.kill('SIGKILL'));
    await Promise.all(databases.map((d) => d.dispose()));
  });

  it('starts from its checkpoint and the journal after it, and the contacts waiting then keep their queue and wait', async () => {
    const database = await backend.create();
    databases.push(database);
    const now = Date.now();
    await journalEarlierTraffic(database, now - 3_600_000);
    const env = { ...databaseEnv(database), PLANCIA_CALLBACK_KEY: randomBytes(32).toString('base64'), PLANCIA_ADMIN_PASSWORD: PASSWORD, PLANCIA_CHECKPOINT_INTERVAL_S: '1', LOG_LEVEL: 'info' };
    const first = await startServerProcess(env, { capture: true });
    servers.push(first);
    // No checkpoint yet: the last hours are read.
    expect(worklistStart(first)).toMatchObject({ from: 'recent-journal', read: EARLIER_TRAFFIC });

    expect((await postEvents(first.url, JSON.stringify([withCaller('k1', 'c-anna', '+390611111111', now - 60_000)]))).status).toBe(202);
    // A fresh journal written in one append numbers its events from 1: the first contact is the next one.
    const firstContactSeq = EARLIER_TRAFFIC + 1;
    await until('a worklist checkpoint covering the first contact', () => checkpointsWritten(first).some((position) => position >= firstContactSeq));
    // Acknowledged after that checkpoint, then the process dies without warning.
    expect((await postEvents(first.url, JSON.stringify([withCaller('k2', 'c-bruno', '+390622222222', now - 30_000)]))).status).toBe(202);
    first.child.kill('SIGKILL');
    await first.exited;

    const second = await startServerProcess(env, { capture: true });
    servers.push(second);
    const start = worklistStart(second);
    expect(start.from).toBe('checkpoint');
    expect(start.read).toBeLessThanOrEqual(1);
    const abandons = [wireEvent('contact.abandoned', 'x1', { contactId: 'c-anna' }, now), wireEvent('contact.abandoned', 'x2', { contactId: 'c-bruno' }, now)];
    expect((await postEvents(second.url, JSON.stringify(abandons))).status).toBe(202);
    const { cookie } = await login(second.url, 'admin', PASSWORD);
    const listed = (await (await asPage(second.url, '/api/v1/callbacks?state=open', cookie)).json()) as { callbacks: CallbackEntry[] };
    const byContact = Object.fromEntries(listed.callbacks.map((e) => [e.contactId, { queueId: e.queueId, waited: e.waited }]));
    expect(byContact).toEqual({ 'c-anna': { queueId: 'sales', waited: 60 }, 'c-bruno': { queueId: 'sales', waited: 30 } });
    second.child.kill('SIGTERM');
    await second.exited;
  }, 180_000);
});
