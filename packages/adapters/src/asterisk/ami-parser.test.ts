import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fixtureBytes, fixtureText } from '../../test-support/fixtures.js';
import { amiField, amiFieldAll } from './ami-message.js';
import { AmiParser } from './ami-parser.js';

function parseAll(text: string | Uint8Array) {
  const parser = new AmiParser();
  return { parser, messages: [...parser.push(text), ...parser.end()] };
}

describe('AmiParser', () => {
  it('reads the login banner apart from the response that follows it', () => {
    const { parser, messages } = parseAll(fixtureText('vendor/asterisk-ami/python-ami/login-response-with-banner.ami.txt'));
    expect(parser.banner).toBe('Asterisk Call Manager/1.1');
    expect(messages).toEqual([{ Response: 'Success', ActionID: 'e9dcec01-173f-4402-9964-26bd4d9f8b3d', Message: 'Authentication accepted' }]);
  });

  it('keeps repeated headers as arrays, in order', () => {
    const { messages } = parseAll(fixtureText('vendor/asterisk-ami/python-ami/AgentCalled-asterisk11-multiple-Variable-headers.ami.txt'));
    expect(messages).toHaveLength(1);
    expect(amiFieldAll(messages[0]!, 'Variable')).toEqual(['QUEUE_CONTEXT=queue', 'SIPDOMAIN=example.org', 'SIPURI=sip:213@example.org:5060']);
    expect(amiField(messages[0]!, 'AgentName')).toBe('101');
  });

  it('keeps colons inside values', () => {
    const { messages } = parseAll(fixtureText('vendor/asterisk-ami/python-ami/VarSet-value-containing-colons.ami.txt'));
    expect(amiField(messages[0]!, 'Value')).toBe('sip:213@10.182.21.208:5060');
  });

  it('skips and counts a garbage line without losing the message', () => {
    const { parser, messages } = parseAll(fixtureText('vendor/asterisk-ami/python-ami/AgentComplete-with-trailing-garbage-line.ami.txt'));
    expect(parser.garbageLines).toBe(1);
    expect(messages).toHaveLength(1);
    expect(amiField(messages[0]!, 'TalkTime')).toBe('313');
    expect(amiField(messages[0]!, 'Variable')).toBe('QUEUESRVLEVELPERF=68.9');
  });

  it('reads LF streams with echoed actions and a corrupted capture line (panoramisk, Asterisk 11)', () => {
    const { parser, messages } = parseAll(fixtureText('vendor/asterisk-ami/panoramisk/agent_loggued_in.ami.txt'));
    const events = messages.map((m) => amiField(m, 'Event')).filter(Boolean);
    expect(events).toContain('QueueMemberStatus');
    expect(events).toContain('QueueMemberAdded');
    expect(messages.filter((m) => amiField(m, 'Action') === 'Ping').length).toBeGreaterThan(0);
    expect(parser.garbageLines).toBe(2); // "[218 bytes missing in capture file]Event: Newexten" and one more like it
  });

  it('splits messages that lack the blank line between them (goami2 QueueStatus replies)', () => {
    const { messages } = parseAll(fixtureText('vendor/asterisk-ami/goami2/queue-show-and-queuestatus.ami.txt'));
    const members = messages.filter((m) => amiField(m, 'Event') === 'QueueMember');
    expect(members.map((m) => amiField(m, 'Name'))).toEqual([
      '9170@okon.ferry.sip.com', '8194@okon.ferry.sip.com', '9921@okon.ferry.sip.com', '9922@okon.ferry.sip.com',
      '8895@okon.ferry.sip.com', '9068@okon.ferry.sip.com', '7855@okon.ferry.sip.com', '7853@okon.ferry.sip.com',
      '1245@okon.ferry.sip.com',
    ]);
    expect(messages.every((m) => typeof (m.Event ?? m.Response ?? m.Action ?? m.Actionid ?? m.Conference) === 'string')).toBe(true);
    expect(messages.filter((m) => amiField(m, 'Event') === 'QueueStatusComplete')).toHaveLength(6);
  });

  it('parses the recorded stream identically whatever the chunk boundaries', () => {
    const bytes = fixtureBytes('asterisk-recorded/queue-support-25-calls.ami').subarray(0, 60_000);
    const whole = parseAll(bytes).messages;
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 40 }), (cuts) => {
        const parser = new AmiParser();
        const bounds = [0, ...cuts.sort((a, b) => a - b), bytes.length];
        const messages = bounds.slice(1).flatMap((end, i) => parser.push(bytes.subarray(bounds[i], end)));
        expect([...messages, ...parser.end()]).toEqual(whole);
      }),
      { numRuns: 60 },
    );
  });

  it('decodes a UTF-8 character split across chunks', () => {
    const bytes = new TextEncoder().encode('Event: QueueMemberPause\r\nPausedReason: Caffè\r\n\r\n');
    const parser = new AmiParser();
    const cut = bytes.length - 6; // inside the two bytes of "è"
    const messages = [...parser.push(bytes.subarray(0, cut)), ...parser.push(bytes.subarray(cut))];
    expect(amiField(messages[0]!, 'PausedReason')).toBe('Caffè');
  });
});
