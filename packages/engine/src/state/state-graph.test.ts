import { describe, expect, it } from 'vitest';
import { decodeGraph } from './state-decode.js';
import { encodeGraph } from './state-encode.js';
import { OMITTABLE, packStrings, StateMismatchError, unpackStrings, type StateGraph } from './state-graph.js';

// A global of every runtime the engine runs in; the engine's own types leave the host's globals out.
declare const structuredClone: <T>(value: T) => T;

class Slot {
  constructor(public label: string | null, public at: number | undefined, public next: Slot | null) {}
}

/** `root`'s graph written, cloned as a checkpoint travels, and read into a fresh empty root. */
function roundTrip(root: Record<string, unknown>): { back: Record<string, unknown>; graph: StateGraph } {
  const graph = structuredClone(encodeGraph(root));
  const back: Record<string, unknown> = {};
  decodeGraph(graph, back, new Map([['Slot', Slot.prototype]]));
  return { back, graph };
}

describe('state graph', () => {
  it('leaves null and undefined fields out of the streams and gives them back, past the omittable keys too', () => {
    const wide = Object.fromEntries(Array.from({ length: OMITTABLE + 4 }, (_, i) => [`k${i}`, [null, undefined, `s${i % 3}`, i * 1.5][i % 4]]));
    const { back, graph } = roundTrip({ wide, again: { ...wide } });
    expect(back).toEqual({ wide, again: wide });
    expect(Object.keys(back.wide as object)).toEqual(Object.keys(wide));
    expect('k1' in (back.wide as object)).toBe(true); // an undefined field is still a field
    const empty = Object.values(wide).slice(0, OMITTABLE).filter((v) => v === null || v === undefined).length;
    expect(graph.tags.length).toBe(2 + 2 * (OMITTABLE + 4 - empty)); // the root's two references, each copy's written fields
  });

  it('objects of one class that leave different fields empty keep their class, values and field order', () => {
    const tail = new Slot(null, undefined, null);
    const head = new Slot('a', 1_700_000_000_123, tail);
    const { back } = roundTrip({ head, tail });
    expect(back.head).toBeInstanceOf(Slot);
    expect(back.head).toEqual(head);
    expect((back.head as Slot).next).toBe(back.tail);
    expect(Object.keys(back.tail as object)).toEqual(['label', 'at', 'next']);
  });

  it('strings equal in content but built apart, or repeated field after field, come back equal', () => {
    const parts = ['con', 'tact'];
    const rows = Array.from({ length: 5 }, (_, i) => ({ type: 'contact.queued', id: parts.join('') + String(i % 2), queue: i < 3 ? 'q1' : 'q2' }));
    expect(roundTrip({ rows }).back).toEqual({ rows });
  });

  it('strings of one-byte and wider characters, empty ones and long ones, come back as they were, each in its place', () => {
    const texts = ['', 'caffè', 'Łódź', '电话', 'a'.repeat(40), '\u0001\u0002', '😀 wait', 'x'];
    const rows = texts.map((t, i) => ({ t, i }));
    const { back } = roundTrip({ rows });
    expect(back).toEqual({ rows });
    const packed = packStrings(texts);
    expect([packed.narrow.length, packed.wide.length]).toEqual([5 + 40 + 2 + 1, 4 + 2 + 7]);
    expect(unpackStrings(packed)).toEqual(texts);
    expect(() => unpackStrings({ ...packed, narrow: packed.narrow.slice(1) })).toThrow(StateMismatchError);
  });

  it('keeps shared objects shared, cycles, and frozen objects frozen', () => {
    const shared = Object.freeze({ n: 1, empty: null });
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const { back } = roundTrip({ a: shared, b: [shared, shared], cyclic });
    expect(back.a).toBe((back.b as unknown[])[1]);
    expect(Object.isFrozen(back.a)).toBe(true);
    expect(back.a).toEqual({ n: 1, empty: null });
    const loop = back.cyclic as Record<string, unknown>;
    expect(loop.self).toBe(loop);
  });
});
