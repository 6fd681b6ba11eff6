import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MinHeap } from './min-heap.js';

describe('MinHeap', () => {
  it('pops in ascending order of `at`', () => {
    fc.assert(fc.property(fc.array(fc.integer()), (values) => {
      const heap = new MinHeap<{ at: number }>();
      for (const at of values) heap.push({ at });
      const out: number[] = [];
      for (let item = heap.pop(); item; item = heap.pop()) out.push(item.at);
      expect(out).toEqual([...values].sort((a, b) => a - b));
    }));
  });

  it('keeps heap order after retain', () => {
    fc.assert(fc.property(fc.array(fc.integer()), (values) => {
      const heap = new MinHeap<{ at: number }>();
      for (const at of values) heap.push({ at });
      heap.retain((item) => item.at % 2 === 0);
      const out: number[] = [];
      for (let item = heap.pop(); item; item = heap.pop()) out.push(item.at);
      expect(out).toEqual(values.filter((v) => v % 2 === 0).sort((a, b) => a - b));
      expect(heap.size).toBe(0);
    }));
  });
});
