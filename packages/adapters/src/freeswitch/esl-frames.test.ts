import { describe, expect, it } from 'vitest';
import { fixtureText } from '../../test-support/fixtures.js';
import { parseEslEvent } from './esl-event.js';
import { EslFrameParser } from './esl-frames.js';

const encode = (text: string) => new TextEncoder().encode(text);

/** A documentation example as FreeSWITCH sends it in plain format: URL-encoded values inside a counted body. */
function plainFrame(example: string): string {
  const body = `${example.split('\n').filter(Boolean).map((line) => {
    const at = line.indexOf(': ');
    return `${line.slice(0, at)}: ${encodeURIComponent(line.slice(at + 2))}`;
  }).join('\n')}\n\n`;
  return `Content-Length: ${encode(body).length}\nContent-Type: text/event-plain\n\n${body}`;
}

describe('EslFrameParser', () => {
  const example = fixtureText('vendor/freeswitch-callcenter/doc-example-bridge-agent-start.txt');
  const stream = `Content-Type: auth/request\n\nContent-Type: command/reply\nReply-Text: +OK accepted\n\n${plainFrame(example)}${plainFrame(example.replace('Their Name', 'Caffè Ùno'))}`;

  it('reads header-only frames and counted bodies, whose events decode to the documented fields', () => {
    const frames = new EslFrameParser().push(encode(stream));
    expect(frames.map((f) => f.headers['Content-Type'])).toEqual(['auth/request', 'command/reply', 'text/event-plain', 'text/event-plain']);
    expect(frames[1]!.headers['Reply-Text']).toBe('+OK accepted');
    const event = parseEslEvent(frames[2]!.body);
    expect(event).toMatchObject({ 'Event-Subclass': 'callcenter::info', 'CC-Action': 'bridge-agent-start', 'CC-Member-CID-Name': 'Their Name' });
    expect(parseEslEvent(frames[3]!.body)['CC-Member-CID-Name']).toBe('Caffè Ùno');
  });

  it('gives the same frames whatever the chunk boundaries, even inside a multi-byte character', () => {
    const bytes = encode(stream);
    const whole = new EslFrameParser().push(bytes);
    for (const size of [1, 2, 3, 7, 64, 500]) {
      const parser = new EslFrameParser();
      const frames = [];
      for (let i = 0; i < bytes.length; i += size) frames.push(...parser.push(bytes.subarray(i, i + size)));
      expect(frames).toEqual(whole);
    }
  });
});
