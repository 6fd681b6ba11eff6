import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Waiter } from './waiting-line.js';
import { byWait, longestWaits } from './longest-waits.js';

const waiter = (id: string, since: number): Waiter => ({
  id, waitingSlot: 0, view: { waitingSince: since, waitingChannel: 'voice', waitingPriority: 0, waitingVip: false, waitingCaller: null },
});

describe('longestWaits', () => {
  it('equals sorting the whole line by wait and keeping the first ones, whatever the line\'s order and the limit', () => {
    // few distinct starts, so equal waits (ordered by id) are common
    const line = fc.uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 20 })), { selector: ([id]) => id, maxLength: 80 });
    fc.assert(fc.property(line, fc.integer({ min: 0, max: 90 }), (entries, limit) => {
      const waiters = entries.map(([id, since]) => waiter(id, since));
      const expected = [...waiters].sort(byWait).slice(0, limit).map((w) => w.id);
      expect(longestWaits(waiters, limit).map((w) => w.id)).toEqual(expected);
    }), { numRuns: 500 });
  });

  it('leaves the line it reads as it was', () => {
    const waiters = [waiter('b', 3), waiter('a', 1), waiter('c', 2)];
    longestWaits(waiters, 2);
    expect(waiters.map((w) => w.id)).toEqual(['b', 'a', 'c']);
  });
});
