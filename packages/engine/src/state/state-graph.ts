/**
 * The engine's state as plain data: its whole object graph (class instances, plain objects, arrays, maps, sets, typed
 * arrays) written as a flat table of nodes, shared references and cycles kept. Generic on purpose: a field any part of
 * the engine gains is carried without anyone remembering to add it (the split-replay property test holds this).
 *
 * Functions cannot be written: closures the engine builds in its constructors are kept from the fresh engine the state
 * is restored into (same configuration, so the same closures), matched by their place in the graph.
 */

/** A value in a node: JSON's own scalars as they are, anything else tagged. */
export type StateValue =
  | string | boolean | null | number
  | { $: 'ref'; i: number }
  | { $: 'undef' }
  | { $: 'num'; v: 'NaN' | 'Infinity' | '-Infinity' | '-0' }
  | { $: 'fn' }
  | { $: 'hole' };

/** One object of the graph. `c`: the class name; '' a plain object, '~' one without a prototype. */
export type StateNode =
  | { k: 'obj'; c: string; f: Record<string, StateValue>; frozen?: true }
  | { k: 'arr'; v: StateValue[] }
  | { k: 'map'; v: [StateValue, StateValue][] }
  | { k: 'set'; v: StateValue[] }
  | { k: 'typed'; c: TypedName; v: number[] }
  | { k: 'date'; v: number };

export interface StateGraph {
  root: number;
  nodes: StateNode[];
}

/** The state does not fit the code restoring it: another version, or a class this engine does not have. */
export class StateMismatchError extends Error {
  override readonly name = 'StateMismatchError';
}

const TYPED = { Float64Array, Float32Array, Int32Array, Uint32Array, Int16Array, Uint16Array, Int8Array, Uint8Array } as const;
type TypedName = keyof typeof TYPED;
type Typed = InstanceType<(typeof TYPED)[TypedName]>;

const typedName = (value: object): TypedName | null => {
  const name = value.constructor?.name as TypedName | undefined;
  return name !== undefined && Object.hasOwn(TYPED, name) && value instanceof TYPED[name] ? name : null;
};

function classOf(value: object): string {
  const proto = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
  if (proto === null) return '~';
  if (proto === Object.prototype) return '';
  const name = proto.constructor?.name;
  if (!name) throw new StateMismatchError('an object of an anonymous class cannot be written');
  return name;
}

