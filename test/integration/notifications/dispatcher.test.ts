import { afterAll, describe, expect, it } from 'vitest';
import type { Alert, AlertEvent } from '@plancia/contracts';
import { openStore, type Store } from '@plancia/store';
import { backends, type TestDatabase } from '../helpers/plancia-server.js';
import { NotificationDispatcher } from '../../../apps/server/src/notifications/dispatcher.js';

const RAISED = '2026-12-07T10:00:00.000Z';

function raised(id: string, queueId = 'sales'): AlertEvent {
  const alert: Alert = {
    id, ruleId: `${queueId}:longest-wait`, ruleName: 'Longest wait', metric: 'longestWaitSeconds', scope: { kind: 'queue', id: queueId },
    window: 'live', severity: 'warning', state: 'raised', value: 300, threshold: 120, raisedAt: RAISED,
    acknowledgedAt: null, acknowledgedBy: null, note: null, resolvedAt: null,
  };
  return { kind: 'raised', alert };
}

describe.each(backends)('the notification dispatcher on $name', (backend) => {
  let database: TestDatabase;
  let store: Store;
  afterAll(async () => {
    await store?.close();
    await database?.dispose();
  });

  it('writes the owed deliveries with the transition, once, and none for a muted alert or a tenant without a policy', async () => {
    database = await backend.create();
    store = await openStore(database.options);
    const at = Date.parse(RAISED);
    const dispatcher = new NotificationDispatcher(store, 'https://board.example.com', (alert) => alert.id === 'muted');
    await dispatcher.record(raised('before-policy'), at);
    expect(await store.notifications.due(at + 1, 100)).toEqual([]);

    await store.notifications.putChannel({ tenantId: 'default', id: 'hook', type: 'slack', settings: { type: 'slack', url: 'http://127.0.0.1:9/x' } });
    await store.notifications.putPolicy('default', { channels: ['hook'], repeatIntervalMinutes: 0 });
    await dispatcher.record(raised('a1'), at);
    // The same transition again (a replay after a restart) owes nothing new.
    await dispatcher.record(raised('a1'), at);
    await dispatcher.record(raised('muted'), at);
    const due = await store.notifications.due(at + 1, 100);
    expect(due.map((d) => [d.alertId, d.channelId, d.kind, d.state])).toEqual([['a1', 'hook', 'raised', 'pending']]);
    expect(due[0]!.payload).toMatchObject({ event: 'raised', language: 'it', url: 'https://board.example.com/control?alert=a1' });
    expect((await store.alerts.history({})).map((a) => a.id).sort()).toEqual(['a1', 'before-policy', 'muted']);
  });
});
