import { afterAll, describe, expect, it, vi } from 'vitest';
import type { TimedEvent } from '@plancia/contracts';
import { openStore } from '@plancia/store';
import { backends, startTestServer, type TestDatabase, type TestServer } from '../helpers/plancia-server.js';
import { agentState } from '../helpers/events.js';

const DAY_MS = 24 * 3_600_000;

/** The ids left in the journal, oldest first. */
async function journalIds(server: TestServer): Promise<string[]> {
  const ids: string[] = [];
  await server.app.store.journal.readSince(0, (events) => {
    ids.push(...events.map((event) => event.id));
  });
  return ids;
}

/** The purge runs when the server becomes ready, without holding the start up: wait for it to have run. */
async function expectJournal(server: TestServer, ids: string[]): Promise<void> {
  await vi.waitFor(async () => expect(await journalIds(server)).toEqual(ids), { timeout: 10_000, interval: 100 });
}

/** The worklist's entries in every state, by the contact that opened them. */
async function expectCallbacks(server: TestServer, contactIds: string[]): Promise<void> {
  const states = ['open', 'claimed', 'done', 'answered'] as const;
  await vi.waitFor(async () => {
    const entries = await server.app.store.callbacks.list({ states, queues: null });
    expect(entries.map((entry) => entry.contactId).sort()).toEqual(contactIds);
  }, { timeout: 10_000, interval: 100 });
}

describe.each(backends)('journal retention on $name', (backend) => {
  const databases: TestDatabase[] = [];
  const servers: TestServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop().catch(() => undefined)));
    await Promise.all(databases.map((database) => database.dispose()));
  });

  it('purges events older than PLANCIA_RETENTION_DAYS at start and keeps the rest', { timeout: 180_000 }, async () => {
    const database = await backend.create();
    databases.push(database);
    const now = Date.now();
    const events = [
      agentState('r-40d', 'ada', 'available', ['sales'], now - 40 * DAY_MS),
      agentState('r-10d', 'ada', 'not_ready', ['sales'], now - 10 * DAY_MS),
      agentState('r-1h', 'ada', 'available', ['sales'], now - 3_600_000),
    ].map((event) => ({ ...event, timeMs: Date.parse(event.time) }) as TimedEvent);
    // Written straight into the journal, as if accepted over the past weeks.
    const store = await openStore(database.options);
    await store.journal.append(events);
    await store.close();

    // Default 35 days: only the 40-day-old event goes.
    const first = await startTestServer(database);
    servers.push(first);
    await expectJournal(first, ['r-10d', 'r-1h']);
    await first.stop();

    const second = await startTestServer(database, { PLANCIA_RETENTION_DAYS: '7' });
    servers.push(second);
    await expectJournal(second, ['r-1h']);
  });
});

describe.each(backends)('closed callback retention on $name', (backend) => {
  const databases: TestDatabase[] = [];
  const servers: TestServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop().catch(() => undefined)));
    await Promise.all(databases.map((database) => database.dispose()));
  });

  it('deletes entries closed longer ago than PLANCIA_CALLBACK_CLOSED_RETENTION_DAYS, never open ones', { timeout: 180_000 }, async () => {
    const database = await backend.create();
    databases.push(database);
    const now = Date.now();
    const attempt = (contactId: string, pseudonym: string, daysAgo: number) =>
      ({ tenant: 'default', source: 'urn:test', contactId, pseudonym, queueId: 'sales', abandonedAtMs: now - daysAgo * DAY_MS, waitedMs: 30_000 });
    const store = await openStore(database.options);
    await store.callbacks.record([attempt('done-40d', 'cp1:k:a', 50), attempt('answered-10d', 'cp1:k:b', 12), attempt('open-60d', 'cp1:k:c', 60)],
      [{ tenant: 'default', pseudonym: 'cp1:k:b', contactId: 'later-b', atMs: now - 10 * DAY_MS }]);
    const done = await store.callbacks.done('done-40d', 'reached', null, 'user:sara', now - 40 * DAY_MS);
    expect(done.ok).toBe(true);
    await store.close();

    // Default 30 days: only the entry closed 40 days ago goes, with its attempt.
    const first = await startTestServer(database);
    servers.push(first);
    await expectCallbacks(first, ['answered-10d', 'open-60d']);
    expect(await first.app.store.callbacks.find('done-40d')).toBeUndefined();
    await first.stop();

    const second = await startTestServer(database, { PLANCIA_CALLBACK_CLOSED_RETENTION_DAYS: '7' });
    servers.push(second);
    await expectCallbacks(second, ['open-60d']);
  });
});
