import { describe, expect, it } from 'vitest';
import type { PlanciaEvent } from '@plancia/contracts';
import { expectValid, fixtureText, lenientJson } from '../../test-support/fixtures.js';
import { AmazonConnectMapper } from './connect-mapper.js';

const load = (path: string, repair = (text: string) => text) =>
  lenientJson(repair(fixtureText(`vendor/amazon-connect/${path}`))) as Record<string, unknown>;
// Beyond comments and trailing commas, the HEART_BEAT sample closes CurrentAgentSnapshot too early: a stray
// `} ,` right after NextAgentStatus leaves Configuration and Contacts outside it. Put that comma back alone.
const closeSnapshotLate = (text: string) => text.replace(/\n\s*\} ,\n/, '\n,\n');
const brief = (events: PlanciaEvent[]) => events.map((e) => [e.type, e.id, e.time, e.data]);

function run(payload: unknown, mapper = new AmazonConnectMapper({ source: 'connect:test' })) {
  const events = mapper.map(payload);
  expectValid(events);
  return events;
}

describe('AmazonConnectMapper: agent event stream samples', () => {
  const connected = load('agent-events/state-change-contact-connected-to-ended-acw-start.json');
  const acwEnd = load('agent-events/state-change-acw-end-contacts-empty.json');
  const heartbeat = load('agent-events/heart-beat-chat-voice-concurrency-next-status.json', closeSnapshotLate);
  const queues = ['queue-ARN-for-BasicQueue', 'queue-ARN-for-PrimaryQueue'];

  it('CONNECTED → ENDED starts after-contact work: the agent is in wrap_up (outbound: no queue contact)', () => {
    expect(brief(run(connected))).toEqual([
      ['agent.state', 'connect:agent:agent-ARN:EventId-1', '2019-05-25T18:55:27.017Z', { agentId: 'agent-ARN', state: 'wrap_up', queueIds: queues, name: '(Removed) (Removed)' }],
    ]);
  });

  it('Contacts emptied after ENDED ends after-contact work: the agent is available, 5.005 s later', () => {
    const mapper = new AmazonConnectMapper({ source: 'connect:test' });
    const [wrap] = run(connected, mapper);
    const [available] = run(acwEnd, mapper);
    expect(available!.data).toMatchObject({ agentId: 'agent-ARN', state: 'available' });
    expect(Date.parse(available!.time) - Date.parse(wrap!.time)).toBe(5005);
  });

  it('the same samples for an inbound contact also give its queued, answered, ended and completed steps', () => {
    const inbound = (record: Record<string, unknown>) => JSON.parse(JSON.stringify(record).replaceAll('"OUTBOUND"', '"INBOUND"').replaceAll('"QueueTimestamp":null', '"QueueTimestamp":"2019-05-25T18:55:01.000Z"'));
    const events = run([inbound(connected), inbound(acwEnd)]);
    expect(events.filter((e) => e.type !== 'agent.state').map((e) => [e.type, e.id, e.time])).toEqual([
      ['contact.queued', 'connect:ContactId-1:queued', '2019-05-25T18:55:01.000Z'],
      ['contact.answered', 'connect:ContactId-1:answered', '2019-05-25T18:55:21.011Z'],
      ['contact.ended', 'connect:ContactId-1:ended', '2019-05-25T18:55:27.017Z'],
      ['contact.completed', 'connect:ContactId-1:completed', '2019-05-25T18:55:32.022Z'],
    ]);
  });

  it('HEART_BEAT: available (the next status "Lunch" is not yet a state), the agent queue left out; a repeat gives nothing', () => {
    const mapper = new AmazonConnectMapper({ source: 'connect:test' });
    expect(brief(run(heartbeat, mapper))).toEqual([
      ['agent.state', 'connect:agent:agent-ARN:EventId-1', '2019-08-13T20:58:44.031Z', { agentId: 'agent-ARN', state: 'available', queueIds: ['queue-ARN'], name: 'AgentEventStreamTest Agent' }],
    ]);
    expect(run(heartbeat, mapper)).toEqual([]);
  });

  it('custom statuses map by configuration, unknown ones are not_ready with the status as reason', () => {
    const onBreak = JSON.parse(JSON.stringify(heartbeat).replace('"Name":"Available"', '"Name":"Pausa caffè"'));
    expect(run(onBreak)[0]!.data).toMatchObject({ state: 'not_ready', reason: 'Pausa caffè' });
    const mapper = new AmazonConnectMapper({ source: 'connect:test', statuses: { 'Pausa caffè': 'offline' } });
    expect(run(onBreak, mapper)[0]!.data).toMatchObject({ state: 'offline' });
  });
});

