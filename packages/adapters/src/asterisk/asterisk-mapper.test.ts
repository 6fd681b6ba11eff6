import { describe, expect, it } from 'vitest';
import { expectValid } from '../../test-support/fixtures.js';
import { AdapterError } from '../common/errors.js';
import type { AmiMessage } from './ami-message.js';
import { AsteriskMapper } from './asterisk-mapper.js';

const T0 = 1_795_390_000;
const at = (sec: number) => ({ Timestamp: (T0 + sec).toFixed(6) });
const join = (uid: string, queue: string, sec: number): AmiMessage => ({ Event: 'QueueCallerJoin', Uniqueid: uid, Queue: queue, ...at(sec) });
const leave = (uid: string, queue: string, sec: number): AmiMessage => ({ Event: 'QueueCallerLeave', Uniqueid: uid, Queue: queue, ...at(sec) });

function run(messages: AmiMessage[], mapper = new AsteriskMapper({ source: 'ami://test' })) {
  const events = messages.flatMap((m) => mapper.map(m));
  expectValid(events);
  return events.map((e) => ({ type: e.type, id: e.id, t: Date.parse(e.time) / 1000 - T0, data: e.data }));
}

describe('AsteriskMapper rules', () => {
  it('a caller leaving on timeout whose dialplan moves on is abandoned with reason exit at the leave', () => {
    const events = run([
      join('1.1', 'sales', 0.4),
      leave('1.1', 'sales', 30.7),
      { Event: 'VarSet', Uniqueid: '1.1', Variable: 'QUEUESTATUS', Value: 'TIMEOUT', ...at(30.7) },
      { Event: 'Newexten', Uniqueid: '1.1', Application: 'VoiceMail', ...at(30.8) },
      { Event: 'Hangup', Uniqueid: '1.1', ...at(45) },
    ]);
    expect(events.map((e) => [e.type, e.t, e.data])).toEqual([
      ['contact.queued', 0, { contactId: '1.1', queueId: 'sales', channel: 'voice' }],
      ['contact.abandoned', 30, { contactId: '1.1', reason: 'exit', queueStatus: 'TIMEOUT' }],
    ]);
  });

  it('a caller leaving one queue for another is transferred, and answered there', () => {
    const events = run([
      join('1.2', 'sales', 0),
      leave('1.2', 'sales', 30),
      { Event: 'Newexten', Uniqueid: '1.2', Application: 'Queue', ...at(30) },
      join('1.2', 'overflow', 31),
      leave('1.2', 'overflow', 35),
      { Event: 'AgentConnect', Uniqueid: '1.2', Queue: 'overflow', MemberName: 'Anna', HoldTime: '4', ...at(35.2) },
    ]);
    expect(events.map((e) => [e.type, e.id, e.t])).toEqual([
      ['contact.queued', 'asterisk:1.2:queued', 0],
      ['contact.transferred', 'asterisk:1.2:transferred:overflow', 31],
      ['contact.answered', 'asterisk:1.2:answered', 35],
    ]);
  });

  it('a caller queued again after its call ended is a new contact', () => {
    const events = run([
      join('1.3', 'sales', 0), leave('1.3', 'sales', 2),
      { Event: 'AgentConnect', Uniqueid: '1.3', Queue: 'sales', Interface: 'PJSIP/201', HoldTime: '2', ...at(2) },
      { Event: 'AgentComplete', Uniqueid: '1.3', Queue: 'sales', Interface: 'PJSIP/201', TalkTime: '10', ...at(12) },
      join('1.3', 'support', 13),
    ]);
    expect(events.map((e) => e.id)).toEqual([
      'asterisk:1.3:queued', 'asterisk:1.3:answered', 'asterisk:1.3:ended', 'asterisk:1.3:completed', 'asterisk:1.3#2:queued',
    ]);
    expect(events[1]!.data).toEqual({ contactId: '1.3', agentId: 'PJSIP/201' });
  });

  it('reconciles QueueEntry: unknown callers are queued Wait seconds back, known ones are not repeated', () => {
    const mapper = new AsteriskMapper({ source: 'ami://test' });
    run([join('2.1', 'sales', 0)], mapper);
    const reply: AmiMessage[] = [
      { Response: 'Success', EventList: 'start' },
      { Event: 'QueueParams', Queue: 'sales', Calls: '2' },
      { Event: 'QueueEntry', Queue: 'sales', Position: '1', Uniqueid: '2.1', Wait: '40' },
      { Event: 'QueueEntry', Queue: 'sales', Position: '2', Uniqueid: '2.2', Wait: '12' },
      { Event: 'QueueStatusComplete' },
    ];
    const events = mapper.reconcile(reply, (T0 + 40.5) * 1000);
    expectValid(events);
    expect(events.map((e) => [e.id, Date.parse(e.time) / 1000 - T0])).toEqual([['asterisk:2.2:queued', 28]]);
    expect(mapper.reconcile(reply, (T0 + 41.5) * 1000)).toEqual([]);
  });

  it('removing a member from its last queue makes it offline; PausedReason is kept', () => {
    const member = { Queue: 'sales', MemberName: 'Carla', Interface: 'PJSIP/203', Status: '1' };
    const events = run([
      { Event: 'QueueMemberAdded', ...member, Paused: '0', ...at(0) },
      { Event: 'QueueMemberPause', ...member, Paused: '1', PausedReason: 'Formazione', ...at(5) },
      { Event: 'QueueMemberRemoved', ...member, ...at(9) },
    ]);
    expect(events.map((e) => [e.data.state, e.data.reason, e.data.queueIds])).toEqual([
      ['available', undefined, ['sales']],
      ['not_ready', 'Formazione', ['sales']],
      ['offline', undefined, []],
    ]);
  });

  it('uses receivedAtMs without Timestamp, and names the missing field when there is neither', () => {
    const mapper = new AsteriskMapper({ source: 'ami://test' });
    const [queued] = mapper.map({ Event: 'QueueCallerJoin', Uniqueid: '3.1', Queue: 'sales' }, (T0 + 7.9) * 1000);
    expect(Date.parse(queued!.time) / 1000).toBe(T0 + 7);
    expect(() => mapper.map({ Event: 'QueueCallerJoin', Uniqueid: '3.2', Queue: 'sales' })).toThrow(AdapterError);
    expect(() => mapper.map({ Event: 'QueueCallerJoin', Uniqueid: '3.2', Queue: 'sales' })).toThrow(/Timestamp/);
    expect(() => mapper.map({ Event: 'QueueCallerJoin', Queue: 'sales', ...at(1) })).toThrow(/Uniqueid/);
  });
});

