import { classOf, OMITTABLE, StateMismatchError, TAG, typedName, type StateGraph, type StateShape, type Typed } from './state-graph.js';

/** A typed array that grows as it is written, like an array, without boxing its numbers. */
class Column<T extends Uint8Array | Int32Array | Float64Array> {
  private data: T;
  length = 0;

  constructor(private readonly make: (size: number) => T) {
    this.data = make(1024);
  }

  push(value: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = value;
  }

  pushAll(values: ArrayLike<number>): void {
    if (this.length + values.length > this.data.length) this.grow(this.length + values.length);
    for (let i = 0; i < values.length; i++) this.data[this.length + i] = values[i]!;
    this.length += values.length;
  }

  /** The written part, in an array of its own length (a copy: the column's spare room is not carried). */
  done(): T {
    return this.data.slice(0, this.length) as T;
  }

  private grow(needed: number): void {
    const next = this.make(Math.max(needed, this.data.length * 2));
    next.set(this.data);
    this.data = next;
  }
}

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
  const value = (v: unknown): void => {
    switch (typeof v) {
      case 'number':
        if (isInt32(v)) return (tags.push(TAG.INT), ints.push(v));
        return (tags.push(TAG.FLOAT), floats.push(v));
      case 'string': {
        let id = stringIds.get(v);
        if (id === undefined) {
          id = strings.push(v) - 1;
          stringIds.set(v, id);
        }
        return (tags.push(TAG.STR), ints.push(id));
      }
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
    const layout: Layout = { c: classOf(o), keys, frozen, write: writerOf(keys), shapes: new Map() };
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
      nodeShapes.push(objectShape(layout, layout.write(o, value)));
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
    shapes, nodeShapes: nodeShapes.done(), sizes: sizes.done(), tags: tags.done(), ints: ints.done(), floats: floats.done(), strings,
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

type Writer = (o: object, value: (v: unknown) => void) => number;

const EMPTY_SPLIT = 2 ** OMITTABLE;

/**
 * A layout's writer, compiled for its keys: it reads each field by constant name, and a null or undefined field among
 * the first OMITTABLE is not written but named in the returned masks (its shape says it), since a day's contact steps
 * and timeline entries are a quarter empty fields. Safe to compile: each key is quoted by JSON.stringify, so no key
 * is read as code; an own `__proto__` (a parsed payload's) would be read as the prototype, so it is read generically.
 */
function writerOf(keys: readonly string[]): Writer {
  if (keys.includes('__proto__')) return genericWriter(keys);
  const lines = keys.map((k, i) => {
    const field = `o[${JSON.stringify(k)}]`;
    if (i >= OMITTABLE) return `value(${field});`;
    return `x = ${field}; if (x === null) nulls |= ${1 << i}; else if (x === undefined) undefs |= ${1 << i}; else value(x);`;
  });
  return new Function('o', 'value', `let x, nulls = 0, undefs = 0;\n${lines.join('\n')}\nreturn nulls * ${EMPTY_SPLIT} + undefs;`) as Writer;
}

function genericWriter(keys: readonly string[]): Writer {
  return (o, value) => {
    for (const k of keys) value(Object.getOwnPropertyDescriptor(o, k)?.value);
    return 0;
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
