import { describe, expect, it } from 'vitest';
import type { PlanciaEvent } from '@plancia/contracts';
import { expectValid, fixtureText } from '../../test-support/fixtures.js';
import type { AmiMessage } from './ami-message.js';
import { AmiParser } from './ami-parser.js';
import { AsteriskMapper } from './asterisk-mapper.js';

const RECEIVED = Date.parse('2026-03-02T09:00:00Z');
const dir = 'vendor/asterisk-ami/';

function parse(path: string): AmiMessage[] {
  const parser = new AmiParser();
  return [...parser.push(fixtureText(dir + path)), ...parser.end()];
}

function mapAll(messages: AmiMessage[], mapper = new AsteriskMapper({ source: 'ami://sample' })): PlanciaEvent[] {
  const events = messages.flatMap((m) => mapper.map(m, RECEIVED));
  expectValid(events);
  return events;
}

const states = (events: PlanciaEvent[]) => events.map((e) => [e.data.agentId, e.data.state, e.data.reason, e.data.queueIds]);

describe('Asterisk AMI samples', () => {
  it('python-ami AgentComplete (Member, no MemberName) ends and completes the call at its Timestamp', () => {
    const events = mapAll(parse('python-ami/AgentComplete-with-trailing-garbage-line.ami.txt'));
    expect(events.map((e) => [e.type, e.id, e.time])).toEqual([
      ['contact.ended', 'asterisk:1407163485.28592:ended', '2014-08-04T14:56:08.000Z'],
      ['contact.completed', 'asterisk:1407163485.28592:completed', '2014-08-04T14:56:08.000Z'],
    ]);
  });

  it('python-ami AgentCalled, VarSet and the login response map to nothing', () => {
    for (const file of ['AgentCalled-asterisk11-multiple-Variable-headers', 'VarSet-value-containing-colons', 'login-response-with-banner']) {
      expect(mapAll(parse(`python-ami/${file}.ami.txt`))).toEqual([]);
    }
  });

  it('panoramisk (Asterisk 11) member status and QueueMemberAdded give agent states, repeats give nothing', () => {
    const events = mapAll(parse('panoramisk/agent_loggued_in.ami.txt'));
    expect(states(events)).toEqual([
      ['Agent/401', 'available', undefined, ['general_queue']],
      ['Agent/402', 'on_contact', undefined, ['general_queue']],
      ['Agent/402', 'available', undefined, ['general_queue']],
    ]);
    expect(events.every((e) => e.time === new Date(RECEIVED).toISOString())).toBe(true);
  });

  it('panoramisk QueueMemberPaused without Status keeps the device state: paused on a call, then back on the call', () => {
    const events = mapAll(parse('panoramisk/agent_not_in_pause.ami.txt'));
    expect(states(events)).toEqual([
      ['Agent/999', 'not_ready', undefined, ['maisonvoyance-tous']],
      ['Agent/999', 'on_contact', undefined, ['maisonvoyance-tous']],
      ['Agent/999', 'available', undefined, ['maisonvoyance-tous']],
      ['Agent/999', 'available', undefined, ['maisonvoyance-tous', 'xxxxxxxxxxxx-tous']],
    ]);
  });

  it('goami2 QueueMemberPause with PausedReason gives not_ready "Break"', () => {
    const events = mapAll(parse('goami2/queue-member-pause.ami.txt'));
    expect(states(events)).toEqual([
      ['9921@okon.ferry.sip.com', 'available', undefined, ['Books_12']],
      ['9921@okon.ferry.sip.com', 'not_ready', 'Break', ['Books_12']],
    ]);
  });

  it('QueueStatus replies (panoramisk, goami2) reconcile every member once', () => {
    const mapper = new AsteriskMapper({ source: 'ami://sample' });
    const first = mapper.reconcile(parse('panoramisk/queue_status.ami.txt'), RECEIVED);
    expectValid(first);
    expect(first).toHaveLength(6);
    expect(states(first).find(([id]) => id === 'Agent/999')).toEqual(['Agent/999', 'not_ready', undefined, ['xxxxxxxxxxxxxxxx-tous']]);
    expect(mapper.reconcile(parse('panoramisk/queue_status.ami.txt'), RECEIVED + 5000)).toEqual([]);

    const goami = new AsteriskMapper({ source: 'ami://sample' }).reconcile(parse('goami2/queue-show-and-queuestatus.ami.txt'), RECEIVED);
    expectValid(goami);
    expect(goami.filter((e) => e.data.state === 'not_ready').map((e) => e.data.agentId)).toEqual([
      '7855@okon.ferry.sip.com', '7853@okon.ferry.sip.com', '1245@okon.ferry.sip.com',
    ]);
    expect(goami).toHaveLength(9);
  });

  it('goami2 plain call trace (no queue) maps to nothing', () => {
    expect(mapAll(parse('goami2/call-dial-bridge-hangup.ami.txt'))).toEqual([]);
  });

  it('cacofonisk traces (JSON, no Timestamp): the abandon uses the receive time; a queue call without Agent events gives nothing', () => {
    const cancel = JSON.parse(fixtureText(dir + 'cacofonisk/queue_a_cancel.json')) as AmiMessage[];
    const events = mapAll(cancel);
    expect(events.map((e) => [e.type, e.id, e.time])).toEqual([
      ['contact.abandoned', 'asterisk:40a7a1f2a669-1585318545.326:abandoned', new Date(RECEIVED).toISOString()],
    ]);
    expect(mapAll(JSON.parse(fixtureText(dir + 'cacofonisk/queue_simple.json')) as AmiMessage[])).toEqual([]);
  });
});
