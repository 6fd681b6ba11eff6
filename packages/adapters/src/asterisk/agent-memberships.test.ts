import { describe, expect, it } from 'vitest';
import type { PlanciaEvent } from '@plancia/contracts';
import { expectValid } from '../../test-support/fixtures.js';
import type { AmiMessage } from './ami-message.js';
import { AsteriskMapper } from './asterisk-mapper.js';

// Cases seen against a live Asterisk 22 (../shared/fixtures/asterisk-live-22), cut down to the messages that matter.
const T0 = 1_796_331_500;
const at = (sec: number) => ({ Timestamp: (T0 + sec).toFixed(6) });
const carla = (queue: string) => ({ Queue: queue, MemberName: 'Carla', Interface: 'Local/3@agents/n', StateInterface: 'Custom:agent3' });
const elena = { Queue: 'sales', MemberName: 'Elena', Interface: 'Local/5@agents/n', StateInterface: 'Custom:agent5' };
const member = (who: object, event: string, sec: number, status: string, paused: string, reason = ''): AmiMessage =>
  ({ Event: event, ...who, Status: status, Paused: paused, PausedReason: reason, ...at(sec) });

function run(messages: AmiMessage[], mapper = new AsteriskMapper({ source: 'ami://live' })) {
  const events = messages.flatMap((m) => mapper.map(m));
  expectValid(events);
  return events;
}

const states = (events: PlanciaEvent[]) => events.filter((e) => e.type === 'agent.state')
  .map((e) => ({ t: Date.parse(e.time) / 1000 - T0, state: e.data.state, reason: e.data.reason, memberships: e.data.memberships }));

describe('a pause taken during a call', () => {
  // Asterisk 22: the member goes idle (still paused) about a millisecond before AgentComplete.
  const call = [
    { Event: 'QueueCallerJoin', Uniqueid: '9.1', Queue: 'sales', ...at(40) },
    { Event: 'QueueCallerLeave', Uniqueid: '9.1', Queue: 'sales', ...at(43) },
    { Event: 'AgentConnect', Uniqueid: '9.1', ...elena, HoldTime: '3', ...at(43.1) },
    member(elena, 'QueueMemberStatus', 43.1, '2', '0'),
    member(elena, 'QueueMemberPause', 81.662757, '2', '1', 'Backoffice'),
    member(elena, 'QueueMemberStatus', 85.646138, '1', '1', 'Backoffice'),
    { Event: 'AgentComplete', Uniqueid: '9.1', ...elena, HoldTime: '3', TalkTime: '42', Reason: 'agent', ...at(85.647258) },
  ];

  it('is said again after the call completes, so the completion does not make the agent available', () => {
    const events = run([member(elena, 'QueueMemberAdded', 0, '1', '0'), ...call], new AsteriskMapper({ source: 'ami://live', wrapUpSeconds: { sales: 5 } }));
    const completed = events.find((e) => e.type === 'contact.completed')!;
    const last = events.at(-1)!;
    expect(last).toMatchObject({ type: 'agent.state', data: { agentId: 'Elena', state: 'not_ready', reason: 'Backoffice' } });
    // After the completion (no wrap-up while paused: the pause follows the call at once), at AgentComplete's own time.
    expect(Date.parse(completed.time)).toBe((T0 + 85) * 1000);
    expect(Date.parse(last.time)).toBe(Math.round((T0 + 85.647258) * 1000));
    expect(Date.parse(last.time)).toBeGreaterThan(Date.parse(completed.time));
  });

  it('a replayed AgentComplete, older than a member report already taken, says nothing again', () => {
    const mapper = new AsteriskMapper({ source: 'ami://live' });
    run([member(elena, 'QueueMemberAdded', 0, '1', '0'), ...call, member(elena, 'QueueMemberPause', 120, '1', '1', 'Fine turno')], mapper);
    const replayed = run(call, mapper);
    expect(replayed.filter((e) => e.type === 'agent.state')).toEqual([]);
  });

  it('a call ending without a pause says nothing more: the completion makes the agent available', () => {
    const events = run([member(elena, 'QueueMemberAdded', 0, '1', '0'), ...call.filter((m) => m.Event !== 'QueueMemberPause' && m.Paused !== '1'),
      { ...call.at(-1)! }]);
    expect(events.at(-1)!.type).toBe('contact.completed');
  });
});

