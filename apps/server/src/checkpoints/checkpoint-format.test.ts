import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { DEFAULT_SETTINGS } from '@plancia/contracts';
import { createEngine } from '@plancia/engine';
import { encodeState, inflateState, parseState, streamingInflate } from './checkpoint-format.js';

const NOW = Date.parse('2026-03-04T10:00:00Z');

async function storedState(): Promise<Buffer> {
  return encodeState(createEngine({ settings: DEFAULT_SETTINGS, queues: [], calendars: [], alertRules: [], agents: [] }, NOW).exportState());
}

/** Fed as the store reads a state: its size and last four bytes, then slices of `slice` bytes. */
function fed(bytes: Uint8Array, slice: number) {
  const inflater = streamingInflate();
  inflater.begin(bytes.length, bytes.subarray(Math.max(0, bytes.length - 4)));
  for (let at = 0; at < bytes.length; at += slice) inflater.slice(bytes.subarray(at, at + slice));
  inflater.end();
  return inflater.inflated;
}

describe('streamingInflate', () => {
  it('inflates slice by slice to the state the whole inflates to', async () => {
    const stored = await storedState();
    expect(parseState(await fed(stored, 7))).toEqual(parseState(await inflateState(stored)));
  });

  it('inflates into the one buffer the trailer sizes, not a copy of the chunks', async () => {
    // Larger than the smallest output chunk (64 KiB), in many slices: zlib pushes many views of its one buffer.
    const bytes = Buffer.from(Array.from({ length: 40_000 }, (_, i) => `${i * 7919}`).join(','));
    const inflated = await fed(gzipSync(bytes), 1000);
    expect(inflated.equals(bytes)).toBe(true);
    expect(inflated.buffer.byteLength).toBe(bytes.length + 1);
  });

  it('still gives the whole bytes when the trailer understates their size (the chunks are then copied together)', async () => {
    // Larger than the smallest output chunk (64 KiB), so that zlib fills several buffers of that size.
    const bytes = Buffer.from(Array.from({ length: 40_000 }, (_, i) => `${i * 7919}`).join(','));
    const stored = gzipSync(bytes);
    const understated = streamingInflate();
    understated.begin(stored.length, Buffer.from([1, 0, 0, 0]));
    for (let at = 0; at < stored.length; at += 1000) understated.slice(stored.subarray(at, at + 1000));
    understated.end();
    expect((await understated.inflated).equals(bytes)).toBe(true);
  });

  it('rejects a torn or cut state, or none read at all, without an unheard error', async () => {
    const stored = await storedState();
    const torn = Buffer.from(stored);
    torn.fill(7, 10, Math.min(40, torn.length - 8));
    await expect(fed(torn, 5)).rejects.toThrow();
    await expect(fed(stored.subarray(0, stored.length - 6), 5)).rejects.toThrow();
    const none = streamingInflate();
    none.end();
    await expect(none.inflated).rejects.toThrow('no state read');
    const failed = streamingInflate();
    failed.begin(stored.length, stored.subarray(stored.length - 4));
    failed.slice(stored.subarray(0, 10));
    failed.fail(new Error('connection lost'));
    await expect(failed.inflated).rejects.toThrow('connection lost');
  });

  it('refuses bytes that inflate to something other than an engine state', async () => {
    await expect(fed(gzipSync(Buffer.from('{"version":1}')), 4).then(parseState)).rejects.toThrow();
  });
});
