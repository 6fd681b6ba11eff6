import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import type { Alert, AlertWebhookBody, NotificationDelivery } from '@plancia/contracts';
import { useServer } from '../helpers/plancia-server.js';
import { postEvents, queued } from '../helpers/events.js';
import { eventually, startReceiver, type Receiver } from './receivers.js';

const TEN_MINUTES = 600_000;
const server = useServer({ PLANCIA_NOTIFY_RETRY_BASE_MS: '50', PLANCIA_NOTIFY_POLL_MS: '50', PLANCIA_PUBLIC_URL: 'https://board.example.com' });

const send = (method: string, path: string, body?: unknown) => fetch(`${server().url}${path}`, {
  method, ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
});

async function openAlert(queueId: string): Promise<Alert> {
  return eventually(async () => {
    const snapshot = (await (await fetch(`${server().url}/api/v1/snapshot`)).json()) as { alerts: Alert[] };
    return snapshot.alerts.find((a) => a.ruleId === `${queueId}:longest-wait`);
  }, 20_000, `an alert on ${queueId}`);
}

/** End to end: a silence made through the API keeps a raised alert off every channel, and only that alert. */
describe('a silenced alert notifies nobody', () => {
  let receiver: Receiver;
  afterAll(async () => receiver?.close());

  it('a real receiver gets the unsilenced queue\'s alert and nothing of the silenced one; nothing is even owed for it', async () => {
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    const verifier = new Webhook(secret);
    receiver = await startReceiver((request) => {
      verifier.verify(request.body, request.headers as Record<string, string>);
      return 200;
    });
    expect((await send('PUT', '/api/v1/notification-channels/hook', { type: 'webhook', url: receiver.url, secret })).status).toBe(201);
    expect((await send('PUT', '/api/v1/notification-policy', { channels: ['hook'], repeatIntervalMinutes: 0 })).status).toBe(200);
    const silence = await send('POST', '/api/v1/silences', {
      match: { queueId: 'hushed' }, endsAt: new Date(Date.now() + 3_600_000).toISOString(), reason: 'PBX maintenance',
    });
    expect(silence.status).toBe(201);

    const old = Date.now() - TEN_MINUTES;
    expect((await postEvents(server().url, JSON.stringify([queued('w-hushed', 'hushed', old), queued('w-loud', 'loud', old)]))).status).toBe(202);
    const hushed = await openAlert('hushed');
    const loud = await openAlert('loud');
    expect(hushed.silencedBy).toEqual(expect.any(String));

    // Every rule that fired on the loud queue reaches the receiver; then nothing is left owed.
    const deliveries = await eventually(async () => {
      const { deliveries: all } = (await (await send('GET', '/api/v1/notification-deliveries')).json()) as { deliveries: NotificationDelivery[] };
      return all.some((d) => d.alertId === loud.id) && all.every((d) => d.state === 'sent') && all;
    }, 20_000, 'the unsilenced alerts delivered');
    const received = receiver.received.map((r) => (JSON.parse(r.body) as AlertWebhookBody).data.alert);
    expect(received.map((a) => a.id).sort()).toEqual(deliveries.map((d) => d.alertId).sort());
    expect(received.every((a) => a.queueId === 'loud')).toBe(true);
    // The silenced queue's alerts are on record (raised, shown as silenced) but owed nothing: none can come later.
    const history = (await (await send('GET', '/api/v1/alerts?queueId=hushed')).json()) as { alerts: Alert[] };
    expect(history.alerts.map((a) => a.id)).toContain(hushed.id);
    const owed = new Set(deliveries.map((d) => d.alertId));
    expect(history.alerts.filter((a) => owed.has(a.id))).toEqual([]);
    expect(receiver.received.filter((r) => r.body.includes('hushed'))).toEqual([]);
  });
});
