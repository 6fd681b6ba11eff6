import { classOf, OMITTABLE, packStrings, StateMismatchError, TAG, typedName, type StateGraph, type StateShape, type Typed } from './state-graph.js';

/**
 * A typed array that grows as it is written, like an array, without boxing its numbers. It grows by chunks, never
 * copied until the one array `done` returns: doubling one array copied it a score of times and made each copy an
 * external allocation, and V8 answers external memory growth with full collections of the (large) heap.
 */
class Column<T extends Uint8Array | Int32Array | Float64Array> {
  private readonly full: T[] = [];
  private chunk: T;
  private used = 0;

  constructor(private readonly make: (size: number) => T) {
    this.chunk = make(FIRST_CHUNK);
  }

  push(value: number): void {
    if (this.used === this.chunk.length) this.next();
    this.chunk[this.used++] = value;
  }

  pushAll(values: ArrayLike<number>): void {
    for (let i = 0; i < values.length; i++) this.push(values[i]!);
  }

  /** Everything written, in one array of its length. */
  done(): T {
    const filled = this.full.reduce((sum, chunk) => sum + chunk.length, 0);
    const out = this.make(filled + this.used);
    let at = 0;
    for (const chunk of this.full) {
      out.set(chunk, at);
      at += chunk.length;
    }
    out.set(this.chunk.subarray(0, this.used), at);
    return out;
  }

  private next(): void {
    this.full.push(this.chunk);
    this.chunk = this.make(Math.min(this.chunk.length * 2, LAST_CHUNK));
    this.used = 0;
  }
}

/** Chunks start small (a test's engine writes a few hundred values) and stop doubling at a million values. */
const FIRST_CHUNK = 1024;
const LAST_CHUNK = 1 << 20;

const isInt32 = (v: number) => (v | 0) === v && !Object.is(v, -0);

/** Writes the graph reachable from `root` (node 0). */
export function encodeGraph(root: object): StateGraph {
  const ids = new Map<object, number>();
  const pending: object[] = [];
  const shapes: StateShape[] = [];
  const shapeIds = new Map<string, number>();
  const stringIds = new Map<string, number>();
  const strings: string[] = [];
  const nodeShapes = new Column((n) => new Int32Array(n));
  const sizes = new Column((n) => new Int32Array(n));
  const tags = new Column((n) => new Uint8Array(n));
  const ints = new Column((n) => new Int32Array(n));
  const floats = new Column((n) => new Float64Array(n));

  const shapeOf = (key: string, make: () => StateShape): number => {
    let id = shapeIds.get(key);
    if (id === undefined) {
      id = shapes.push(make()) - 1;
      shapeIds.set(key, id);
    }
    return id;
  };
  const ref = (o: object): number => {
    let id = ids.get(o);
    if (id === undefined) {
      id = pending.push(o) - 1;
      ids.set(o, id);
    }
    return id;
  };
  const stringId = (v: string): number => {
    let id = stringIds.get(v);
    if (id === undefined) {
      id = strings.push(v) - 1;
      stringIds.set(v, id);
    }
    return id;
  };
  const stringAt = (id: number): void => {
    tags.push(TAG.STR);
    ints.push(id);
  };
  const value = (v: unknown): void => {
    switch (typeof v) {
      case 'number':
        if (isInt32(v)) return (tags.push(TAG.INT), ints.push(v));
        return (tags.push(TAG.FLOAT), floats.push(v));
      case 'string': return stringAt(stringId(v));
      case 'boolean': return tags.push(v ? TAG.TRUE : TAG.FALSE);
      case 'undefined': return tags.push(TAG.UNDEF);
      case 'function': return tags.push(TAG.FN);
      case 'object': return v === null ? tags.push(TAG.NULL) : (tags.push(TAG.REF), ints.push(ref(v)));
      default: throw new StateMismatchError(`a ${typeof v} cannot be written`);
    }
  };

  /** The layouts met so far, by prototype: found by comparing key lists, not by building a key. */
  const layoutsByProto = new Map<object | null, Layout[]>();
  const layoutOf = (o: object, proto: object | null): Layout => {
    const keys = Object.keys(o);
    const frozen = Object.isFrozen(o);
    let known = layoutsByProto.get(proto);
    if (!known) layoutsByProto.set(proto, (known = []));
    for (const layout of known) if (layout.frozen === frozen && sameList(layout.keys, keys)) return layout;
    // The key list is part of the layout: instances of one class whose fields were added in another order differ.
    const layout: Layout = { c: classOf(o), keys, frozen, write: writerOf(keys, { value, stringId, stringAt }), shapes: new Map() };
    known.push(layout);
    return layout;
  };
  const objectShape = (layout: Layout, empty: number): number => {
    let id = layout.shapes.get(empty);
    if (id === undefined) {
      const nulls = Math.floor(empty / EMPTY_SPLIT), undefs = empty % EMPTY_SPLIT;
      id = shapes.push({ k: 'obj', c: layout.c, keys: layout.keys, frozen: layout.frozen, nulls, undefs }) - 1;
      layout.shapes.set(empty, id);
    }
    return id;
  };

  const write = (o: object): void => {
    const proto = Object.getPrototypeOf(o) as object | null;
    if (proto === Object.prototype || !(Array.isArray(o) || o instanceof Map || o instanceof Set || o instanceof Date || ArrayBuffer.isView(o))) {
      if (o instanceof WeakMap || o instanceof WeakSet || o instanceof Promise) throw new StateMismatchError(`a ${classOf(o)} cannot be written`);
      const layout = layoutOf(o, proto);
      nodeShapes.push(objectShape(layout, layout.write(o)));
      sizes.push(0);
    } else if (Array.isArray(o)) {
      nodeShapes.push(shapeOf('[]', () => ({ k: 'arr' })));
      sizes.push(o.length);
      for (let j = 0; j < o.length; j++) {
        if (j in o) value(o[j]);
        else tags.push(TAG.HOLE);
      }
    } else if (o instanceof Map) {
      nodeShapes.push(shapeOf('Map', () => ({ k: 'map' })));
      sizes.push(o.size);
      for (const [key, v] of o) {
        value(key);
        value(v);
      }
    } else if (o instanceof Set) {
      nodeShapes.push(shapeOf('Set', () => ({ k: 'set' })));
      sizes.push(o.size);
      for (const v of o) value(v);
    } else if (o instanceof Date) {
      nodeShapes.push(shapeOf('Date', () => ({ k: 'date' })));
      sizes.push(0);
      floats.push(o.getTime());
    } else {
      const c = typedName(o);
      if (!c) throw new StateMismatchError(`a ${classOf(o)} cannot be written`);
      nodeShapes.push(shapeOf(c, () => ({ k: 'typed', c })));
      sizes.push((o as Typed).length);
      floats.pushAll(o as Typed);
    }
  };

  ref(root);
  for (let i = 0; i < pending.length; i++) write(pending[i]!);
  return {
    shapes, nodeShapes: nodeShapes.done(), sizes: sizes.done(), tags: tags.done(), ints: ints.done(), floats: floats.done(), strings: packStrings(strings),
  };
}

