import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { firstAtOrAfter } from './timeline.js';

describe('firstAtOrAfter', () => {
  it('finds what a scan from the start finds', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 80 }), fc.integer({ min: -1, max: 52 }), (times, atMs) => {
      const list = [...times].sort((a, b) => a - b).map((at) => ({ at }));
      const scanned = list.findIndex((e) => e.at >= atMs);
      expect(firstAtOrAfter(list, atMs)).toBe(scanned < 0 ? list.length : scanned);
    }));
  });
});
