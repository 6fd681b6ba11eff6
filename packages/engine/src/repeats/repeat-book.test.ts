import { describe, expect, it } from 'vitest';
import { RepeatBook, type RepeatHost } from './repeat-book.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A host with one day boundary every 24 h from 0 and a 60-minute window; it keeps what was counted. */
function host(windowMs: number | null = 60 * MINUTE) {
  const counted: Array<[number, boolean, number]> = [];
  const h: RepeatHost = {
    repeatWindowMs: () => windowMs,
    dayStartOf: (_queueId, atMs) => Math.floor(atMs / DAY) * DAY,
    countOffer: (_queueId, atMs, repeat, sign) => counted.push([atMs, repeat, sign]),
  };
  return { h, counted };
}

describe('RepeatBook', () => {
  it('knows recalled offers as predecessors without counting them, nor their changes', () => {
    const { h, counted } = host();
    const book = new RepeatBook(h);
    book.recall('q1', 'anna', 'c1', DAY - 20 * MINUTE);
    book.recall('q1', 'anna', 'c2', DAY - 5 * MINUTE);
    // an older recalled offer arriving late makes c1 a repeat: nothing is counted for it
    book.recall('q1', 'anna', 'c0', DAY - 30 * MINUTE);
    expect(counted).toEqual([]);
    book.add('q1', 'anna', 'c3', DAY + 10 * MINUTE);
    expect(counted).toEqual([[DAY + 10 * MINUTE, true, 1]]);
  });

  it('forgets offers older than the bound, callers included, so memory follows the longest window', () => {
    const { h } = host();
    const book = new RepeatBook(h);
    for (let i = 0; i < 100; i++) book.add('q1', `caller${i}`, `c${i}`, i * MINUTE);
    expect(book.prune(50 * MINUTE)).toBe(50);
    expect([...book.offersBefore(Infinity)].map((o) => o.contactId)).toEqual(Array.from({ length: 50 }, (_, i) => `c${i + 50}`));
  });

  it('without a window, a repeat is within the same day only', () => {
    const { h, counted } = host(null);
    const book = new RepeatBook(h);
    book.add('q1', 'anna', 'c1', DAY - MINUTE);
    book.add('q1', 'anna', 'c2', DAY + MINUTE);
    book.add('q1', 'anna', 'c3', DAY + 20 * 60 * MINUTE);
    expect(counted.map(([, repeat]) => repeat)).toEqual([false, false, true]);
  });
});
