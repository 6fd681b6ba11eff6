import { describe, expect, it } from 'vitest';
import { retrying } from './lazy-retrying.js';

describe('retrying a load that fails while the network is down', () => {
  it('tries again after 1 s, then doubling up to 15 s, and gives what the first success gives', async () => {
    const waits: number[] = [];
    let calls = 0;
    const value = await retrying(async () => {
      calls += 1;
      if (calls < 7) throw new TypeError('Failed to fetch dynamically imported module');
      return 'loaded';
    }, async (ms) => void waits.push(ms));
    expect(value).toBe('loaded');
    expect(waits).toEqual([1000, 2000, 4000, 8000, 15_000, 15_000]);
  });

  it('does not wait when the first try succeeds', async () => {
    const waits: number[] = [];
    expect(await retrying(async () => 42, async (ms) => void waits.push(ms))).toBe(42);
    expect(waits).toEqual([]);
  });
});