describe('AmazonConnectMapper: contact event samples', () => {
  const connectedDetail = load('contact-events/connected-to-agent-detail-only.json');
  const disconnected = load('contact-events/disconnected-eventbridge-envelope.json');

  it('CONNECTED_TO_AGENT (bare detail) gives the queued and answered steps', () => {
    expect(brief(run(connectedDetail))).toEqual([
      ['contact.queued', 'connect:11111111-1111-1111-1111-111111111111:queued', '2021-08-04T17:29:04.000Z',
        { contactId: '11111111-1111-1111-1111-111111111111', queueId: '12345678-1234-1234-1234-123456789012', channel: 'voice' }],
      ['contact.answered', 'connect:11111111-1111-1111-1111-111111111111:answered', '2021-08-04T17:29:09.000Z',
        { contactId: '11111111-1111-1111-1111-111111111111', agentId: '12345678-1234-1234-1234-123456789012' }],
    ]);
  });

  it('DISCONNECTED in the EventBridge envelope: outbound, so nothing; inbound, it ends the answered contact (mixed key case)', () => {
    expect(run(disconnected)).toEqual([]);
    const inbound = JSON.parse(JSON.stringify(disconnected).replace('"OUTBOUND"', '"INBOUND"'));
    expect(run([inbound, connectedDetail]).map((e) => [e.type, e.id])).toEqual([
      ['contact.queued', 'connect:11111111-1111-1111-1111-111111111111:queued'],
      ['contact.answered', 'connect:11111111-1111-1111-1111-111111111111:answered'],
      ['contact.ended', 'connect:11111111-1111-1111-1111-111111111111:ended'],
      ['contact.queued', 'connect:11111111-1111-1111-1111-111111111111:queued'],
      ['contact.answered', 'connect:11111111-1111-1111-1111-111111111111:answered'],
    ]);
    expect(run(inbound)[1]!.data).toEqual({ contactId: '11111111-1111-1111-1111-111111111111', agentId: 'arn' });
  });

  it('a contact disconnected while queued, never answered, is abandoned', () => {
    const detail = { eventType: 'DISCONNECTED', contactId: 'c-9', channel: 'CHAT', initiationMethod: 'API', disconnectTimestamp: '2021-08-04T17:30:00.000Z', queueInfo: { queueArn: 'arn:aws:connect:eu-central-1:1:instance/i/queue/q-1', enqueueTimestamp: '2021-08-04T17:29:00.000Z' } };
    expect(run({ 'detail-type': 'Amazon Connect Contact Event', detail }).map((e) => [e.type, e.time, e.data])).toEqual([
      ['contact.queued', '2021-08-04T17:29:00.000Z', { contactId: 'c-9', queueId: 'q-1', channel: 'chat' }],
      ['contact.abandoned', '2021-08-04T17:30:00.000Z', { contactId: 'c-9' }],
    ]);
  });

  it('names the item that is neither kind', () => {
    expect(() => new AmazonConnectMapper({ source: 'connect:test' }).map([connectedDetail, { hello: 1 }])).toThrow(/\/1\/eventType/);
  });
});

describe('AmazonConnectMapper callers', () => {
  it('puts customerEndpoint.address in the queued step only', () => {
    const detail = {
      eventType: 'DISCONNECTED', contactId: 'c-10', channel: 'VOICE', initiationMethod: 'INBOUND', disconnectTimestamp: '2021-08-04T17:30:00.000Z',
      customerEndpoint: { address: '+390612345678', type: 'TELEPHONE_NUMBER' },
      systemEndpoint: { address: '+390699999999', type: 'TELEPHONE_NUMBER' },
      queueInfo: { queueArn: 'arn:aws:connect:eu-central-1:1:instance/i/queue/q-1', enqueueTimestamp: '2021-08-04T17:29:00.000Z' },
    };
    const events = run({ 'detail-type': 'Amazon Connect Contact Event', detail });
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ['contact.queued', { contactId: 'c-10', queueId: 'q-1', channel: 'voice', caller: '+390612345678' }],
      ['contact.abandoned', { contactId: 'c-10' }],
    ]);
    expect(JSON.stringify(events)).not.toMatch(/0699999999/);
  });
});
