import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wireEvent } from '../helpers/events.js';
import { clockFrom, sendCloudEvents, serverPair, settledSlice } from './equivalence.js';

const TWILIO_TOKEN = 'twilio-auth-token-for-tests';
const CONNECT_TOKEN = 'connect-forwarder-token';
const ZENDESK_SECRET = 'zendesk-signing-secret';
const PUBLIC_URL = 'https://board.example.com';
const TWILIO_PATH = '/api/v1/adapters/twilio/taskrouter';
const at = clockFrom(Date.now() - 5 * 60_000);

/** Twilio's scheme, written out: base64 HMAC-SHA1 of the URL and every parameter sorted by name. */
function twilioSignature(url: string, params: Record<string, string>): string {
  const signed = url + Object.keys(params).sort().map((name) => name + params[name]).join('');
  return createHmac('sha1', TWILIO_TOKEN).update(signed).digest('base64');
}

function zendeskHeaders(body: string, timestamp = new Date().toISOString()) {
  const signature = createHmac('sha256', ZENDESK_SECRET).update(timestamp + body).digest('base64');
  return { 'content-type': 'application/json', 'x-zendesk-webhook-signature': signature, 'x-zendesk-webhook-signature-timestamp': timestamp };
}

const workspace = { AccountSid: 'ACtest', WorkspaceSid: 'WStest' };
const callback = (sid: string, type: string, seconds: number, fields: Record<string, string>) => ({
  ...workspace, Sid: sid, EventType: type, Timestamp: at(seconds).sec, TimestampMs: String(at(seconds).ms), ...fields,
});
const worker = { WorkerSid: 'WKada', WorkerName: 'Ada' };
const task = { TaskSid: 'WTcall1', TaskQueueName: 'sales', TaskQueueSid: 'WQsales', TaskChannelUniqueName: 'voice' };
const twilioLife = [
  callback('EV1', 'worker.activity.update', 0, { ...worker, WorkerActivityName: 'Available' }),
  callback('EV2', 'task-queue.entered', 5, task),
  callback('EV3', 'reservation.accepted', 17, { ...task, ...worker }),
  callback('EV4', 'task.wrapup', 77, task),
  callback('EV5', 'task.completed', 92, task),
  callback('EV6', 'worker.activity.update', 100, { ...worker, WorkerActivityName: 'Break' }),
];
const twilioAsCloudEvents = [
  wireEvent('agent.state', 't1', { agentId: 'WKada', state: 'available', name: 'Ada' }, at(0).ms),
  wireEvent('contact.queued', 't2', { contactId: 'WTcall1', queueId: 'sales', channel: 'voice' }, at(5).ms),
  wireEvent('contact.answered', 't3', { contactId: 'WTcall1', agentId: 'WKada', agentName: 'Ada' }, at(17).ms),
  wireEvent('contact.ended', 't4', { contactId: 'WTcall1' }, at(77).ms),
  wireEvent('contact.completed', 't5', { contactId: 'WTcall1' }, at(92).ms),
  wireEvent('agent.state', 't6', { agentId: 'WKada', state: 'not_ready', reason: 'Break', name: 'Ada' }, at(100).ms),
];

const arn = 'arn:aws:connect:eu-central-1:111122223333:instance/inst-1';
const queueArn = `${arn}/queue/q-support`;
const agentArn = `${arn}/agent/ag-bea`;
const agentRecord = (eventId: string, seconds: number, status: string, current: unknown[], previous: unknown[]) => ({
  AWSAccountId: '111122223333', AgentARN: agentArn, EventId: eventId, EventType: 'STATE_CHANGE', EventTimestamp: at(seconds).iso,
  InstanceARN: arn, Version: '2019-05-25',
  CurrentAgentSnapshot: {
    AgentStatus: { Name: status, StartTimestamp: at(seconds).iso },
    Configuration: { FirstName: 'Bea', LastName: 'Neri', Username: 'bea', RoutingProfile: { InboundQueues: [{ ARN: queueArn, Name: 'Support' }] } },
    Contacts: current,
  },
  PreviousAgentSnapshot: { Contacts: previous },
});
const contactDetail = (eventType: string, extra: Record<string, unknown>) => ({
  'detail-type': 'Amazon Connect Contact Event', source: 'aws.connect',
  detail: { eventType, contactId: 'ct-1', channel: 'VOICE', initiationMethod: 'INBOUND', instanceArn: arn, queueInfo: { queueArn, enqueueTimestamp: at(5).iso }, ...extra },
});
const answeredInfo = { agentInfo: { agentArn, connectedToAgentTimestamp: at(17).iso } };
const endedContact = { ContactId: 'ct-1', Channel: 'VOICE', InitiationMethod: 'INBOUND', State: 'ENDED', StateStartTimestamp: at(77).iso };
const connectLife = [
  agentRecord('ev-1', 0, 'Available', [], []),
  contactDetail('QUEUED', {}),
  contactDetail('CONNECTED_TO_AGENT', answeredInfo),
  contactDetail('DISCONNECTED', { ...answeredInfo, disconnectTimestamp: at(77).iso }),
  agentRecord('ev-2', 92, 'Available', [], [endedContact]),
  agentRecord('ev-3', 100, 'Break', [], []),
];
const connectAsCloudEvents = [
  wireEvent('agent.state', 'c1', { agentId: 'ag-bea', state: 'available', queueIds: ['q-support'], name: 'Bea Neri' }, at(0).ms),
  wireEvent('contact.queued', 'c2', { contactId: 'ct-1', queueId: 'q-support', channel: 'voice' }, at(5).ms),
  wireEvent('contact.answered', 'c3', { contactId: 'ct-1', agentId: 'ag-bea' }, at(17).ms),
  wireEvent('contact.ended', 'c4', { contactId: 'ct-1' }, at(77).ms),
  wireEvent('contact.completed', 'c5', { contactId: 'ct-1' }, at(92).ms),
  wireEvent('agent.state', 'c6', { agentId: 'ag-bea', state: 'not_ready', reason: 'Break', queueIds: ['q-support'], name: 'Bea Neri' }, at(100).ms),
];

