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
