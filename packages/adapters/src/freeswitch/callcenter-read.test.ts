import { describe, expect, it } from 'vitest';
import type { PlanciaEvent } from '@plancia/contracts';
import { expectValid } from '../../test-support/fixtures.js';
import { FreeSwitchCallcenterMapper } from './callcenter-mapper.js';
import { parseCallcenterList } from './callcenter-list.js';

const READ_AT = Date.parse('2026-03-02T09:00:00Z');
const JOINED = Date.parse('2026-03-02T08:58:20Z') / 1000;
const AGENTS = [
  'name|instance_id|uuid|type|contact|status|state|max_no_answer|wrap_up_time|reject_delay_time|busy_delay_time|no_answer_delay_time|last_bridge_start|last_bridge_end|last_offered_call|last_status_change|no_answer_count|calls_answered|talk_time|ready_time|external_calls_count',
  'anna@default|single_box||callback|user/1000|Available|Waiting|3|10|10|60|0|0|0|0|0|0|0|0|0|0',
  'bruno@default|single_box||callback|user/1001|On Break|Waiting|3|10|10|60|0|0|0|0|0|0|0|0|0|0',
  'carla@default|single_box||callback|user/1002|Available|In a queue call|3|10|10|60|0|0|0|0|0|0|0|0|0|0',
  'dino@default|single_box||callback|user/1003|Logged Out|Waiting|3|10|10|60|0|0|0|0|0|0|0|0|0|0',
  '+OK', '',
].join('\n');
const MEMBERS = [
  'queue|instance_id|uuid|session_uuid|cid_number|cid_name|system_epoch|joined_epoch|rejoined_epoch|bridge_epoch|abandoned_epoch|base_score|skill_score|serving_agent|serving_system|state',
  `support@default|single_box|m-wait|s-1|+39 06 1234 5678|Rossi|${JOINED}|${JOINED}|0|0|0|0|0|||Waiting`,
  `support@default|single_box|m-try|s-2|3331234567|Verdi|${JOINED}|${JOINED + 30}|0|0|0|0|0|carla@default|single_box|Trying`,
  `support@default|single_box|m-talk|s-3|3337654321|Neri|${JOINED}|${JOINED}|0|${JOINED + 5}|0|0|0|carla@default|single_box|Answered`,
  `support@default|single_box|m-gone|s-4|3330000000|Gialli|${JOINED}|${JOINED}|0|0|${JOINED + 9}|0|0|||Abandoned`,
  '+OK', '',
].join('\n');

const mapper = () => new FreeSwitchCallcenterMapper({ source: 'esl://fs1' });
const readAgents = (m: FreeSwitchCallcenterMapper) => parseCallcenterList(AGENTS).flatMap((row) => m.agentNow(row, READ_AT));
const brief = (events: PlanciaEvent[]) => events.map((e) => [e.type, e.id, e.time, e.data]);

