import { constants, deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { changeMessages } from './change-messages.js';
import { WS_DEFLATE, decodeAll, deflatedAlone, deflatedInSequence, encodeAll, jsonCandidate, msgpackCandidate, sharedKeysCandidate } from './encodings.js';

const messages = changeMessages({ eventsPerSecond: 1_000, tickMs: 250, pushIntervalMs: 100, seconds: 5, view: {} });

describe('the change messages the encoding suite weighs', () => {
  it('are the engine\'s patches of queues, agents and the centre, one per push interval', () => {
    expect(messages.length).toBeGreaterThan(40);
    expect(messages.length).toBeLessThanOrEqual(50);
    expect(messages.some((m) => (m.queues?.length ?? 0) > 0)).toBe(true);
    expect(messages.some((m) => (m.agents?.length ?? 0) > 0)).toBe(true);
    expect(messages.some((m) => m.centre !== undefined)).toBe(true);
  });

  it('leave out the agents of a board that shows none', () => {
    const none = changeMessages({ eventsPerSecond: 1_000, tickMs: 250, pushIntervalMs: 100, seconds: 5, view: { agents: 'none' } });
    expect(none.length).toBeGreaterThan(0);
    expect(none.every((m) => m.agents === undefined)).toBe(true);
  });
});

describe.each([jsonCandidate, msgpackCandidate, sharedKeysCandidate])('$name', (candidate) => {
  it('decodes each message back to an equal object, in order', () => {
    const frames = encodeAll(candidate, messages);
    expect(decodeAll(candidate, frames)).toEqual(messages);
  });
});

describe('shared field names', () => {
  it('send each name once per room: later messages are smaller than the same message sent first', () => {
    const [first] = encodeAll(sharedKeysCandidate, [messages[10]!]);
    const again = encodeAll(sharedKeysCandidate, [messages[10]!, messages[10]!])[1]!;
    expect(again.byteLength).toBeLessThan(first!.byteLength);
    expect(again.byteLength).toBeLessThan(encodeAll(jsonCandidate, [messages[10]!])[0]!.byteLength);
  });
});

describe('permessage-deflate sizes', () => {
  const frames = encodeAll(jsonCandidate, changeMessages({ eventsPerSecond: 50, tickMs: 250, pushIntervalMs: 250, seconds: 10, view: {} }));
  // Within deflate's 32 KiB window, so that a repeat can refer to the whole of it.
  const big = frames.find((f) => f.byteLength > 4 * WS_DEFLATE.threshold && f.byteLength < 16 * WS_DEFLATE.threshold)!;

  it('leave frames under the threshold as they are and shrink the large ones', () => {
    const small = new TextEncoder().encode('42["changes",{}]');
    expect(deflatedAlone(small)).toBe(small.byteLength);
    expect(deflatedAlone(big)).toBeLessThan(big.byteLength / 2);
  });

  it('count the bytes ws sends: a sync flush less its 4-byte trailer, which the receiver puts back to inflate', async () => {
    const flushed = deflateRawSync(big, { ...WS_DEFLATE.zlib, finishFlush: constants.Z_SYNC_FLUSH });
    expect([...flushed.subarray(-4)]).toEqual([0x00, 0x00, 0xff, 0xff]);
    expect(deflatedAlone(big)).toBe(flushed.byteLength - 4);
    expect(Buffer.from(inflateRawSync(flushed, { finishFlush: constants.Z_SYNC_FLUSH }))).toEqual(Buffer.from(big));
    const [first] = await deflatedInSequence([big]);
    expect(first).toBe(deflatedAlone(big));
  });

  it('with context takeover, a frame repeating the last costs a fraction of it alone', async () => {
    const [, second] = await deflatedInSequence([big, big]);
    expect(second).toBeLessThan(deflatedAlone(big) / 4);
  });
});
