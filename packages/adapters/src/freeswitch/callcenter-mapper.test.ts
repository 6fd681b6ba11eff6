import { describe, expect, it } from 'vitest';
import type { PlanciaEvent } from '@plancia/contracts';
import { expectValid, fixtureText } from '../../test-support/fixtures.js';
import { FreeSwitchCallcenterMapper } from './callcenter-mapper.js';
import { parseEslEvent } from './esl-event.js';

const RECEIVED = Date.parse('2026-03-02T09:00:00Z');
const sample = (action: string) => parseEslEvent(fixtureText(`vendor/freeswitch-callcenter/doc-example-${action}.txt`));
const MEMBER = '453324f8-3424-4322-4242362fd23d';

function run(actions: string[], mapper = new FreeSwitchCallcenterMapper({ source: 'esl://fs1' })) {
  const events = actions.flatMap((a) => mapper.map(sample(a), RECEIVED));
  // The documentation's examples carry placeholder epoch seconds (1970), which ingest refuses as a clock error;
  // what this checks is the events' shape, so the contract sees them at the receive time.
  expectValid(events.map((e) => ({ ...e, time: new Date(RECEIVED).toISOString() })));
  return events;
}
const brief = (events: PlanciaEvent[]) => events.map((e) => [e.type, e.id, e.time, e.data]);

describe('FreeSWITCH mod_callcenter documentation examples', () => {
  it('parses plain format, trailing blanks dropped, URL-encoded values decoded', () => {
    expect(sample('member-queue-start')['CC-Member-UUID']).toBe(MEMBER);
    const encoded = parseEslEvent('Event-Subclass: callcenter%3A%3Ainfo\nCC-Member-CID-Name: Marc%20O%20Robinson\nCC-Bad: 100%\n');
    expect(encoded).toEqual({ 'Event-Subclass': 'callcenter::info', 'CC-Member-CID-Name': 'Marc O Robinson', 'CC-Bad': '100%' });
  });

  it('member-queue-start → queued (receive time: the example carries no time)', () => {
    expect(brief(run(['member-queue-start']))).toEqual([
      ['contact.queued', `freeswitch:${MEMBER}:queued`, '2026-03-02T09:00:00.000Z', { contactId: MEMBER, queueId: 'support@default', channel: 'voice', caller: '4385551212' }],
    ]);
  });

  it('bridge-agent-start → answered at CC-Agent-Answered-Time (with queued at the join), bridge-agent-end → ended', () => {
    expect(brief(run(['bridge-agent-start', 'bridge-agent-end']))).toEqual([
      ['contact.queued', `freeswitch:${MEMBER}:queued`, '1970-01-01T02:30:00.000Z', { contactId: MEMBER, queueId: 'support@default', channel: 'voice', caller: '5555555555' }],
      ['contact.answered', `freeswitch:${MEMBER}:answered`, '1970-01-01T02:46:49.000Z', { contactId: MEMBER, agentId: 'AgentNameHere' }],
      ['contact.ended', `freeswitch:${MEMBER}:ended`, '1970-01-01T02:55:00.000Z', { contactId: MEMBER }],
    ]);
  });

  it('member-queue-end with cause Cancel → abandoned at the leaving time; Terminated (answered) → nothing', () => {
    expect(brief(run(['member-queue-end-cancel']))).toEqual([
      ['contact.abandoned', `freeswitch:${MEMBER}:abandoned`, '1970-01-01T02:47:30.000Z', { contactId: MEMBER, reason: 'TIMEOUT' }],
    ]);
    expect(run(['member-queue-end-terminated'])).toEqual([]);
  });

  it('agent-status-change and agent-state-change → agent.state; offering, bridge failure and counts → nothing', () => {
    const events = run(['agent-status-change', 'agent-state-change']);
    expect(events.map((e) => [e.data.agentId, e.data.state])).toEqual([['1000@default', 'available']]);
    expect(run(['agent-offering', 'bridge-agent-fail', 'members-count'])).toEqual([]);
  });

  it('On Break is not_ready; back to Waiting after a call completes it', () => {
    const mapper = new FreeSwitchCallcenterMapper({ source: 'esl://fs1' });
    run(['bridge-agent-start', 'bridge-agent-end'], mapper);
    const agent = (fields: Record<string, string>) => mapper.map({ 'Event-Subclass': 'callcenter::info', 'CC-Agent': 'AgentNameHere', ...fields }, RECEIVED);
    expect(agent({ 'CC-Action': 'agent-state-change', 'CC-Agent-State': 'Idle' })).toEqual([]);
    expect(agent({ 'CC-Action': 'agent-state-change', 'CC-Agent-State': 'Waiting' }).map((e) => e.type)).toEqual(['contact.completed', 'agent.state']);
    expect(agent({ 'CC-Action': 'agent-status-change', 'CC-Agent-Status': 'On Break' })[0]!.data).toEqual({ agentId: 'AgentNameHere', state: 'not_ready', reason: 'On Break' });
  });
});

describe('FreeSWITCH callers', () => {
  it('puts the caller number (CC-Member-CID-Number) in the queued event only, never the caller name', () => {
    const events = run(['member-queue-start', 'bridge-agent-start', 'bridge-agent-end', 'member-queue-end-cancel']);
    for (const event of events) {
      const text = JSON.stringify(event);
      expect(text).not.toMatch(/CHOUINARD|Robinson|555-555/);
      if (event.type === 'contact.queued') expect(event.data.caller).toMatch(/^(4385551212|5555555555)$/);
      else expect(text).not.toMatch(/4385551212|5555555555/);
    }
    expect(events.filter((event) => event.type === 'contact.queued')).toHaveLength(2);
  });

  it('a field FreeSWITCH printed as (null) is no value: no caller, no cancel reason, a missing member', () => {
    const mapper = new FreeSwitchCallcenterMapper({ source: 'esl://fs1' });
    const start = mapper.map({ ...sample('member-queue-start'), 'CC-Member-CID-Number': '(null)' }, RECEIVED);
    expect(start[0]!.data).toEqual({ contactId: MEMBER, queueId: 'support@default', channel: 'voice' });
    const cancel = mapper.map({ ...sample('member-queue-end-cancel'), 'CC-Cancel-Reason': '(null)' }, RECEIVED);
    expect(cancel[0]!.data).toEqual({ contactId: MEMBER });
    expect(() => mapper.map({ ...sample('bridge-agent-end'), 'CC-Member-UUID': '(null)' }, RECEIVED)).toThrow(/no CC-Member-UUID/);
  });
});
