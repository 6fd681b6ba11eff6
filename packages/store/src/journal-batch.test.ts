import { describe, expect, it } from 'vitest';
import type { TimedEvent } from '@plancia/contracts';
import { chunk, eventKey, payloadOf, splitResults, uniqueEvents } from './journal-batch.js';

function event(source: string, id: string): TimedEvent {
  return {
    specversion: '1.0', id, source, type: 'contact.abandoned', time: '2026-01-01T00:00:00Z', data: { contactId: id }, timeMs: 1_767_225_600_000,
  };
}

describe('eventKey', () => {
  it('keeps (source, id) pairs apart even when their concatenations match', () => {
    expect(eventKey(event('ab', 'c'))).not.toBe(eventKey(event('a', 'bc')));
    expect(eventKey(event('a', 'b'))).toBe(eventKey(event('a', 'b')));
  });
});

describe('uniqueEvents and splitResults', () => {
  const a = event('s', 'a');
  const b = event('s', 'b');
  const c = event('s', 'c');

  it('keeps the first occurrence of each key across batches', () => {
    expect(uniqueEvents([[a, b, a], [b, c]])).toEqual([a, b, c]);
  });

  it('gives each stored key to the first batch that carried it; the rest are duplicates', () => {
    const results = splitResults([[a, b, a], [b, c], [c]], new Set([eventKey(a), eventKey(c)]));
    expect(results).toEqual([
      { accepted: [a], duplicates: 2 },
      { accepted: [c], duplicates: 1 },
      { accepted: [], duplicates: 1 },
    ]);
  });
});

describe('chunk', () => {
  it('cuts rows into pieces of at most the given size', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 3)).toEqual([]);
  });

  it('refuses a size that would never advance', () => {
    expect(() => chunk([1], 0)).toThrow(/positive integer/);
  });
});

describe('payloadOf', () => {
  it('drops only the parsed time', () => {
    const { timeMs: _timeMs, ...expected } = a();
    expect(payloadOf(a())).toEqual(expected);
    expect(payloadOf(a())).not.toHaveProperty('timeMs');
  });
  function a(): TimedEvent {
    return { ...event('s', 'x'), traceparent: '00-1-2-01' } as TimedEvent;
  }
});
