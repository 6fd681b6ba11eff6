import { describe, expect, it } from 'vitest';
import { endingId, endingOf, SessionEnds } from './session-ends.js';

describe('SessionEnds', () => {
  it('ends what one session holds, or every session of a user, and nothing released', () => {
    const ends = new SessionEnds();
    const ended: string[] = [];
    ends.hold('d1', 'sara', () => ended.push('sara board'));
    ends.hold('d1', 'sara', () => ended.push('sara feed'));
    ends.hold('d2', 'sara', () => ended.push('sara other session'));
    ends.hold('d3', 'sofia', () => ended.push('sofia'));
    ends.hold('d3', 'sofia', () => ended.push('sofia released'))();
    ends.ended({ digest: 'd1' });
    expect(ended).toEqual(['sara board', 'sara feed']);
    ends.ended({ username: 'sara' });
    expect(ended).toEqual(['sara board', 'sara feed', 'sara other session']);
    expect(ends.size).toBe(1);
  });

  it('asks once per session at the next sweep, then only at the expiry the store gave, and ends a session that is over', async () => {
    const ends = new SessionEnds();
    const ended: string[] = [];
    ends.hold('d1', 'sara', () => ended.push('d1 board'));
    ends.hold('d1', 'sara', () => ended.push('d1 feed'));
    ends.hold('d2', 'sofia', () => ended.push('d2'));
    const expiries = new Map<string, number | undefined>([['d1', 5_000], ['d2', 9_000]]);
    const asked: string[] = [];
    const expiryOf = async (digest: string) => {
      asked.push(digest);
      return expiries.get(digest);
    };
    await ends.sweep(1_000, expiryOf);
    expect(asked).toEqual(['d1', 'd2']);
    await ends.sweep(4_000, expiryOf);
    expect(asked).toEqual(['d1', 'd2']);
    // Activity moved d1's expiry: it lives on; then it is over.
    expiries.set('d1', 8_000);
    await ends.sweep(5_000, expiryOf);
    expect(ended).toEqual([]);
    expiries.set('d1', undefined);
    await ends.sweep(8_000, expiryOf);
    expect(ended).toEqual(['d1 board', 'd1 feed']);
    expect(asked).toEqual(['d1', 'd2', 'd1', 'd1']);
  });

  it('names an ending for the other nodes and reads it back; anything else is ignored', () => {
    expect(endingOf(endingId({ username: 'sara' }))).toEqual({ username: 'sara' });
    expect(endingOf(endingId({ digest: 'abc' }))).toEqual({ digest: 'abc' });
    expect(endingOf('tenant-1')).toBeUndefined();
  });
});