const zendeskEvent = (id: string, type: string, seconds: number, detail: Record<string, unknown>, event: Record<string, unknown> = {}) => ({
  account_id: 22_129_848, id, time: at(seconds).iso, type: `zen:event-type:ticket.${type}`, subject: 'zen:ticket:35436',
  detail: { id: '35436', ...detail }, event,
});
const zendeskLife = [
  zendeskEvent('zd-1', 'created', 0, { group_id: '8001', priority: 'HIGH', status: 'NEW', via: { channel: 'email' } }),
  zendeskEvent('zd-2', 'comment_added', 60, { group_id: '8001' }, { comment: { id: '9', is_public: true, author: { id: '777', is_staff: true } } }),
  zendeskEvent('zd-3', 'status_changed', 120, { group_id: '8001', status: 'SOLVED' }, { current: 'SOLVED', previous: 'OPEN' }),
];
const zendeskAsCloudEvents = [
  wireEvent('ticket.created', 'z1', { ticketId: '35436', queueId: '8001', channel: 'email', priority: 'high' }, at(0).ms),
  wireEvent('ticket.replied', 'z2', { ticketId: '35436', agentId: '777' }, at(60).ms),
  wireEvent('ticket.solved', 'z3', { ticketId: '35436' }, at(120).ms),
];

