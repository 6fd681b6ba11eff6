import { createHmac, randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Alert, AlertEvent, AlertWebhookBody } from '@plancia/contracts';
import { openStore, type Store } from '@plancia/store';
import { backends, type TestDatabase } from '../helpers/plancia-server.js';
import { NotificationDispatcher } from '../../../apps/server/src/notifications/dispatcher.js';
import { DeliveryWorker } from '../../../apps/server/src/notifications/delivery-worker.js';
import { startReceiver, type Receiver } from './receivers.js';

const T0 = Date.parse('2026-12-07T10:00:00.000Z');
const S = 1000;
const MIN = 60 * S;

function event(kind: AlertEvent['kind'], id: string, raisedAtMs: number, queueId = 'sales'): AlertEvent {
  const alert: Alert = {
    id, ruleId: `${queueId}:longest-wait`, ruleName: 'Longest wait', metric: 'longestWaitSeconds', scope: { kind: 'queue', id: queueId },
    window: 'live', severity: 'warning', state: kind === 'resolved' ? 'resolved' : 'raised', value: 300, threshold: 120,
    raisedAt: new Date(raisedAtMs).toISOString(), acknowledgedAt: null, acknowledgedBy: null, note: null, resolvedAt: null,
  };
  return { kind, alert };
}

/**
 * Grouping on a clock the test moves (the worker and the dispatcher take time passed in), delivered to a real
 * webhook receiver on loopback that verifies every signature.
 */
describe.each(backends)('grouped notifications on $name', (backend) => {
  let database: TestDatabase;
  let store: Store;
  const receivers: Receiver[] = [];
  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    await store?.close();
    await database?.dispose();
  });

  it('collects a new group for groupWait, batches later changes by groupInterval, repeats the group; one message per batch, the same on a retry', async () => {
    database = await backend.create();
    store = await openStore(database.options);
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    // Standard Webhooks' signature, checked by hand: the reference library also refuses timestamps far from the real
    // clock, and this test's clock is days ahead. The third message is refused once: its retry must be the same message.
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const hook = await startReceiver((request, index) => {
      const { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature } = request.headers;
      const expected = `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${request.body}`).digest('base64')}`;
      if (signature !== expected) return 401;
      return index === 2 ? 500 : 200;
    });
    receivers.push(hook);
    await store.notifications.putChannel({ tenantId: 'default', id: 'hook', type: 'webhook', settings: { type: 'webhook', url: hook.url, secret } });
    await store.notifications.putPolicy('default', {
      channels: ['hook'], groupWaitSeconds: 30, groupIntervalSeconds: 300, repeatIntervalMinutes: 60,
      routes: [{ match: { queueId: 'support' }, channels: ['hook'] }],
    });
    const clock = { now: T0 };
    const dispatcher = new NotificationDispatcher(store, 'https://b.example');
    const worker = new DeliveryWorker(store, {
      retryBaseMs: 1000, giveUpMs: 24 * 60 * MIN, pollMs: 1000, mail: null, isMuted: () => false, outcomes: { inc: () => undefined },
      onError: (error) => { throw error; }, now: () => clock.now, random: () => 1,
    });
    const at = async (ms: number) => {
      clock.now = ms;
      await worker.poke();
    };
    const messages = () => hook.received.filter((r) => r.status === 200).map((r) => {
      const body = JSON.parse(r.body) as AlertWebhookBody;
      return { id: String(r.headers['webhook-id']), type: body.type, alerts: body.data.alerts!.map((a) => a.id), first: body.data.alert.id };
    });

    // A new group: a1 opens it, a2 joins within the wait; b1 (another route) is a group of its own.
    await dispatcher.record(event('raised', 'a1', T0), T0);
    await dispatcher.record(event('raised', 'a2', T0 + 10 * S), T0 + 10 * S);
    await dispatcher.record(event('raised', 'b1', T0 + 12 * S, 'support'), T0 + 12 * S);
    await at(T0 + 29 * S);
    expect(messages()).toEqual([]);
    await at(T0 + 30 * S);
    expect(messages()).toEqual([{ id: expect.any(String), type: 'alert.raised', alerts: ['a1', 'a2'], first: 'a1' }]);
    await at(T0 + 42 * S);
    expect(messages().slice(1)).toEqual([{ id: expect.any(String), type: 'alert.raised', alerts: ['b1'], first: 'b1' }]);

    // After the flush, a3 and a1's resolution wait for the group interval, then leave as two messages, raise first.
    await dispatcher.record(event('raised', 'a3', T0 + 60 * S), T0 + 60 * S);
    await dispatcher.record(event('resolved', 'a1', T0), T0 + 100 * S);
    await at(T0 + 329 * S);
    expect(messages()).toHaveLength(2);
    await at(T0 + 330 * S);
    // The raise of a3 was refused (500): the resolution still went; the retry a second later is the same message.
    expect(messages().slice(2)).toEqual([{ id: expect.any(String), type: 'alert.resolved', alerts: ['a1'], first: 'a1' }]);
    await at(T0 + 331 * S);
    const [, , refused] = hook.received;
    const retried = messages()[3]!;
    expect(retried).toMatchObject({ type: 'alert.raised', alerts: ['a3'] });
    expect(retried.id).toBe(refused!.headers['webhook-id']);
    expect(JSON.parse(refused!.body).data.alerts.map((a: { id: string }) => a.id)).toEqual(['a3']);

    // Repeats: a2 still open an hour after its message (a1 resolved is not repeated); a3's repeat follows its own.
    await at(T0 + 30 * S + 60 * MIN);
    expect(messages().slice(4)).toEqual([{ id: expect.any(String), type: 'alert.raised', alerts: ['a2'], first: 'a2' }]);
    expect(new Set(messages().map((m) => m.id)).size).toBe(messages().length);
  });

  it('without a group wait or interval every message is about one alert, as before grouping', async () => {
    const hook = await startReceiver(() => 200);
    receivers.push(hook);
    await store.notifications.putChannel({ tenantId: 'default', id: 'plain', type: 'slack', settings: { type: 'slack', url: hook.url } });
    await store.notifications.putPolicy('default', { channels: ['plain'], repeatIntervalMinutes: 0 });
    const dispatcher = new NotificationDispatcher(store, 'https://b.example');
    const T1 = T0 + 24 * 60 * MIN;
    await dispatcher.record(event('raised', 'p1', T1, 'billing'), T1);
    await dispatcher.record(event('raised', 'p2', T1, 'billing'), T1);
    const worker = new DeliveryWorker(store, {
      retryBaseMs: 1000, giveUpMs: 24 * 60 * MIN, pollMs: 1000, mail: null, isMuted: () => false, outcomes: { inc: () => undefined },
      onError: (error) => { throw error; }, now: () => T1, random: () => 1,
    });
    await worker.poke();
    expect(hook.received.map((r) => JSON.parse(r.body).blocks.length)).toEqual([3, 3]);
    const sent = (await store.notifications.deliveries('default', 'sent')).filter((d) => d.channelId === 'plain');
    expect(sent.map((d) => d.batchId === d.id)).toEqual([true, true]);
  });
});
