import { describe, expect, it } from 'vitest';
import type { QueueSnapshot } from '@plancia/contracts';
import { sumShownQueues } from './scoped-totals.js';

// Only the fields the sum reads: the rest of a queue's snapshot plays no part.
const queue = (waiting: number, offered: number, answered: number, abandoned: number, todayOffered = 0) =>
  ({
    live: { waiting },
    windows: { rolling: { offered, answered, abandoned }, interval: { offered: 0, answered: 0, abandoned: 0 }, today: { offered: todayOffered, answered: 0, abandoned: 0 } },
  }) as unknown as QueueSnapshot;

describe('sumShownQueues', () => {
  it('adds waiting and the selected window counts of the queues shown', () => {
    expect(sumShownQueues([queue(2, 10, 8, 1), queue(3, 5, 4, 1, 99)], 'rolling')).toEqual({ waiting: 5, offered: 15, answered: 12, abandoned: 2 });
    expect(sumShownQueues([queue(2, 10, 8, 1), queue(3, 5, 4, 1, 99)], 'today').offered).toBe(99);
  });

  it('is zero with no queue', () => {
    expect(sumShownQueues([], 'interval')).toEqual({ waiting: 0, offered: 0, answered: 0, abandoned: 0 });
  });
});
