import { describe, expect, it } from 'vitest';
import { expectValid, fixtureText } from '../../test-support/fixtures.js';
import { TwilioTaskRouterMapper } from './taskrouter-mapper.js';

const dir = 'vendor/twilio-taskrouter/';

/** The Flex template logs callbacks as a JS object literal inside a comment: `Key: 'value',` per line. */
function loggedCallback(file: string): Record<string, string> {
  const entries = [...fixtureText(dir + file).matchAll(/^\s*(\w+): (['"])(.*)\2,?\s*$/gm)];
  return Object.fromEntries(entries.map((m) => [m[1]!, m[3]!]));
}

const base = { AccountSid: 'AC1', WorkspaceSid: 'WS1', TaskQueueSid: 'WQ1', TaskQueueName: 'Assistenza', TaskChannelUniqueName: 'voice' };
const at = (sec: number) => ({ Timestamp: String(1_772_441_000 + sec), TimestampMs: String((1_772_441_000 + sec) * 1000) });

function run(callbacks: Record<string, string>[], mapper = new TwilioTaskRouterMapper({ source: 'twilio:WS1' })) {
  const events = callbacks.flatMap((c) => mapper.map(c));
  expectValid(events);
  return events;
}

describe('TwilioTaskRouterMapper', () => {
  it('maps a task life: entered, accepted, wrap-up, completed', () => {
    const events = run([
      { ...base, EventType: 'task-queue.entered', Sid: 'EV1', TaskSid: 'WT1', ...at(0) },
      { ...base, EventType: 'reservation.created', Sid: 'EV2', TaskSid: 'WT1', WorkerSid: 'WK1', ...at(3) },
      { ...base, EventType: 'reservation.accepted', Sid: 'EV3', TaskSid: 'WT1', WorkerSid: 'WK1', WorkerName: 'giulia', ...at(5) },
      { ...base, EventType: 'task.wrapup', Sid: 'EV4', TaskSid: 'WT1', ...at(65) },
      { ...base, EventType: 'task.completed', Sid: 'EV5', TaskSid: 'WT1', ...at(80) },
    ]);
    expect(events.map((e) => [e.type, e.id, e.data])).toEqual([
      ['contact.queued', 'twilio:EV1', { contactId: 'WT1', queueId: 'Assistenza', channel: 'voice' }],
      ['contact.answered', 'twilio:EV3', { contactId: 'WT1', agentId: 'WK1', agentName: 'giulia' }],
      ['contact.ended', 'twilio:EV4', { contactId: 'WT1' }],
      ['contact.completed', 'twilio:EV5', { contactId: 'WT1' }],
    ]);
    expect(events[0]!.time).toBe('2026-03-02T08:43:20.000Z');
  });

  it('a task canceled while waiting is abandoned; after an accept it is an end; a move is a transfer', () => {
    const events = run([
      { ...base, EventType: 'task-queue.entered', Sid: 'EV1', TaskSid: 'WT2', TaskChannelUniqueName: 'sms', ...at(0) },
      { ...base, EventType: 'task-queue.moved', Sid: 'EV2', TaskSid: 'WT2', TaskQueueName: 'Secondo livello', ...at(30) },
      { ...base, EventType: 'task.canceled', Sid: 'EV3', TaskSid: 'WT2', TaskCanceledReason: 'hangup', ...at(42) },
      { ...base, EventType: 'reservation.accepted', Sid: 'EV4', TaskSid: 'WT3', WorkerSid: 'WK1', ...at(50) },
      { ...base, EventType: 'task.canceled', Sid: 'EV5', TaskSid: 'WT3', ...at(60) },
    ]);
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ['contact.queued', { contactId: 'WT2', queueId: 'Assistenza', channel: 'messaging' }],
      ['contact.transferred', { contactId: 'WT2', toQueueId: 'Secondo livello' }],
      ['contact.abandoned', { contactId: 'WT2', reason: 'hangup' }],
      ['contact.answered', { contactId: 'WT3', agentId: 'WK1' }],
      ['contact.ended', { contactId: 'WT3' }],
    ]);
  });

  it('carries TaskPriority into the waiting contact and its move; leaves out one absent or outside the contract', () => {
    const events = run([
      { ...base, EventType: 'task-queue.entered', Sid: 'EV1', TaskSid: 'WT4', TaskPriority: '10', ...at(0) },
      { ...base, EventType: 'task-queue.moved', Sid: 'EV2', TaskSid: 'WT4', TaskPriority: '50', TaskQueueName: 'VIP', ...at(20) },
      { ...base, EventType: 'task-queue.entered', Sid: 'EV3', TaskSid: 'WT5', TaskPriority: '2147483647', ...at(30) },
      { ...base, EventType: 'task-queue.entered', Sid: 'EV4', TaskSid: 'WT6', TaskPriority: '', ...at(40) },
    ]);
    expect(events.map((e) => (e.data as { priority?: number }).priority)).toEqual([10, 50, undefined, undefined]);
  });

  it('maps worker activities by configuration, unknown ones to not_ready with the activity as reason', () => {
    const mapper = new TwilioTaskRouterMapper({ source: 'twilio:WS1', activities: { 'In riunione': 'not_ready', Busy: 'on_contact' } });
    const worker = (Sid: string, WorkerActivityName: string) => ({ EventType: 'worker.activity.update', Sid, WorkerSid: 'WK9', WorkerName: 'marco', WorkerActivityName, ...at(1) });
    const events = run([worker('EV1', 'Available'), worker('EV2', 'Pausa pranzo'), worker('EV3', 'Busy'), worker('EV4', 'Offline')], mapper);
    expect(events.map((e) => [e.data.state, e.data.reason])).toEqual([
      ['available', undefined], ['not_ready', 'Pausa pranzo'], ['on_contact', undefined], ['offline', undefined],
    ]);
  });

  it('the Flex template logged callbacks: worker.created gives an offline agent, the others nothing', () => {
    const created = run([loggedCallback('flex-template-worker.created.txt')]);
    expect(created.map((e) => [e.type, e.id, e.time, e.data])).toEqual([
      ['agent.state', 'twilio:EV...', '2023-08-21T18:26:43.000Z', { agentId: 'WK...', state: 'offline', name: 'test' }],
    ]);
    for (const file of ['flex-template-worker.attributes.update.txt', 'flex-template-task-queue.created.txt', 'flex-template-task-queue.expression.updated.txt']) {
      const callback = loggedCallback(file);
      expect(callback.EventType).toBeTruthy();
      expect(run([callback])).toEqual([]);
    }
  });

  it('the REST Events API record is not a callback and maps to nothing', () => {
    const record = JSON.parse(fixtureText(dir + 'rest-api-events-fetch-worker-activity.json'));
    expect(run([record])).toEqual([]);
  });

  it('names the missing field', () => {
    const mapper = new TwilioTaskRouterMapper({ source: 'twilio:WS1' });
    expect(() => mapper.map({ EventType: 'task-queue.entered', Sid: 'EV1', ...at(0) })).toThrow(/TaskSid/);
    expect(() => mapper.map({ EventType: 'task.wrapup', Sid: 'EV1', TaskSid: 'WT1' })).toThrow(/Timestamp/);
  });
});

describe('TwilioTaskRouterMapper callers', () => {
  it('puts the caller (From, else the task attributes\' from) in the queued event and never forwards the attributes', () => {
    const attributes = JSON.stringify({ from: '+390612345678', called: '+390699999999', caller_name: 'Mario Rossi' });
    const events = run([
      { ...base, EventType: 'task-queue.entered', Sid: 'EV1', TaskSid: 'WT1', TaskAttributes: attributes, ...at(0) },
      { ...base, EventType: 'task-queue.entered', Sid: 'EV2', TaskSid: 'WT2', From: '+14158675309', TaskAttributes: attributes, ...at(1) },
      { ...base, EventType: 'reservation.accepted', Sid: 'EV3', TaskSid: 'WT1', WorkerSid: 'WK1', TaskAttributes: attributes, ...at(5) },
      { ...base, EventType: 'task-queue.entered', Sid: 'EV4', TaskSid: 'WT3', TaskAttributes: 'not json', ...at(6) },
    ]);
    expect(events.map((e) => e.data.caller)).toEqual(['+390612345678', '+14158675309', undefined, undefined]);
    expect(JSON.stringify(events)).not.toMatch(/0699999999|Rossi/);
    expect(JSON.stringify(events[2])).not.toMatch(/0612345678/);
  });
});
