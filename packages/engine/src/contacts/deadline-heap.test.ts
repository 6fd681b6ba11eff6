import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DeadlineHeap } from './deadline-heap.js';

const entries = fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.constantFrom('a', 'b', 'c', 'd')));
const byTime = (list: [number, string][]) => [...list].sort((x, y) => x[0] - y[0]).map(([time]) => time);

describe('DeadlineHeap', () => {
  it('pops due ids in time order, and only those due', () => {
    fc.assert(fc.property(entries, fc.integer({ min: 0, max: 1000 }), (list, now) => {
      const heap = new DeadlineHeap();
      for (const [time, id] of list) heap.push(time, id);
      const due = heap.popDue(now);
      expect(due.length).toBe(list.filter(([time]) => time <= now).length);
      expect(heap.size).toBe(list.length - due.length);
      expect(heap.popDue(Infinity).length).toBe(list.length - due.length);
    }));
  });

  it('keeps heap order after retain', () => {
    fc.assert(fc.property(entries, (list) => {
      const heap = new DeadlineHeap();
      for (const [time, id] of list) heap.push(time, id);
      heap.retain((time, id) => id !== 'b' && time % 3 !== 0);
      const kept = list.filter(([time, id]) => id !== 'b' && time % 3 !== 0);
      const popped: number[] = [];
      for (let t = 0; t <= 1000; t++) popped.push(...heap.popDue(t).map(() => t));
      expect(popped).toEqual(byTime(kept));
      expect(heap.size).toBe(0);
    }));
  });
});