describe('FreeSWITCH at link open: what mod_callcenter holds now', () => {
  it('each agent of agent list is an agent.state at the receive time, status and state combined', () => {
    const events = readAgents(mapper());
    expectValid(events);
    expect(events.map((e) => [e.id, e.time, e.data])).toEqual([
      ['freeswitch:agent:anna@default:1772442000000', '2026-03-02T09:00:00.000Z', { agentId: 'anna@default', state: 'available' }],
      ['freeswitch:agent:bruno@default:1772442000000', '2026-03-02T09:00:00.000Z', { agentId: 'bruno@default', state: 'not_ready', reason: 'On Break' }],
      ['freeswitch:agent:carla@default:1772442000000', '2026-03-02T09:00:00.000Z', { agentId: 'carla@default', state: 'on_contact' }],
      ['freeswitch:agent:dino@default:1772442000000', '2026-03-02T09:00:00.000Z', { agentId: 'dino@default', state: 'offline' }],
    ]);
  });

  it('the read is what the mapper believes: a later event saying the same is nothing new, a change is told', () => {
    const m = mapper();
    readAgents(m);
    const change = (fields: Record<string, string>) => m.map({ 'Event-Subclass': 'callcenter::info', 'Event-Sequence': '7', ...fields }, READ_AT + 1000);
    expect(change({ 'CC-Action': 'agent-status-change', 'CC-Agent': 'bruno@default', 'CC-Agent-Status': 'On Break' })).toEqual([]);
    expect(change({ 'CC-Action': 'agent-state-change', 'CC-Agent': 'carla@default', 'CC-Agent-State': 'In a queue call' })).toEqual([]);
    expect(change({ 'CC-Action': 'agent-status-change', 'CC-Agent': 'bruno@default', 'CC-Agent-Status': 'Available' }).map((e) => e.data))
      .toEqual([{ agentId: 'bruno@default', state: 'available' }]);
    // Read again on a reconnect (same mapper): nothing changed but bruno, so only bruno's read differs from the belief.
    expect(readAgents(m).map((e) => e.data.agentId)).toEqual(['bruno@default']);
  });

  it('members Waiting or Trying are queued at their join, Answered also answered at the bridge by serving_agent; Abandoned is nothing', () => {
    const m = mapper();
    const events = parseCallcenterList(MEMBERS).flatMap((row) => m.memberNow(row, READ_AT));
    expectValid(events);
    expect(brief(events)).toEqual([
      ['contact.queued', 'freeswitch:m-wait:queued', '2026-03-02T08:58:20.000Z', { contactId: 'm-wait', queueId: 'support@default', channel: 'voice', caller: '+390612345678' }],
      ['contact.queued', 'freeswitch:m-try:queued', '2026-03-02T08:58:50.000Z', { contactId: 'm-try', queueId: 'support@default', channel: 'voice', caller: '3331234567' }],
      ['contact.queued', 'freeswitch:m-talk:queued', '2026-03-02T08:58:20.000Z', { contactId: 'm-talk', queueId: 'support@default', channel: 'voice', caller: '3337654321' }],
      ['contact.answered', 'freeswitch:m-talk:answered', '2026-03-02T08:58:25.000Z', { contactId: 'm-talk', agentId: 'carla@default' }],
    ]);
  });

  it('a member read and then heard live gets the live events\' ids: the same contact, never a second count', () => {
    const m = mapper();
    const read = parseCallcenterList(MEMBERS).flatMap((row) => m.memberNow(row, READ_AT)).map((e) => e.id);
    const heard = (fields: Record<string, string>) => m.map({ 'Event-Subclass': 'callcenter::info', 'CC-Queue': 'support@default', ...fields }, READ_AT + 1000);
    const queueStart = heard({ 'CC-Action': 'member-queue-start', 'CC-Member-UUID': 'm-wait', 'CC-Member-CID-Number': '+39 06 1234 5678' });
    const bridgeStart = heard({
      'CC-Action': 'bridge-agent-start', 'CC-Member-UUID': 'm-talk', 'CC-Agent': 'carla@default', 'CC-Member-CID-Number': '3337654321',
      'CC-Member-Joined-Time': String(JOINED), 'CC-Agent-Answered-Time': String(JOINED + 5),
    });
    expect([...queueStart, ...bridgeStart].map((e) => e.id).every((id) => read.includes(id))).toBe(true);
    expect(bridgeStart.map((e) => e.type)).toEqual(['contact.queued', 'contact.answered']);
    // The call's end, heard after the read, ends the contact the read told of and puts its agent in wrap-up.
    const end = heard({ 'CC-Action': 'bridge-agent-end', 'CC-Member-UUID': 'm-talk', 'CC-Agent': 'carla@default', 'CC-Bridge-Terminated-Time': String(JOINED + 60) });
    expect(brief(end)).toEqual([['contact.ended', 'freeswitch:m-talk:ended', '2026-03-02T08:59:20.000Z', { contactId: 'm-talk' }]]);
    expect(heard({ 'CC-Action': 'agent-state-change', 'CC-Agent': 'carla@default', 'CC-Agent-State': 'Waiting' }).map((e) => e.id)).toContain('freeswitch:m-talk:completed');
  });

  it('an epoch left 0 is dated at the read (bridge) or at the bridge (join); a caller printed (null) is no caller', () => {
    const row = (fields: Record<string, string>) => ({ queue: 'support@default', uuid: 'm-1', cid_number: '(null)', joined_epoch: '0', bridge_epoch: '0', serving_agent: 'anna@default', ...fields });
    const times = (fields: Record<string, string>) => mapper().memberNow(row(fields), READ_AT).map((e) => [e.type, e.time]);
    expect(times({ state: 'Waiting' })).toEqual([['contact.queued', '2026-03-02T09:00:00.000Z']]);
    expect(times({ state: 'Answered' })).toEqual([['contact.queued', '2026-03-02T09:00:00.000Z'], ['contact.answered', '2026-03-02T09:00:00.000Z']]);
    expect(times({ state: 'Answered', bridge_epoch: String(JOINED + 5) })).toEqual([['contact.queued', '2026-03-02T08:58:25.000Z'], ['contact.answered', '2026-03-02T08:58:25.000Z']]);
    expect(times({ state: 'Answered', joined_epoch: '(null)', bridge_epoch: '' })).toEqual([['contact.queued', '2026-03-02T09:00:00.000Z'], ['contact.answered', '2026-03-02T09:00:00.000Z']]);
    expect(mapper().memberNow(row({ state: 'Waiting' }), READ_AT)[0]!.data).toEqual({ contactId: 'm-1', queueId: 'support@default', channel: 'voice' });
  });

  it('a row without the column that names it is an AdapterError', () => {
    expect(() => mapper().agentNow({ status: 'Available', state: 'Waiting' }, READ_AT)).toThrow(/no name/);
    expect(() => mapper().memberNow({ queue: 'support@default', state: 'Waiting' }, READ_AT)).toThrow(/no uuid/);
    expect(() => mapper().memberNow({ queue: 'support@default', uuid: 'm-1', serving_agent: '(null)', state: 'Answered' }, READ_AT)).toThrow(/no serving_agent/);
  });
});
