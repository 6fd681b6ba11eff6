import { classOf, StateMismatchError, TAG, typedName, type StateGraph, type StateShape, type Typed } from './state-graph.js';

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

  /** The shape of an object of that prototype with those keys: found by comparing key lists, not by building a key. */
  const shapesByProto = new Map<object | null, { id: number; keys: string[]; frozen: boolean }[]>();
  const objectShape = (o: object, proto: object | null, keys: string[]): number => {
    const frozen = Object.isFrozen(o);
    let known = shapesByProto.get(proto);
    if (!known) shapesByProto.set(proto, (known = []));
    for (const shape of known) if (shape.frozen === frozen && sameList(shape.keys, keys)) return shape.id;
    // The key list is part of the shape: instances of one class whose fields were added in another order differ.
    const id = shapes.push({ k: 'obj', c: classOf(o), keys, frozen }) - 1;
    known.push({ id, keys, frozen });
    return id;
  };

  const write = (o: object): void => {
    const proto = Object.getPrototypeOf(o) as object | null;
    if (proto === Object.prototype || !(Array.isArray(o) || o instanceof Map || o instanceof Set || o instanceof Date || ArrayBuffer.isView(o))) {
      if (o instanceof WeakMap || o instanceof WeakSet || o instanceof Promise) throw new StateMismatchError(`a ${classOf(o)} cannot be written`);
      const keys = Object.keys(o);
      nodeShapes.push(objectShape(o, proto, keys));
      sizes.push(0);
      for (let j = 0; j < keys.length; j++) value((o as Record<string, unknown>)[keys[j]!]);
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

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
