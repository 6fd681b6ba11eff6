import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import type { Alert, NotificationDelivery } from '@plancia/contracts';
import { backends, type TestDatabase } from '../helpers/plancia-server.js';
import { postEvents, queued } from '../helpers/events.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { eventually, startReceiver, type Receiver } from './receivers.js';

const TEN_MINUTES = 600_000;
const FAST = { PLANCIA_NOTIFY_RETRY_BASE_MS: '200', PLANCIA_NOTIFY_POLL_MS: '50' };

function envFor(database: TestDatabase): Record<string, string> {
  const { databaseUrl, dataDir } = database.options as { databaseUrl?: string; dataDir?: string };
  return { ...FAST, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { PLANCIA_DATA_DIR: dataDir! }) };
}

const deliveries = async (url: string) =>
  ((await (await fetch(`${url}/api/v1/notification-deliveries`)).json()) as { deliveries: NotificationDelivery[] }).deliveries;

describe.each(backends)('notifications across a kill -9 on $name', (backend) => {
  const servers: ServerProcess[] = [];
  const receivers: Receiver[] = [];
  let database: TestDatabase | undefined;
  afterAll(async () => {
    servers.forEach((s) => s.child.exitCode === null && s.child.kill('SIGKILL'));
    await Promise.all(receivers.map((r) => r.close()));
    await database?.dispose();
  });

  it('a receiver down while the server is killed gets every notification after the restart, once per webhook-id', async () => {
    database = await backend.create();
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    // A port that answers nothing: a receiver bound there, then closed.
    const placeholder = await startReceiver(() => 200);
    const { port, url: hookUrl } = placeholder;
    await placeholder.close();

    const first = await startServerProcess(envFor(database));
    servers.push(first);
    const put = (path: string, body: unknown) => fetch(`${first.url}${path}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await put('/api/v1/notification-channels/hook', { type: 'webhook', url: hookUrl, secret })).status).toBe(201);
    expect((await put('/api/v1/notification-policy', { channels: ['hook'], repeatIntervalMinutes: 0 })).status).toBe(200);
    expect((await postEvents(first.url, JSON.stringify([queued('w1', 'sales', Date.now() - TEN_MINUTES)]))).status).toBe(202);
    const alert = await eventually(async () => {
      const snapshot = (await (await fetch(`${first.url}/api/v1/snapshot`)).json()) as { alerts: Alert[] };
      return snapshot.alerts.find((a) => a.ruleId === 'sales:longest-wait');
    }, 20_000, 'the raise');
    // Tried and failed at least once (connection refused), then the server dies without a word.
    const owed = await eventually(async () => {
      const list = await deliveries(first.url);
      return list.some((d) => d.alertId === alert.id && d.attempts >= 1) && list.every((d) => d.state === 'pending') && list;
    }, 20_000, 'a failed try');
    first.child.kill('SIGKILL');
    await first.exited;

    const verifier = new Webhook(secret);
    const receiver = await startReceiver(({ headers, body }) => {
      verifier.verify(body, headers as Record<string, string>);
      return 200;
    }, port);
    receivers.push(receiver);
    const second = await startServerProcess(envFor(database));
    servers.push(second);
    const ids = owed.map((d) => d.id);
    await eventually(() => ids.every((id) => receiver.received.some((r) => r.headers['webhook-id'] === id)), 30_000, 'every owed notification');
    await eventually(async () => (await deliveries(second.url)).filter((d) => ids.includes(d.id)).every((d) => d.state === 'sent'), 10_000, 'all marked sent');
    const got = receiver.received.map((r) => String(r.headers['webhook-id']));
    expect(new Set(got).size).toBe(got.length);
    const raise = receiver.received.find((r) => JSON.parse(r.body).data.alert.id === alert.id)!;
    expect(JSON.parse(raise.body)).toMatchObject({ type: 'alert.raised', data: { alert: { id: alert.id, queueId: 'sales', state: 'raised' } } });
  }, 180_000);
});
