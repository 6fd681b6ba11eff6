import { afterAll, describe, expect, it } from 'vitest';
import type { Alert, AlertEvent } from '@plancia/contracts';
import { openStore, type Store } from '@plancia/store';
import { backends, type TestDatabase } from '../helpers/plancia-server.js';
import { NotificationDispatcher } from '../../../apps/server/src/notifications/dispatcher.js';
import { DeliveryWorker } from '../../../apps/server/src/notifications/delivery-worker.js';
import { startReceiver, type Receiver } from './receivers.js';

const T0 = Date.parse('2026-12-07T10:00:00.000Z');
const MIN = 60_000;

function event(kind: AlertEvent['kind'], id: string, atMs = T0): AlertEvent {
  const alert: Alert = {
    id, ruleId: 'sales:longest-wait', ruleName: 'Longest wait', metric: 'longestWaitSeconds', scope: { kind: 'queue', id: 'sales' },
    window: 'live', severity: 'warning', state: kind === 'acknowledged' ? 'acknowledged' : 'raised', value: 300, threshold: 120,
    raisedAt: new Date(T0).toISOString(), acknowledgedAt: kind === 'acknowledged' ? new Date(atMs).toISOString() : null,
    acknowledgedBy: kind === 'acknowledged' ? 'marta' : null, note: null, resolvedAt: null,
  };
  return { kind, alert };
}

/** The worker on a clock the test moves: days of backoff in milliseconds of real time. */
describe.each(backends)('the delivery worker on an injected clock, on $name', (backend) => {
  let database: TestDatabase;
  let store: Store;
  const receivers: Receiver[] = [];
  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    await store?.close();
    await database?.dispose();
  });

  function worker(clock: { now: number }) {
    const counted = new Map<string, number>();
    const outcomes = { inc: ({ outcome }: { outcome: string }) => counted.set(outcome, (counted.get(outcome) ?? 0) + 1) };
    const w = new DeliveryWorker(store, {
      retryBaseMs: 1000, giveUpMs: 24 * 60 * MIN, pollMs: 1000, mail: null, isMuted: () => false, outcomes,
      onError: (error) => { throw error; }, now: () => clock.now, random: () => 1,
    });
    return { w, count: async (outcome: string) => counted.get(outcome) ?? 0 };
  }

  it('backs off from 1 s doubling, and gives up after 24 h: the delivery is dead', async () => {
    database = await backend.create();
    store = await openStore(database.options);
    const failing = await startReceiver(() => 500);
    receivers.push(failing);
    await store.notifications.putChannel({ tenantId: 'default', id: 'down', type: 'webhook', settings: { type: 'webhook', url: failing.url, secret: `whsec_${Buffer.alloc(32, 7).toString('base64')}` } });
    await store.notifications.putPolicy('default', { channels: ['down'], repeatIntervalMinutes: 0 });
    await new NotificationDispatcher(store, 'https://b.example').record(event('raised', 'a1'), T0);
    const clock = { now: T0 };
    const { w, count } = worker(clock);
    const waits: number[] = [];
    for (let i = 0; i < 14; i += 1) {
      await w.poke();
      const [row] = await store.notifications.deliveries('default', undefined);
      if (row!.state !== 'pending') break;
      waits.push(row!.nextAttemptAt.getTime() - clock.now);
      clock.now = row!.nextAttemptAt.getTime();
    }
    // random() = 1: the whole step each time, 1 s doubling, never more than 10 minutes.
    expect(waits.slice(0, 11)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 600].map((s) => s * 1000));
    expect(failing.received.length).toBe(14);
    clock.now = T0 + 24 * 60 * MIN;
    await w.poke();
    const [row] = await store.notifications.deliveries('default', 'dead');
    expect(row).toMatchObject({ alertId: 'a1', state: 'dead', lastError: 'HTTP 500' });
    expect(await count('dead')).toBe(1);
    expect(await count('retry')).toBe(14);
    // Every try carried the same webhook-id, the row's.
    expect(new Set(failing.received.map((r) => r.headers['webhook-id']))).toEqual(new Set([row!.id]));
  });

  it('repeats an open unacknowledged alert each interval, and stops once it is acknowledged', async () => {
    const up = await startReceiver(() => 200);
    receivers.push(up);
    await store.notifications.putChannel({ tenantId: 'default', id: 'up', type: 'slack', settings: { type: 'slack', url: up.url } });
    await store.notifications.putPolicy('default', { channels: ['up'], repeatIntervalMinutes: 5 });
    await new NotificationDispatcher(store, 'https://b.example').record(event('raised', 'r1'), T0);
    const clock = { now: T0 };
    const { w, count } = worker(clock);
    const texts = () => up.received.map((r) => String(JSON.parse(r.body).text));
    await w.poke();
    expect(texts()).toEqual([expect.stringMatching(/^Allarme · /)]);
    clock.now = T0 + 5 * MIN;
    await w.poke();
    clock.now = T0 + 10 * MIN;
    await w.poke();
    expect(texts().slice(1)).toEqual([expect.stringMatching(/^Ancora aperto · /), expect.stringMatching(/^Ancora aperto · /)]);
    await store.alerts.record(event('acknowledged', 'r1', T0 + 11 * MIN));
    clock.now = T0 + 15 * MIN;
    await w.poke();
    expect(texts()).toHaveLength(3);
    expect(await count('skipped')).toBe(1);
    const pending = (await store.notifications.deliveries('default', 'pending')).filter((d) => d.alertId === 'r1');
    expect(pending).toEqual([]);
  });
});
