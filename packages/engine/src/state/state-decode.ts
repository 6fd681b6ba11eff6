import { leftOut, StateMismatchError, TAG, TYPED, unpackStrings, type ClassRegistry, type StateGraph, type StateShape } from './state-graph.js';

/** Reads the value streams in order; the two passes over the nodes each walk them once from the start. */
class Streams {
  tag = 0;
  int = 0;
  float = 0;

  constructor(
    private readonly graph: StateGraph, private readonly strings: readonly string[], private readonly nodes: unknown[], private readonly functions: Map<number, unknown>,
  ) {}

  /** The next value, objects taken from `nodes` (the second pass, when every node exists). */
  read(): unknown {
    const g = this.graph;
    switch (g.tags[this.tag++]) {
      case TAG.INT: return g.ints[this.int++];
      case TAG.FLOAT: return g.floats[this.float++];
      case TAG.STR: return this.strings[g.ints[this.int++]!];
      case TAG.REF: return this.nodes[g.ints[this.int++]!];
      case TAG.TRUE: return true;
      case TAG.FALSE: return false;
      case TAG.NULL: return null;
      case TAG.FN: return this.functions.get(this.tag - 1);
      default: return undefined; // UNDEF, HOLE
    }
  }

  /** Whether the next value is a hole of an array, which then is passed over. */
  hole(): boolean {
    if (this.graph.tags[this.tag] !== TAG.HOLE) return false;
    this.tag++;
    return true;
  }
}

/**
 * Restores the graph into `fresh` (an engine built with the same configuration). Objects that the fresh graph holds at
 * the same place, with the same class, are filled in rather than replaced, so the closures they own stay bound to them.
 * Throws StateMismatchError when the state names a class this code lacks, or an object's fields differ from the fresh
 * one's (the code changed since the state was written), or the streams do not add up (a torn state).
 */
export function decodeGraph(graph: StateGraph, fresh: object, classes: ClassRegistry): void {
  const count = graph.nodeShapes.length;
  if (count === 0 || graph.sizes.length !== count || graph.shapes[graph.nodeShapes[0]!]?.k !== 'obj') throw new StateMismatchError('the state has no root object');
  const nodes = new Array<unknown>(count);
  const functions = new Map<number, unknown>();
  const protos = graph.shapes.map((shape) => (shape.k === 'obj' ? prototypeOf(shape.c, classes) : null));
  const literals = graph.shapes.map((shape, s) => (shape.k === 'obj' && protos[s] === Object.prototype ? literalOf(shape) : null));
  const fillers = graph.shapes.map((shape) => (shape.k === 'obj' ? fillerOf(shape) : null));
  const strings = unpackStrings(graph.strings);
  const starts = place(graph, strings, protos, literals, fresh, nodes, functions);
  const streams = new Streams(graph, strings, nodes, functions);
  // Last node first: a node's values mostly refer to nodes reached after it (numbered higher), so they exist by then.
  for (let i = count - 1; i >= 0; i--) {
    streams.tag = starts.tags[i]!;
    streams.int = starts.ints[i]!;
    streams.float = starts.floats[i]!;
    const s = graph.nodeShapes[i]!;
    const shape = graph.shapes[s]!;
    const literal = literals[s];
    const filler = fillers[s];
    if (nodes[i] === undefined && literal) nodes[i] = literal(streams);
    else if (filler) filler(nodes[i] as Record<string, unknown>, streams);
    else fill(shape, graph.sizes[i]!, nodes[i], streams);
    if (shape.k === 'obj' && shape.frozen) Object.freeze(nodes[i]);
  }
  if (nodes[0] !== fresh) throw new StateMismatchError('the state is not of this engine');
}

type Literal = (streams: Streams) => Record<string, unknown>;

/**
 * A plain object's maker: one object literal of its keys, in order. V8 gives an object built whole by a literal the
 * map the engine's own literals of those keys have, where an empty object given its fields one by one gets another: the
 * engine then runs polymorphic over its restored objects (measured twice as slow), and building them takes longer.
 */
function literalOf(shape: ObjectShape): Literal | null {
  if (shape.keys.includes('__proto__')) return null; // a literal would take it as the prototype
  // Each key is quoted by JSON.stringify: nothing the state holds is read as code.
  const fields = shape.keys.map((k, i) => `${JSON.stringify(k)}: ${valueCode(shape, i)}`);
  return new Function('s', `return {${fields.join(', ')}};`) as Literal;
}

type Filler = (o: Record<string, unknown>, streams: Streams) => void;

/**
 * An object's filler, compiled for its shape like a literal: each field stored by constant name, where a loop over
 * the keys stored every field of every class through one megamorphic store.
 */
