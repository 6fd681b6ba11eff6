import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { Webhook } from 'standardwebhooks';
import type { AddressInfo } from 'node:net';
import type { Alert } from '@plancia/contracts';
import { useServer } from '../helpers/plancia-server.js';
import { postEvents, queued, wireEvent } from '../helpers/events.js';
import { eventually, startReceiver, type Receiver } from './receivers.js';

const TEN_MINUTES = 600_000;
const secret = () => `whsec_${randomBytes(32).toString('base64')}`;

/** A real SMTP server on loopback that keeps every message, parsed. */
const mails: ParsedMail[] = [];
const smtp = new SMTPServer({
  authOptional: true, disabledCommands: ['STARTTLS'],
  onData(stream, _session, callback) {
    simpleParser(stream).then((mail) => { mails.push(mail); callback(); }, callback);
  },
});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const smtpPort = (smtp.server.address() as AddressInfo).port;

const server = useServer({
  PLANCIA_NOTIFY_RETRY_BASE_MS: '50', PLANCIA_NOTIFY_POLL_MS: '50', PLANCIA_PUBLIC_URL: 'https://board.example.com',
  PLANCIA_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, PLANCIA_SMTP_FROM: 'plancia@example.com',
});

const put = (path: string, body: unknown) =>
  fetch(`${server().url}${path}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function raiseOn(queueId: string): Promise<Alert> {
  expect((await postEvents(server().url, JSON.stringify([queued(`w-${queueId}`, queueId, Date.now() - TEN_MINUTES)]))).status).toBe(202);
  return eventually(async () => {
    const snapshot = (await (await fetch(`${server().url}/api/v1/snapshot`)).json()) as { alerts: Alert[] };
    return snapshot.alerts.find((a) => a.ruleId === `${queueId}:longest-wait`);
  }, 20_000, `an alert on ${queueId}`);
}

const bodiesOf = (receiver: Receiver) => receiver.received.filter((r) => r.status < 300).map((r) => JSON.parse(r.body) as Record<string, unknown>);

/** Slack's published rules for incoming webhooks with Block Kit: text or blocks; each block typed; header plain_text ≤ 150. */
function checkSlack(body: Record<string, unknown>): void {
  expect(typeof body.text).toBe('string');
  const blocks = body.blocks as Record<string, unknown>[];
  expect(blocks.length).toBeGreaterThan(0);
  expect(blocks.length).toBeLessThanOrEqual(50);
  for (const block of blocks) {
    expect(['header', 'section', 'actions', 'context', 'divider']).toContain(block.type);
    if (block.type === 'header') expect(block.text).toMatchObject({ type: 'plain_text' });
    if (block.type === 'header') expect(((block.text as { text: string }).text).length).toBeLessThanOrEqual(150);
    if (block.type === 'section') expect(block.text ?? block.fields).toBeDefined();
    if (block.type === 'section' && block.fields) expect((block.fields as unknown[]).length).toBeLessThanOrEqual(10);
    if (block.type === 'actions') {
      for (const element of block.elements as Record<string, unknown>[]) {
        expect(element).toMatchObject({ type: 'button', text: { type: 'plain_text' } });
        expect(String(element.url)).toMatch(/^https:\/\/board\.example\.com\/control\?alert=/);
      }
    }
  }
}

/** The Teams Workflows message: type message, one Adaptive Card attachment whose card has type, version and body. */
function checkTeams(body: Record<string, unknown>): void {
  expect(body.type).toBe('message');
  const [attachment] = body.attachments as Record<string, unknown>[];
  expect(attachment!.contentType).toBe('application/vnd.microsoft.card.adaptive');
  const card = attachment!.content as Record<string, unknown>;
  expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
  const elements = card.body as Record<string, unknown>[];
  expect(elements.length).toBeGreaterThan(0);
  for (const element of elements) {
    expect(['TextBlock', 'FactSet']).toContain(element.type);
    if (element.type === 'TextBlock') expect(typeof element.text).toBe('string');
    if (element.type === 'FactSet') for (const fact of element.facts as Record<string, unknown>[]) expect(fact).toEqual({ title: expect.any(String), value: expect.any(String) });
  }
  for (const action of card.actions as Record<string, unknown>[]) expect(action).toMatchObject({ type: 'Action.OpenUrl', url: expect.stringMatching(/\/control\?alert=/) });
}

describe('notifications through real receivers', () => {
  const receivers: Receiver[] = [];
  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  let webhookSecret: string;
  let oldSecret: string;
  let webhook: Receiver;
  let slack: Receiver;
  let teams: Receiver;
  let boss: Receiver;
  beforeAll(async () => {
    webhookSecret = secret();
    oldSecret = secret();
    // Verifies every delivery with the Standard Webhooks reference library, against the old secret of a rotation,
    // and answers 500 to the first two tries of each webhook-id before 200.
    const verifier = new Webhook(oldSecret);
    const tries = new Map<string, number>();
    webhook = await startReceiver(({ headers, body }) => {
      verifier.verify(body, headers as Record<string, string>);
      const id = String(headers['webhook-id']);
      tries.set(id, (tries.get(id) ?? 0) + 1);
      return tries.get(id)! <= 2 ? 500 : 200;
    });
    slack = await startReceiver(() => 200);
    teams = await startReceiver(() => 200);
    boss = await startReceiver(() => 200);
    receivers.push(webhook, slack, teams, boss);
  });

  it('refuses bad settings with 400 naming the field, before storing, and masks secrets', async () => {
    const noPrefix = await put('/api/v1/notification-channels/hook', { type: 'webhook', url: webhook.url, secret: 'c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0' });
    expect(noPrefix.status).toBe(400);
    expect(((await noPrefix.json()) as { message: string }).message).toMatch(/^secret: /);
    const badUrl = await put('/api/v1/notification-channels/hook', { type: 'slack', url: 'not a url' });
    expect(badUrl.status).toBe(400);
    expect(((await badUrl.json()) as { message: string }).message).toMatch(/^url: /);
    expect(((await (await fetch(`${server().url}/api/v1/notification-channels`)).json()) as { channels: unknown[] }).channels).toEqual([]);
    const unknown = await put('/api/v1/notification-policy', { channels: ['nowhere'] });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { message: string }).message).toBe('channels/0: no channel nowhere');

    expect((await put('/api/v1/notification-channels/hook', { type: 'webhook', url: webhook.url, secret: webhookSecret, previousSecrets: [oldSecret] })).status).toBe(201);
    const listed = (await (await fetch(`${server().url}/api/v1/notification-channels`)).json()) as { channels: { settings: Record<string, unknown> }[] };
    expect(JSON.stringify(listed)).not.toContain(webhookSecret.slice(6));
    expect(JSON.stringify(listed)).not.toContain(oldSecret.slice(6));
  });

  it('a webhook that fails twice gets the raise once per webhook-id, signed, then the acknowledgement; Slack, Teams and email get theirs', async () => {
    expect((await put('/api/v1/notification-channels/slack', { type: 'slack', url: slack.url })).status).toBe(201);
    expect((await put('/api/v1/notification-channels/teams', { type: 'teams', url: teams.url })).status).toBe(201);
    expect((await put('/api/v1/notification-channels/mail', { type: 'email', to: ['room@example.com'] })).status).toBe(201);
    expect((await put('/api/v1/notification-policy', { channels: ['hook', 'slack', 'teams', 'mail'], language: 'en' })).status).toBe(200);

    const alert = await raiseOn('sales');
    const mine = (type: string) => bodiesOf(webhook).filter((b) => b.type === type && (b.data as { alert: Alert }).alert.id === alert.id);
    await eventually(() => mine('alert.raised').length >= 1, 20_000, 'the raise after retries');
    // Every webhook-id was tried three times (500, 500, 200) under the same id, and got exactly one 200.
    const byId = new Map<string, number[]>();
    for (const r of webhook.received) byId.set(String(r.headers['webhook-id']), [...(byId.get(String(r.headers['webhook-id'])) ?? []), r.status]);
    // Other rules of the queue may still be on their way: each id's tries so far are a beginning of 500, 500, 200.
    for (const statuses of byId.values()) expect([500, 500, 200].slice(0, statuses.length)).toEqual(statuses);
    const raiseId = webhook.received.find((r) => r.status === 200 && r.body.includes(`"id":${JSON.stringify(alert.id)}`))!.headers['webhook-id'];
    expect(byId.get(String(raiseId))).toEqual([500, 500, 200]);
    const [raised] = mine('alert.raised');
    expect(raised).toMatchObject({
      type: 'alert.raised',
      data: { alert: { id: alert.id, ruleId: 'sales:longest-wait', severity: alert.severity, queueId: 'sales', state: 'raised', url: `https://board.example.com/control?alert=${encodeURIComponent(alert.id)}` } },
    });

    const ack = await fetch(`${server().url}/api/v1/alerts/${encodeURIComponent(alert.id)}/acknowledge`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ by: 'marta' }),
    });
    expect(ack.status).toBe(200);
    await eventually(() => mine('alert.acknowledged').length >= 1, 20_000, 'the acknowledgement');
    expect(mine('alert.acknowledged')).toHaveLength(1);
    expect(mine('alert.acknowledged')[0]).toMatchObject({ type: 'alert.acknowledged', data: { alert: { id: alert.id, state: 'acknowledged' } } });
    const accepted = webhook.received.filter((r) => r.status === 200).map((r) => r.headers['webhook-id']);
    expect(new Set(accepted).size).toBe(accepted.length);

    const sent = byId.size + 1;
    await eventually(() => bodiesOf(slack).length >= sent && bodiesOf(teams).length >= sent, 20_000, 'Slack and Teams');
    bodiesOf(slack).forEach(checkSlack);
    bodiesOf(teams).forEach(checkTeams);
    expect(bodiesOf(slack).some((b) => /^Acknowledged by marta · /.test(String(b.text)))).toBe(true);

    const link = `https://board.example.com/control?alert=${encodeURIComponent(alert.id)}`;
    const about = () => mails.filter((mail) => mail.text?.includes(link));
    await eventually(() => about().length >= 2, 20_000, 'two emails');
    expect(about()[0]!.subject).toMatch(/^\[Plancia\] Alert · /);
    expect(about()[0]!.to).toMatchObject({ text: 'room@example.com' });
    expect(about()[1]!.subject).toMatch(/Acknowledged by marta/);

    // Each 200 the receiver gave is one "sent" on /metrics, each 500 one "retry" (read once the webhook is quiet).
    const metrics = await eventually(async () => {
      const text = await (await fetch(`${server().url}/metrics`)).text();
      const count = (outcome: string) => Number(new RegExp(`plancia_notifications_total\\{type="webhook",outcome="${outcome}"\\} (\\d+)`).exec(text)?.[1] ?? -1);
      const ok = webhook.received.filter((r) => r.status === 200).length;
      const failed = webhook.received.filter((r) => r.status === 500).length;
      return count('sent') === ok && count('retry') === failed && { ok, failed };
    }, 20_000, 'the webhook outcomes on /metrics');
    expect(metrics.failed).toBe(2 * metrics.ok);
  }, 60_000);

  it('an unacknowledged alert escalates to the next channels; 410 Gone disables a channel and its delivery is dead until retried', async () => {
    const gone = await startReceiver((_request, index) => (index === 0 ? 410 : 200));
    receivers.push(gone);
    expect((await put('/api/v1/notification-channels/boss', { type: 'slack', url: boss.url })).status).toBe(201);
    expect((await put('/api/v1/notification-channels/gone', { type: 'teams', url: gone.url })).status).toBe(201);
    expect((await put('/api/v1/notification-policy', {
      channels: ['slack'],
      routes: [{ match: { queueId: 'support' }, channels: ['gone'], escalate: [{ afterMinutes: 0.05, channels: ['boss'] }] }],
    })).status).toBe(200);
    const alert = await raiseOn('support');
    await eventually(() => bodiesOf(boss).length >= 1, 20_000, 'the escalation');
    expect(bodiesOf(boss)[0]!.text).toMatch(/^Escalation: non preso in carico/);

    const dead = await eventually(async () => {
      const list = (await (await fetch(`${server().url}/api/v1/notification-deliveries?state=dead`)).json()) as { deliveries: { id: string; alertId: string; lastError: string }[] };
      return list.deliveries.find((d) => d.alertId === alert.id);
    }, 20_000, 'a dead delivery');
    expect(dead.lastError).toMatch(/410/);
    const channels = (await (await fetch(`${server().url}/api/v1/notification-channels`)).json()) as { channels: { id: string; enabled: boolean; disabledReason: string | null }[] };
    expect(channels.channels.find((c) => c.id === 'gone')).toMatchObject({ enabled: false, disabledReason: expect.stringMatching(/410/) });

    // Put back (enabled again) and retried: the same webhook-id reaches the receiver.
    expect((await put('/api/v1/notification-channels/gone', { type: 'teams', url: gone.url })).status).toBe(200);
    expect((await fetch(`${server().url}/api/v1/notification-deliveries/${dead.id}/retry`, { method: 'POST' })).status).toBe(202);
    await eventually(() => bodiesOf(gone).length >= 1, 20_000, 'the retried delivery');
    checkTeams(bodiesOf(gone)[0]!);
  }, 60_000);

  it('an alert acknowledged in time does not escalate: its escalation is skipped', async () => {
    const standby = await startReceiver(() => 200);
    receivers.push(standby);
    expect((await put('/api/v1/notification-channels/standby', { type: 'slack', url: standby.url })).status).toBe(201);
    expect((await put('/api/v1/notification-policy', {
      channels: ['slack'], repeatIntervalMinutes: 0,
      routes: [{ match: { queueId: 'returns' }, channels: ['slack'], escalate: [{ afterMinutes: 0.05, channels: ['standby'] }] }],
    })).status).toBe(200);
    const alert = await raiseOn('returns');
    const ack = await fetch(`${server().url}/api/v1/alerts/${encodeURIComponent(alert.id)}/acknowledge`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(ack.status).toBe(200);
    const skipped = await eventually(async () => {
      const list = (await (await fetch(`${server().url}/api/v1/notification-deliveries?state=skipped`)).json()) as { deliveries: { alertId: string; kind: string; channelId: string }[] };
      return list.deliveries.find((d) => d.alertId === alert.id);
    }, 20_000, 'the escalation skipped');
    expect(skipped).toMatchObject({ kind: 'escalation', channelId: 'standby' });
    // Other rules of the queue raised too and were not acknowledged: they escalate; this one never reached standby.
    expect(standby.received.filter((r) => r.body.includes(encodeURIComponent(alert.id)))).toEqual([]);
  }, 60_000);

  it('PagerDuty hears trigger, acknowledge and resolve of one incident, the alert id as dedup_key', async () => {
    const pagerduty = await startReceiver(() => 202);
    receivers.push(pagerduty);
    expect((await put('/api/v1/notification-channels/pd', { type: 'pagerduty', routingKey: 'R0UT1NGKEY', url: pagerduty.url })).status).toBe(201);
    const listed = (await (await fetch(`${server().url}/api/v1/notification-channels`)).json()) as { channels: { id: string; settings: { routingKey: string } }[] };
    expect(listed.channels.find((c) => c.id === 'pd')!.settings.routingKey).not.toContain('R0UT1NGKEY');
    expect((await put('/api/v1/notification-policy', { channels: ['slack'], routes: [{ match: { queueId: 'billing' }, channels: ['pd'] }] })).status).toBe(200);
    const alert = await raiseOn('billing');
    const events = () => pagerduty.received.map((r) => JSON.parse(r.body) as Record<string, unknown>).filter((b) => b.dedup_key === alert.id);
    await eventually(() => events().length >= 1, 20_000, 'the trigger');
    expect(events()[0]).toMatchObject({
      routing_key: 'R0UT1NGKEY', event_action: 'trigger', dedup_key: alert.id,
      payload: { summary: expect.any(String), source: expect.any(String), severity: expect.stringMatching(/^(critical|error|warning|info)$/) },
    });
    await fetch(`${server().url}/api/v1/alerts/${encodeURIComponent(alert.id)}/acknowledge`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    // The caller hangs up: the wait is over and the alert resolves by itself.
    await postEvents(server().url, JSON.stringify([wireEvent('contact.abandoned', 'w-billing-gone', { contactId: 'c-w-billing' })]));
    await eventually(() => events().length >= 3, 20_000, 'acknowledge and resolve');
    expect(events().map((e) => e.event_action)).toEqual(['trigger', 'acknowledge', 'resolve']);
  }, 60_000);

  it('sends a test through a channel and says how the receiver answered', async () => {
    const before = bodiesOf(slack).length;
    const sent = await fetch(`${server().url}/api/v1/notification-channels/slack/test`, { method: 'POST' });
    expect(sent.status).toBe(200);
    expect(bodiesOf(slack)).toHaveLength(before + 1);
    checkSlack(bodiesOf(slack)[before]!);
    const down = await startReceiver(() => 503);
    receivers.push(down);
    expect((await put('/api/v1/notification-channels/down', { type: 'slack', url: down.url })).status).toBe(201);
    const refused = await fetch(`${server().url}/api/v1/notification-channels/down/test`, { method: 'POST' });
    expect(refused.status).toBe(502);
    expect(((await refused.json()) as { message: string }).message).toMatch(/503/);
  });
});
