import { describe, expect, it } from 'vitest';
import type { TimedEvent } from '@plancia/contracts';
import { KEPT_TAIL_LIMIT, readAfterKept, StartTail } from './start-tail.js';

const event = (seq: number) => ({ id: `e${seq}`, timeMs: seq }) as unknown as TimedEvent;
const events = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => event(from + i));

/** A journal of events 1..last, read by position as the store reads it, counting its reads. */
function journal(last: number) {
  const reads: (string | null)[] = [];
  const readAfter = async (after: string | null, onChunk: (events: TimedEvent[]) => void | Promise<void>) => {
    reads.push(after);
    const from = Number(after ?? 0) + 1;
    if (from <= last) await onChunk(events(from, last));
    return { read: Math.max(0, last - from + 1), lastSeq: String(Math.max(last, from - 1)) };
  };
  return { reads, readAfter };
}

function keptTail(after: number, through: number, chunk = 2): StartTail {
  const tail = new StartTail(String(after));
  for (let seq = after + 1; seq <= through; seq += chunk) tail.keep(events(seq, Math.min(seq + chunk - 1, through)));
  tail.end(String(through));
  return tail;
}

describe('the tail a start read, handed to the callback worklist', () => {
  it('gives the same events as the journal from the same position, reading on only past its end', async () => {
    const store = journal(12);
    const seen: string[] = [];
    const result = await readAfterKept(keptTail(5, 10), store.readAfter)('5', (chunk) => void seen.push(...chunk.map((e) => e.id)));
    expect(seen).toEqual(events(6, 12).map((e) => e.id));
    expect(result).toEqual({ read: 7, lastSeq: '12' });
    expect(store.reads).toEqual(['10']);
  });

  it('reads the journal itself from another position, and once the tail was handed out', async () => {
    const store = journal(12);
    const read = readAfterKept(keptTail(5, 10), store.readAfter);
    const seen: number[] = [];
    await read('7', (chunk) => void seen.push(chunk.length));
    await read('5', (chunk) => void seen.push(chunk.length));
    expect(store.reads).toEqual(['7', '5']);
    expect(seen).toEqual([5, 7]);
  });

  it('keeps nothing past its limit, nor once let go', async () => {
    const long = new StartTail('0');
    long.keep(events(1, KEPT_TAIL_LIMIT));
    long.keep(events(KEPT_TAIL_LIMIT + 1, KEPT_TAIL_LIMIT + 1));
    long.end(String(KEPT_TAIL_LIMIT + 1));
    expect(long.take('0')).toBeNull();
    const released = keptTail(0, 4);
    released.release();
    expect(released.take('0')).toBeNull();
    expect(keptTail(0, 4).take('0')?.read).toBe(4);
  });
});