describe('webhook adapters: a vendor life gives the board the same as CloudEvents', () => {
  let pair: Awaited<ReturnType<typeof serverPair>>;
  beforeAll(async () => {
    pair = await serverPair({
      PLANCIA_PUBLIC_URL: PUBLIC_URL, PLANCIA_TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
      PLANCIA_CONNECT_TOKENS: CONNECT_TOKEN, PLANCIA_ZENDESK_SIGNING_SECRET: ZENDESK_SECRET,
    });
    await sendCloudEvents(pair.cloud, [...twilioAsCloudEvents, ...connectAsCloudEvents, ...zendeskAsCloudEvents]);
  });
  afterAll(async () => {
    await pair?.close();
  });

  const postTwilio = (params: Record<string, string>, headers: Record<string, string> = {}) => fetch(`${pair.vendor.url}${TWILIO_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(PUBLIC_URL + TWILIO_PATH, params), ...headers },
    body: new URLSearchParams(params).toString(),
  });
  const postConnect = (body: unknown, token = CONNECT_TOKEN) => fetch(`${pair.vendor.url}/api/v1/adapters/amazon-connect`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body),
  });
  const postZendesk = (body: string, headers = zendeskHeaders(body)) => fetch(`${pair.vendor.url}/api/v1/adapters/zendesk`, { method: 'POST', headers, body });
  const journal = () => pair.vendor.app.store.journal.count();

  it('Twilio TaskRouter: signed form callbacks; a retry with the same idempotency token or EventSid changes nothing', async () => {
    for (const [i, params] of twilioLife.entries()) {
      const response = await postTwilio(params, { 'i-twilio-idempotency-token': `tok-${i}` });
      expect(response.status, await response.clone().text()).toBe(200);
    }
    const board = await settledSlice(pair.vendor, ['sales'], ['WKada']);
    expect(board).toEqual(await settledSlice(pair.cloud, ['sales'], ['WKada']));
    expect(board.agents[0]).toMatchObject({ state: 'not_ready', reason: 'Break', name: 'Ada' });
    expect(board.queues[0]!.windows.rolling).toMatchObject({ offered: 1, answered: 1, handled: 1 });

    const before = await journal();
    for (const [i, params] of twilioLife.entries()) {
      expect(await (await postTwilio(params, { 'i-twilio-idempotency-token': `tok-${i}` })).json()).toEqual({ accepted: 0, duplicates: 0 });
      expect(await (await postTwilio(params, { 'i-twilio-idempotency-token': `retry-${i}` })).json()).toMatchObject({ accepted: 0 });
    }
    expect(await journal()).toBe(before);
    expect(await settledSlice(pair.vendor, ['sales'], ['WKada'])).toEqual(board);
  });

  it('Twilio: a bad or missing signature is a 401 and nothing is applied', async () => {
    const before = await journal();
    const forged = { ...twilioLife[1]!, Sid: 'EVforged', TaskSid: 'WTforged' };
    const tampered = await fetch(`${pair.vendor.url}${TWILIO_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(PUBLIC_URL + TWILIO_PATH, twilioLife[1]!) },
      body: new URLSearchParams(forged).toString(),
    });
    expect(tampered.status).toBe(401);
    const unsigned = await fetch(`${pair.vendor.url}${TWILIO_PATH}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(forged).toString() });
    expect(unsigned.status).toBe(401);
    expect(await journal()).toBe(before);
    const metrics = await (await fetch(`${pair.vendor.url}/metrics`)).text();
    expect(metrics).toContain('plancia_adapter_signature_failures_total{source="twilio:taskrouter"} 2');
  });

  it('Amazon Connect: contact events and agent records, one or a batch; sent again, nothing changes', async () => {
    for (const item of connectLife.slice(0, 3)) expect((await postConnect(item)).status).toBe(200);
    expect((await postConnect(connectLife.slice(3))).status).toBe(200);
    const board = await settledSlice(pair.vendor, ['q-support'], ['ag-bea']);
    expect(board).toEqual(await settledSlice(pair.cloud, ['q-support'], ['ag-bea']));
    expect(board.agents[0]).toMatchObject({ state: 'not_ready', reason: 'Break', name: 'Bea Neri', queueIds: ['q-support'] });
    expect(board.queues[0]!.windows.rolling).toMatchObject({ offered: 1, answered: 1, handled: 1 });

    const before = await journal();
    expect(await (await postConnect(connectLife)).json()).toMatchObject({ accepted: 0 });
    expect(await journal()).toBe(before);
    expect(await settledSlice(pair.vendor, ['q-support'], ['ag-bea'])).toEqual(board);
    expect((await postConnect(connectLife, 'wrong-token')).status).toBe(401);
    expect(await journal()).toBe(before);
  });

  it('Zendesk: signed ticket events; sent again, nothing changes; a bad or stale signature is a 401', async () => {
    for (const event of zendeskLife) expect((await postZendesk(JSON.stringify(event))).status).toBe(200);
    const board = await settledSlice(pair.vendor, ['8001'], []);
    expect(board).toEqual(await settledSlice(pair.cloud, ['8001'], []));
    // The rolling window (15 min), not today's: a life from five minutes ago lies partly in yesterday just after midnight.
    expect(board.queues[0]!.windows.rolling.tickets).toMatchObject({ created: 1, firstResponses: 1, solved: 1 });

    const before = await journal();
    for (const event of zendeskLife) expect(await (await postZendesk(JSON.stringify(event))).json()).toMatchObject({ accepted: 0 });
    const body = JSON.stringify(zendeskEvent('zd-forged', 'created', 130, { group_id: '8001', via: { channel: 'web' } }));
    expect((await postZendesk(body, { ...zendeskHeaders(body), 'x-zendesk-webhook-signature': 'AAAA' })).status).toBe(401);
    expect((await postZendesk(body, zendeskHeaders(body, new Date(Date.now() - 3_600_000).toISOString()))).status).toBe(401);
    expect(await journal()).toBe(before);
    expect(await settledSlice(pair.vendor, ['8001'], [])).toEqual(board);
  });

  it('lists each webhook source in /readyz with its last delivery', async () => {
    const readiness = await (await fetch(`${pair.vendor.url}/readyz`)).json();
    for (const source of ['twilio:taskrouter', 'amazon-connect', 'zendesk']) {
      expect(readiness.sources[source]).toMatchObject({ healthy: true });
      expect(Date.parse(readiness.sources[source].lastEventAt)).toBeGreaterThan(Date.now() - 120_000);
    }
  });
});
