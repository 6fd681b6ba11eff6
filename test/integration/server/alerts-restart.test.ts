import { afterAll, describe, expect, it } from 'vitest';
import type { Alert } from '@plancia/contracts';
import { openStore, type Store } from '@plancia/store';
import { validateEvents } from '@plancia/contracts';
import { RESTORED_ALERT_STEP_MS } from '@plancia/engine';
import { backends, type TestDatabase } from '../helpers/plancia-server.js';
import { postEvents, queued, wireEvent } from '../helpers/events.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

const TEN_MINUTES = 600_000;

function envFor(database: TestDatabase): Record<string, string> {
  const { databaseUrl, dataDir } = database.options as { databaseUrl?: string; dataDir?: string };
  return databaseUrl ? { DATABASE_URL: databaseUrl } : { PLANCIA_DATA_DIR: dataDir! };
}

async function openAlerts(url: string): Promise<Alert[]> {
  const response = await fetch(`${url}/api/v1/snapshot`);
  // A snapshot that is not one is the failure, named with what the server answered (not a TypeError further on).
  if (!response.ok) throw new Error(`GET /api/v1/snapshot answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { alerts: Alert[] }).alerts;
}

async function withStore<T>(database: TestDatabase, use: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(database.options);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  await server.exited;
}

describe.each(backends)('open alerts across a restart on $name', (backend) => {
  const databases: TestDatabase[] = [];
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    servers.forEach((s) => s.child.exitCode === null && s.child.kill('SIGKILL'));
    await Promise.all(databases.map((d) => d.dispose()));
  });

  async function start(database: TestDatabase): Promise<ServerProcess> {
    const server = await startServerProcess(envFor(database));
    servers.push(server);
    return server;
  }

  async function acknowledgedLongWait(database: TestDatabase): Promise<{ server: ServerProcess; alert: Alert }> {
    const server = await start(database);
    // A caller waiting ten minutes: "Longest wait above 2 × T" on that queue.
    expect((await postEvents(server.url, JSON.stringify([queued('w1', 'sales', Date.now() - TEN_MINUTES)]))).status).toBe(202);
    let raised: Alert | undefined;
    for (let i = 0; i < 50 && !raised; i += 1) {
      raised = (await openAlerts(server.url)).find((a) => a.ruleId === 'sales:longest-wait');
      if (!raised) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(raised).toBeDefined();
    const reply = await fetch(`${server.url}/api/v1/alerts/${encodeURIComponent(raised!.id)}/acknowledge`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ by: 'marta', note: 'calling the caller back' }),
    });
    expect(reply.status).toBe(200);
    const alert = (await openAlerts(server.url)).find((a) => a.id === raised!.id)!;
    expect(alert).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'marta', note: 'calling the caller back' });
    return { server, alert };
  }

  it('keeps an acknowledged alert, its id, raise time and note, and raises nothing again', async () => {
    const database = await backend.create();
    databases.push(database);
    const { server, alert } = await acknowledgedLongWait(database);
    const before = await openAlerts(server.url);
    await stop(server);

    const restarted = await start(database);
    const after = await openAlerts(restarted.url);
    const strip = (list: Alert[]) => list.map(({ value: _value, ...rest }) => rest);
    expect(strip(after)).toEqual(strip(before));
    expect(after.find((a) => a.id === alert.id)).toMatchObject({
      raisedAt: alert.raisedAt, acknowledgedAt: alert.acknowledgedAt, acknowledgedBy: 'marta', note: 'calling the caller back',
    });
    await stop(restarted);
    const history = await withStore(database, (store) => store.alerts.history({}));
    expect(history.filter((a) => a.ruleId === 'sales:longest-wait').map((a) => [a.id, a.state])).toEqual([[alert.id, 'acknowledged']]);
  }, 180_000);

  it('resolves in the history an alert whose condition cleared while the server was down', async () => {
    const database = await backend.create();
    databases.push(database);
    const { server, alert } = await acknowledgedLongWait(database);
    await stop(server);
    // The caller hung up a few seconds after the stop; the abandon reaches the journal while no server runs (a
    // producer's backfill, written by another instance), and the restart comes later still.
    const hungUpAt = Date.now() + 2000;
    const abandoned = validateEvents([wireEvent('contact.abandoned', 'w1-gone', { contactId: 'c-w1' }, hungUpAt)], hungUpAt);
    if (!abandoned.ok) throw new Error(JSON.stringify(abandoned.errors));
    await withStore(database, (store) => store.journal.append(abandoned.events));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, hungUpAt + 3000 - Date.now())));

    const restarted = await start(database);
    expect((await openAlerts(restarted.url)).filter((a) => a.ruleId === 'sales:longest-wait')).toEqual([]);
    await stop(restarted);
    const history = await withStore(database, (store) => store.alerts.history({}));
    const mine = history.filter((a) => a.ruleId === 'sales:longest-wait');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ id: alert.id, state: 'resolved', note: 'calling the caller back' });
    // Resolved when the caller hung up, as the replay finds it (within its step), not at the restart.
    const resolvedAt = Date.parse(mine[0]!.resolvedAt!);
    expect(resolvedAt).toBeGreaterThanOrEqual(hungUpAt);
    expect(resolvedAt).toBeLessThan(hungUpAt + RESTORED_ALERT_STEP_MS);
  }, 180_000);
});