function fillerOf(shape: ObjectShape): Filler | null {
  if (shape.keys.includes('__proto__')) return null; // a store would set the prototype
  const stores = shape.keys.map((k, i) => `o[${JSON.stringify(k)}] = ${valueCode(shape, i)};`);
  return new Function('o', 's', stores.join('\n')) as Filler;
}

/** The code of keys[i]'s value: read from the streams, or the empty value the shape says it holds. */
const valueCode = (shape: ObjectShape, i: number): string => {
  const empty = leftOut(shape, i);
  return empty === 'written' ? 's.read()' : String(empty);
};

type ObjectShape = Extract<StateShape, { k: 'obj' }>;

function prototypeOf(c: string, classes: ClassRegistry): object | null {
  if (c === '') return Object.prototype;
  if (c === '~') return null;
  const proto = classes.get(c);
  if (proto === undefined) throw new StateMismatchError(`the state holds a ${c}, a class this engine does not know`);
  return proto;
}

/** Where each node's values start in the three streams. */
interface Starts {
  tags: Int32Array;
  ints: Int32Array;
  floats: Int32Array;
}

/**
 * First pass: creates every node but the plain objects a literal builds (or takes the fresh engine's object at the
 * same place), finds the fresh engine's function for each function written, and notes where each node's values start.
 * A node's place is where it is first reached, in the order it was written.
 */
function place(
  graph: StateGraph, strings: readonly string[], protos: (object | null)[], literals: (Literal | null)[], fresh: object, nodes: unknown[],
  functions: Map<number, unknown>,
): Starts {
  const { shapes, nodeShapes, sizes, tags, ints, floats } = graph;
  const starts: Starts = { tags: new Int32Array(nodes.length), ints: new Int32Array(nodes.length), floats: new Int32Array(nodes.length) };
  const reached = new Uint8Array(nodes.length);
  let current = 0;
  const freshAt = new Map<number, unknown>([[0, fresh]]);
  const reused = new Set<object>();
  reached[0] = 1;
  let t = 0, ii = 0, fi = 0;
  /** Passes over one value; `counterpart` is what the fresh engine holds in its place, `of` and `at` say where (for errors only). */
  const visit = (counterpart: unknown, of: string, at: string | number): void => {
    switch (tags[t++]) {
      case TAG.INT: ii++; return;
      case TAG.FLOAT: fi++; return;
      case TAG.STR:
        if (ints[ii++]! >= strings.length) throw new StateMismatchError('a string the state does not hold');
        return;
      case TAG.REF: {
        const j = ints[ii++]!;
        if (j >= nodes.length || j < 0) throw new StateMismatchError(`node ${j} is missing`);
        // A reference back (a cycle, or an object shared with an earlier one): its node must exist before the last
        // pass reaches the referring node, so it is made now and given its fields one by one.
        if (j <= current && nodes[j] === undefined) nodes[j] = {};
        if (reached[j]) return;
        reached[j] = 1;
        if (typeof counterpart === 'object' && counterpart !== null) freshAt.set(j, counterpart);
        return;
      }
      case TAG.FN:
        if (typeof counterpart !== 'function') throw new StateMismatchError(`${of || 'object'}[${at}]: a function the fresh engine does not have`);
        functions.set(t - 1, counterpart);
        return;
      case undefined: throw new StateMismatchError('the state\'s values end early');
    }
  };
  /** A map key as a primitive (to find the fresh entry under it); an object key has no fresh counterpart. */
  const key = (): unknown => {
    switch (tags[t]) {
      case TAG.INT: return ints[ii];
      case TAG.FLOAT: return floats[fi];
      case TAG.STR: return strings[ints[ii]!];
      default: return undefined;
    }
  };
  /**
   * Passes over `count` values of a node the fresh engine has no counterpart of (nearly all of a day's): the work of
   * `visit` without its counterparts, in one loop. Such a node holds no function (only the fresh engine's objects do).
   */
  const skip = (count: number): void => {
    for (let k = 0; k < count; k++) {
      const tag = tags[t++];
      if (tag === TAG.FLOAT) fi++;
      else if (tag === TAG.INT) ii++;
      else if (tag === TAG.STR) {
        if (ints[ii++]! >= strings.length) throw new StateMismatchError('a string the state does not hold');
      } else if (tag === TAG.REF) {
        const j = ints[ii++]!;
        if (j >= nodes.length || j < 0) throw new StateMismatchError(`node ${j} is missing`);
        if (j <= current && nodes[j] === undefined) nodes[j] = {};
        reached[j] = 1;
      } else if (tag === TAG.FN) throw new StateMismatchError('a function the fresh engine does not have');
      else if (tag === undefined) throw new StateMismatchError('the state\'s values end early');
    }
  };
  const written = shapes.map((shape) => (shape.k === 'obj' ? shape.keys.filter((_, j) => leftOut(shape, j) === 'written').length : 0));
  for (let i = 0; i < nodes.length; i++) {
    const shape = shapes[nodeShapes[i]!];
    const size = sizes[i]!;
    const old = freshAt.get(i);
    if (shape === undefined) throw new StateMismatchError(`node ${i} has no shape`);
    current = i;
    starts.tags[i] = t;
    starts.ints[i] = ii;
    starts.floats[i] = fi;
    if (old === undefined && shape.k !== 'date' && shape.k !== 'typed') {
      if (shape.k === 'obj') {
        if (!literals[nodeShapes[i]!]) nodes[i] = protos[nodeShapes[i]!] === Object.prototype ? {} : Object.create(protos[nodeShapes[i]!]!);
        skip(written[nodeShapes[i]!]!);
      } else {
        nodes[i] = shape.k === 'arr' ? [] : shape.k === 'map' ? new Map() : new Set();
        skip(shape.k === 'map' ? 2 * size : size);
      }
      continue;
    }
    switch (shape.k) {
      case 'obj': {
        const proto = protos[nodeShapes[i]!]!;
        const kept = keep(old, proto, shape, reused);
        if (kept) nodes[i] = kept;
        else if (!literals[nodeShapes[i]!]) nodes[i] = proto === Object.prototype ? {} : Object.create(proto);
        for (let j = 0; j < shape.keys.length; j++) if (leftOut(shape, j) === 'written') visit(kept?.[shape.keys[j]!], shape.c, shape.keys[j]!);
        break;
      }
      case 'arr': {
        nodes[i] = [];
        const counterparts = Array.isArray(old) ? old : [];
        for (let j = 0; j < size; j++) visit(counterparts[j], 'array', j);
        break;
      }
      case 'map': {
        nodes[i] = new Map();
        for (let j = 0; j < size; j++) {
          const k = old instanceof Map ? key() : undefined;
          visit(undefined, 'map key', j);
          visit(old instanceof Map ? old.get(k) : undefined, 'map', j);
        }
        break;
      }
      case 'set':
        nodes[i] = new Set();
        for (let j = 0; j < size; j++) visit(undefined, 'set', j);
        break;
      case 'date': nodes[i] = new Date(floats[fi++]!); break;
      case 'typed': nodes[i] = new TYPED[shape.c](floats.subarray(fi, (fi += size))); break;
    }
  }
  if (t !== tags.length || ii !== ints.length || fi !== floats.length) throw new StateMismatchError('the state\'s values do not add up');
  return starts;
}