/** Writes the graph reachable from `root`. */
export function encodeGraph(root: object): StateGraph {
  const ids = new Map<object, number>();
  const nodes: StateNode[] = [];

  const value = (v: unknown): StateValue => {
    switch (typeof v) {
      case 'string': case 'boolean': return v;
      case 'undefined': return { $: 'undef' };
      case 'number':
        if (Number.isNaN(v)) return { $: 'num', v: 'NaN' };
        if (v === Infinity) return { $: 'num', v: 'Infinity' };
        if (v === -Infinity) return { $: 'num', v: '-Infinity' };
        return Object.is(v, -0) ? { $: 'num', v: '-0' } : v;
      case 'function': return { $: 'fn' };
      case 'object': return v === null ? null : { $: 'ref', i: node(v) };
      default: throw new StateMismatchError(`a ${typeof v} cannot be written`);
    }
  };

  const node = (o: object): number => {
    const known = ids.get(o);
    if (known !== undefined) return known;
    const i = nodes.length;
    ids.set(o, i);
    nodes.push({ k: 'date', v: 0 }); // placeholder: children get later ids, so cycles resolve to this one
    nodes[i] = describe(o);
    return i;
  };

  const describe = (o: object): StateNode => {
    if (Array.isArray(o)) return { k: 'arr', v: Array.from(o.keys(), (j) => (j in o ? value(o[j]) : { $: 'hole' })) };
    if (o instanceof Map) return { k: 'map', v: [...o].map(([key, v]) => [value(key), value(v)] as [StateValue, StateValue]) };
    if (o instanceof Set) return { k: 'set', v: [...o].map(value) };
    if (o instanceof Date) return { k: 'date', v: o.getTime() };
    const typed = typedName(o);
    if (typed) return { k: 'typed', c: typed, v: Array.from(o as Typed) };
    if (o instanceof WeakMap || o instanceof WeakSet || o instanceof Promise) throw new StateMismatchError(`a ${classOf(o)} cannot be written`);
    const f: Record<string, StateValue> = {};
    for (const key of Object.keys(o)) f[key] = value((o as Record<string, unknown>)[key]);
    return Object.isFrozen(o) ? { k: 'obj', c: classOf(o), f, frozen: true } : { k: 'obj', c: classOf(o), f };
  };

  return { root: node(root), nodes };
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

/**
 * Restores the graph into `fresh` (an engine built with the same configuration). Objects that the fresh graph holds at
 * the same place, with the same class, are filled in rather than replaced, so the closures they own stay bound to them.
 * Throws StateMismatchError when the state names a class this code lacks, or an object's fields differ from the fresh
 * one's (the code changed since the state was written).
 */
export function decodeGraph(graph: StateGraph, fresh: object, classes: ClassRegistry): void {
  const built = new Map<number, unknown>();
  const reused = new Set<object>();

  const value = (v: StateValue, at: unknown, where: string): unknown => {
    if (v === null || typeof v !== 'object') return v;
    switch (v.$) {
      case 'undef': case 'hole': return undefined;
      case 'num': return v.v === '-0' ? -0 : Number(v.v);
      case 'fn':
        if (typeof at !== 'function') throw new StateMismatchError(`${where}: a function the fresh engine does not have`);
        return at;
      case 'ref': return node(v.i, at);
    }
  };

  const node = (i: number, at: unknown): unknown => {
    if (built.has(i)) return built.get(i);
    const n = graph.nodes[i];
    if (!n) throw new StateMismatchError(`node ${i} is missing`);
    switch (n.k) {
      case 'arr': {
        const out: unknown[] = [];
        built.set(i, out);
        const old = Array.isArray(at) ? at : [];
        out.length = n.v.length;
        n.v.forEach((v, j) => {
          if (v === null || typeof v !== 'object' || v.$ !== 'hole') out[j] = value(v, old[j], 'array');
        });
        return out;
      }
      case 'map': {
        const out = new Map<unknown, unknown>();
        built.set(i, out);
        const old = at instanceof Map ? at : new Map();
        for (const [k, v] of n.v) {
          const key = value(k, undefined, 'map key');
          out.set(key, value(v, old.get(key), 'map'));
        }
        return out;
      }
      case 'set': {
        const out = new Set<unknown>();
        built.set(i, out);
        for (const v of n.v) out.add(value(v, undefined, 'set'));
        return out;
      }
      case 'typed': {
        const out = new TYPED[n.c](n.v);
        built.set(i, out);
        return out;
      }
      case 'date': {
        const out = new Date(n.v);
        built.set(i, out);
        return out;
      }
      case 'obj': return object(i, n, at);
    }
  };

  const object = (i: number, n: Extract<StateNode, { k: 'obj' }>, at: unknown): object => {
    const proto = n.c === '' ? Object.prototype : n.c === '~' ? null : classes.get(n.c);
    if (proto === undefined) throw new StateMismatchError(`the state holds a ${n.c}, a class this engine does not know`);
    const keep = typeof at === 'object' && at !== null && Object.getPrototypeOf(at) === proto && !Object.isFrozen(at) && !reused.has(at);
    const out = (keep ? at : Object.create(proto)) as Record<string, unknown>;
    built.set(i, out);
    if (keep) {
      reused.add(out);
      // A class's fields are its shape: a field added or removed since the state was written means another engine.
      if (proto !== Object.prototype && !sameKeys(Object.keys(out), Object.keys(n.f))) {
        throw new StateMismatchError(`a ${n.c}'s fields differ from the state's (${Object.keys(out).join(',')} / ${Object.keys(n.f).join(',')})`);
      }
      for (const key of Object.keys(out)) if (!Object.hasOwn(n.f, key)) delete out[key];
    }
    const old = (keep ? { ...out } : {}) as Record<string, unknown>;
    for (const [key, v] of Object.entries(n.f)) out[key] = value(v, old[key], `${n.c || 'object'}.${key}`);
    if (n.frozen) Object.freeze(out);
    return out;
  };

  if (graph.nodes[graph.root]?.k !== 'obj') throw new StateMismatchError('the state has no root object');
  node(graph.root, fresh);
  if (built.get(graph.root) !== fresh) throw new StateMismatchError('the state is not of this engine');
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((key) => set.has(key));
}