describe('AsteriskMapper callers', () => {
  it('puts the joining caller\'s CallerIDNum in the queued event and nowhere else', () => {
    const events = run([
      { ...join('9.1', 'sales', 0), CallerIDNum: '+390612345678', CallerIDName: 'Mario Rossi', ConnectedLineNum: '0612345678' },
      { Event: 'AgentConnect', Uniqueid: '9.1', Queue: 'sales', MemberName: 'Anna', HoldTime: '4', CallerIDNum: '+390612345678', ...at(4) },
      { Event: 'AgentComplete', Uniqueid: '9.1', Queue: 'sales', MemberName: 'Anna', CallerIDNum: '+390612345678', ...at(60) },
    ]);
    expect(events[0]!.data).toEqual({ contactId: '9.1', queueId: 'sales', channel: 'voice', caller: '+390612345678' });
    expect(JSON.stringify(events.slice(1))).not.toMatch(/0612345678/);
    expect(JSON.stringify(events)).not.toMatch(/Rossi/);
  });

  it('leaves the caller out when Asterisk does not know it', () => {
    const [queued] = run([{ ...join('9.2', 'sales', 0), CallerIDNum: '<unknown>' }]);
    expect(queued!.data).toEqual({ contactId: '9.2', queueId: 'sales', channel: 'voice' });
  });
});
