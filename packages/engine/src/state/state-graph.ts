/**
 * The engine's state as plain data: its whole object graph (class instances, plain objects, arrays, maps, sets, typed
 * arrays, dates) written as a flat table of nodes, shared references and cycles kept. Generic on purpose: a field any
 * part of the engine gains is carried without anyone remembering to add it (the split-replay property test holds this).
 *
 * Columnar rather than one record per node: a day's state is millions of small objects, and a record per object (the
 * first format, JSON) took longer to write and read back than replaying the journal. Here each shape (a class and its
 * field names) is written once, and the values are numbers in typed arrays with interned strings beside them, which a
 * structured clone (v8.serialize, postMessage) copies at memory speed and the decoder reads in two flat passes.
 *
 * Functions cannot be written: closures the engine builds in its constructors are kept from the fresh engine the state
 * is restored into (same configuration, so the same closures), matched by their place in the graph.
 */

export const TYPED = { Float64Array, Float32Array, Int32Array, Uint32Array, Int16Array, Uint16Array, Int8Array, Uint8Array } as const;
export type TypedName = keyof typeof TYPED;
export type Typed = InstanceType<(typeof TYPED)[TypedName]>;

/**
 * What a node is. `c` of an object: its class name; '' a plain object, '~' one without a prototype. `nulls` and
 * `undefs`: the keys whose value is null, or undefined, and so is not written (bit i for keys[i], only among the first
 * OMITTABLE): objects of one class differ in shape by which of their fields are empty. Arrays, maps, sets and typed arrays take their length
 * from `sizes`; a date and a typed array's contents are numbers in `floats`.
 */
export type StateShape =
  | { k: 'obj'; c: string; keys: string[]; frozen: boolean; nulls: number; undefs: number }
  | { k: 'arr' } | { k: 'map' } | { k: 'set' } | { k: 'date' }
  | { k: 'typed'; c: TypedName };

/** How many of an object's first keys may be left out when null or undefined: two such masks make a shape's exact key (2^52). */
export const OMITTABLE = 26;

/** What keys[i] of an object shape holds when it is not written: null, undefined, or nothing (it is written). */
export function leftOut(shape: { nulls: number; undefs: number }, i: number): null | undefined | 'written' {
  if (i >= OMITTABLE) return 'written';
  if ((shape.nulls >>> i) & 1) return null;
  return (shape.undefs >>> i) & 1 ? undefined : 'written';
}

/** How a value is written: its tag, and its number in `ints` (INT, STR, REF) or `floats` (FLOAT). */
export const TAG = { INT: 0, FLOAT: 1, STR: 2, REF: 3, TRUE: 4, FALSE: 5, NULL: 6, UNDEF: 7, FN: 8, HOLE: 9 } as const;

/**
 * Node 0 is the root. Nodes are numbered in the order they are first reached (breadth first), and each node's values
 * follow the previous node's in the streams: an object's in its shape's key order, an array's, a set's, a map's as
 * key, value, key, value.
 */
export interface StateGraph {
  shapes: StateShape[];
  /** per node: its shape's index */
  nodeShapes: Int32Array;
  /** per node: its length (array, map entries, set, typed array), 0 for the others */
  sizes: Int32Array;
  tags: Uint8Array;
  ints: Int32Array;
  floats: Float64Array;
  strings: PackedStrings;
}

/**
 * The graph's strings, by number, joined into two long strings (one of those whose characters all fit in a byte, one
 * of the others) with where each ends. A day's state holds hundreds of thousands of strings (a dormant contact and an
 * agent's archive are each one), and read back one by one each was a young object the collector copied twice over on
 * a restart (most of its time); one long string is allocated once, beyond the young generation, and each string is
 * then a slice of it (V8 makes a long slice a small view, not a copy). Two, so that one character beyond a byte does
 * not make every string of the day two bytes a character.
 */
export interface PackedStrings {
  narrow: string;
  wide: string;
  /** per string: its end in its long string */
  ends: Int32Array;
  /** per string: 1 when it is in `wide` */
  isWide: Uint8Array;
}

/** A UTF-16 unit beyond a byte (surrogates of characters beyond the plane are in the range too). */
const BEYOND_A_BYTE = /[\u0100-\uffff]/;

export function packStrings(list: readonly string[]): PackedStrings {
  const narrow: string[] = [];
  const wide: string[] = [];
  const ends = new Int32Array(list.length);
  const isWide = new Uint8Array(list.length);
  let narrowEnd = 0;
  let wideEnd = 0;
  list.forEach((s, i) => {
    if (BEYOND_A_BYTE.test(s)) {
      wide.push(s);
      isWide[i] = 1;
      ends[i] = wideEnd += s.length;
    } else {
      narrow.push(s);
      ends[i] = narrowEnd += s.length;
    }
  });
  return { narrow: narrow.join(''), wide: wide.join(''), ends, isWide };
}

export function unpackStrings(packed: PackedStrings): string[] {
  const { narrow, wide, ends, isWide } = packed ?? {};
  if (typeof narrow !== 'string' || typeof wide !== 'string' || !(ends instanceof Int32Array) || !(isWide instanceof Uint8Array) || ends.length !== isWide.length) {
    throw new StateMismatchError('the state holds no strings table');
  }
  const list = new Array<string>(ends.length);
  let narrowAt = 0;
  let wideAt = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i]!;
    if (isWide[i]) list[i] = wide.slice(wideAt, (wideAt = end));
    else list[i] = narrow.slice(narrowAt, (narrowAt = end));
  }
  if (narrowAt !== narrow.length || wideAt !== wide.length) throw new StateMismatchError('the strings table does not add up');
  return list;
}

/** The state does not fit the code restoring it: another version, or a class this engine does not have. */
export class StateMismatchError extends Error {
  override readonly name = 'StateMismatchError';
}

export const typedName = (value: object): TypedName | null => {
  const name = value.constructor?.name as TypedName | undefined;
  return name !== undefined && Object.hasOwn(TYPED, name) && value instanceof TYPED[name] ? name : null;
};

export function classOf(value: object): string {
  const proto = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
  if (proto === null) return '~';
  if (proto === Object.prototype) return '';
  const name = proto.constructor?.name;
  if (!name) throw new StateMismatchError('an object of an anonymous class cannot be written');
  return name;
}

/** Prototypes by class name: those the fresh engine holds, plus those only events create. */
export type ClassRegistry = ReadonlyMap<string, object>;

/** Collects the class prototypes reachable from `root`, with each class's field names as a sample. */
export function classesIn(root: object, into = new Map<string, object>()): Map<string, object> {
  const seen = new Set<object>();
  const visit = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v) || v instanceof Set) return [...v].forEach(visit);
    if (v instanceof Map) return [...v].forEach(([key, x]) => (visit(key), visit(x)));
    if (v instanceof Date || typedName(v)) return;
    const c = classOf(v);
    if (c !== '' && c !== '~') register(into, c, Object.getPrototypeOf(v) as object);
    Object.values(v).forEach(visit);
  };
  visit(root);
  return into;
}

export function register(into: Map<string, object>, name: string, proto: object): void {
  const known = into.get(name);
  if (known !== undefined && known !== proto) throw new StateMismatchError(`two classes are named ${name}: the state could not tell them apart`);
  into.set(name, proto);
}