/** The fresh object to fill in place of a new one, if it is of the class written; its fields must be the state's. */
function keep(old: unknown, proto: object | null, shape: ObjectShape, reused: Set<object>): Record<string, unknown> | null {
  if (typeof old !== 'object' || old === null || Object.getPrototypeOf(old) !== proto || Object.isFrozen(old) || reused.has(old)) return null;
  reused.add(old);
  const fields = Object.keys(old);
  // A class's fields are its shape: a field added or removed since the state was written means another engine.
  if (proto !== Object.prototype && !sameKeys(fields, shape.keys)) {
    throw new StateMismatchError(`a ${shape.c}'s fields differ from the state's (${fields.join(',')} / ${shape.keys.join(',')})`);
  }
  const out = old as Record<string, unknown>;
  for (const k of fields) if (!shape.keys.includes(k)) delete out[k];
  return out;
}

/** Second pass: every node exists, so each takes its values. */
function fill(shape: StateShape, size: number, node: unknown, streams: Streams): void {
  switch (shape.k) {
    case 'obj': {
      const o = node as Record<string, unknown>;
      for (let j = 0; j < shape.keys.length; j++) {
        const empty = leftOut(shape, j);
        o[shape.keys[j]!] = empty === 'written' ? streams.read() : empty;
      }
      return;
    }
    case 'arr': {
      const a = node as unknown[];
      for (let j = 0; j < size; j++) if (!streams.hole()) a[j] = streams.read();
      a.length = size;
      return;
    }
    case 'map': {
      const m = node as Map<unknown, unknown>;
      for (let j = 0; j < size; j++) {
        const k = streams.read();
        m.set(k, streams.read());
      }
      return;
    }
    case 'set': {
      const s = node as Set<unknown>;
      for (let j = 0; j < size; j++) s.add(streams.read());
      return;
    }
    case 'date': streams.float += 1; return;
    case 'typed': streams.float += size; return;
  }
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((key) => set.has(key));
}