describe('an agent in two queues, paused in one', () => {
  const added = [member(carla('support'), 'QueueMemberAdded', 0, '1', '0'), member(carla('sales'), 'QueueMemberAdded', 0.01, '1', '0')];

  it('is available as a whole, paused with its reason in that queue only, whatever the other queue reports next', () => {
    const events = run([
      ...added,
      member(carla('sales'), 'QueueMemberPause', 291.664693, '2', '1', 'Solo sales'),
      member(carla('support'), 'QueueMemberStatus', 300, '1', '0'),
      member(carla('sales'), 'QueueMemberStatus', 300.001, '1', '1', 'Solo sales'),
    ]);
    const last = states(events).at(-1)!;
    expect(last).toEqual({
      t: 300, state: 'available', reason: undefined,
      memberships: [{ queueId: 'sales', state: 'not_ready', reason: 'Solo sales' }, { queueId: 'support', state: 'available' }],
    });
    // Never paused in support, never not_ready as a whole.
    expect(states(events).filter((s) => s.state === 'not_ready')).toEqual([]);
  });

  it('paused in both is not_ready as a whole with the reason', () => {
    const events = run([
      ...added,
      member(carla('support'), 'QueueMemberPause', 141.665337, '2', '1', 'Formazione'),
      member(carla('sales'), 'QueueMemberPause', 141.665397, '2', '1', 'Formazione'),
    ]);
    // On a call (Status 2) and paused in support only, then paused in both.
    expect(states(events).map((s) => [s.state, s.reason])).toEqual([['available', undefined], ['available', undefined], ['on_contact', undefined], ['not_ready', 'Formazione']]);
  });

  it('at a fresh start, QueueStatus lists both queues: the last item carries both, so arrival order keeps both', () => {
    const mapper = new AsteriskMapper({ source: 'ami://live' });
    const items = [
      { Event: 'QueueMember', Queue: 'support', Name: 'Carla', Location: 'Local/3@agents/n', Status: '1', Paused: '0', PausedReason: '' },
      { Event: 'QueueMember', Queue: 'sales', Name: 'Carla', Location: 'Local/3@agents/n', Status: '1', Paused: '1', PausedReason: 'Solo sales' },
    ];
    const events = mapper.reconcile(items, (T0 + 300) * 1000);
    expectValid(events);
    expect(events.map((e) => [e.time, e.data.queueIds])).toEqual([
      [new Date((T0 + 300) * 1000).toISOString(), ['support']],
      [new Date((T0 + 300) * 1000).toISOString(), ['sales', 'support']],
    ]);
    expect(events.at(-1)!.data).toMatchObject({ state: 'available', memberships: [{ queueId: 'sales', state: 'not_ready', reason: 'Solo sales' }, { queueId: 'support', state: 'available' }] });
  });
});

describe('AgentComplete without the caller\'s Uniqueid', () => {
  it('ends the call its member took from that queue', () => {
    const anna = { Queue: 'support', MemberName: 'Anna', Interface: 'Local/1@agents/n' };
    const events = run([
      { Event: 'QueueCallerJoin', Uniqueid: '7.1', Queue: 'support', ...at(170) },
      { Event: 'AgentConnect', Uniqueid: '7.1', ...anna, HoldTime: '9', ...at(179.2) },
      { Event: 'QueueCallerJoin', Uniqueid: '7.2', Queue: 'sales', ...at(171) },
      { Event: 'AgentConnect', Uniqueid: '7.2', Queue: 'sales', MemberName: 'Dario', Interface: 'Local/4@agents/n', HoldTime: '2', ...at(173.2) },
      // As app_queue sent it: member and interface, no Uniqueid, no Channel.
      { Event: 'AgentComplete', ...anna, HoldTime: '9', TalkTime: '16', Reason: 'agent', ...at(188.974128) },
    ]);
    expect(events.slice(-2).map((e) => [e.type, e.data.contactId, Date.parse(e.time) / 1000 - T0])).toEqual([
      ['contact.ended', '7.1', 188], ['contact.completed', '7.1', 188],
    ]);
  });

  it('ends nothing when its member has no call in that queue', () => {
    expect(run([{ Event: 'AgentComplete', Queue: 'support', MemberName: 'Anna', Interface: 'Local/1@agents/n', ...at(5) }])).toEqual([]);
  });
});