/** How objects of one prototype with one list of own keys are written. */
interface Layout {
  c: string;
  keys: string[];
  frozen: boolean;
  /** Writes the object's values in key order but the empty ones; returns which were empty, as nulls * EMPTY_SPLIT + undefs. */
  write: Writer;
  /** The shape of each set of empty keys. */
  shapes: Map<number, number>;
}

type Writer = (o: object) => number;

/** How a writer writes values: any value, or a string by its interned number. */
interface Output {
  value: (v: unknown) => void;
  stringId: (v: string) => number;
  stringAt: (id: number) => void;
}

const EMPTY_SPLIT = 2 ** OMITTABLE;

/**
 * A layout's writer, compiled for its keys: it reads each field by constant name, and a null or undefined field among
 * the first OMITTABLE is not written but named in the returned masks (its shape says it), since a day's contact steps
 * and timeline entries are a quarter empty fields. Each field keeps its last string and that string's number, so a
 * field that repeats itself (a type, a queue, the agent of a timeline's entries) is not looked up again in the
 * interning map, the export's costliest part with the map of objects. Safe to compile: each key is quoted by
 * JSON.stringify, so no key is read as code; an own `__proto__` (a parsed payload's) would be read as the prototype,
 * so it is read generically.
 */
function writerOf(keys: readonly string[], out: Output): Writer {
  if (keys.includes('__proto__')) return genericWriter(keys, out);
  const omittable = keys.slice(0, OMITTABLE);
  const caches = omittable.map((_, i) => `s${i} = null, n${i} = 0`);
  const lines = keys.map((k, i) => {
    const field = `o[${JSON.stringify(k)}]`;
    if (i >= OMITTABLE) return `value(${field});`;
    const text = `if (x !== s${i}) { s${i} = x; n${i} = stringId(x); } stringAt(n${i});`;
    return `x = ${field}; if (x === null) nulls |= ${1 << i}; else if (x === undefined) undefs |= ${1 << i}; else if (typeof x === 'string') { ${text} } else value(x);`;
  });
  const body = `let ${caches.join(', ') || 'none'};
return function (o) {
let x, nulls = 0, undefs = 0;
${lines.join('\n')}
return nulls * ${EMPTY_SPLIT} + undefs;
};`;
  return (new Function('value', 'stringId', 'stringAt', body) as (...args: Output[keyof Output][]) => Writer)(out.value, out.stringId, out.stringAt);
}

function genericWriter(keys: readonly string[], { value }: Output): Writer {
  return (o) => {
    for (const k of keys) value(Object.getOwnPropertyDescriptor(o, k)?.value);
    return 0;
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
