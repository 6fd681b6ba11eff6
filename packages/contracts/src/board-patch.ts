/**
 * How a board's value moves from what it holds to what it should hold, field by field: a patch names only the
 * fields that changed, nested objects as patches of their own; lists and scalars are whole. A field the value no
 * longer has is listed under `$removed` of the object that held it (a `null` is a value, not a removal).
 *
 *   diffValue(before, after)  → the patch, or UNCHANGED
 *   applyPatch(value, patch)  → the new value; objects along unchanged paths are kept (same identity)
 *   mergePatches(a, b)        → one patch bringing a value from before `a` to after `b`
 */
export const REMOVED = '$removed';
export const UNCHANGED: unique symbol = Symbol('unchanged');

type PlainObject = Record<string, unknown>;
type Removal = { [REMOVED]?: string[] };

/** Only the fields that changed, deep; lists and scalars whole. */
export type Patch<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: Patch<T[K]> } & Removal : T;

const isPlainObject = (value: unknown): value is PlainObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && sameValue(a[key], b[key]));
  }
  return false;
}

/** The patch from `before` to `after`: only objects on both sides are compared field by field. */
export function diffValue(before: unknown, after: unknown): unknown {
  if (before === after) return UNCHANGED;
  if (!isPlainObject(before) || !isPlainObject(after)) return sameValue(before, after) ? UNCHANGED : after;
  const patch: PlainObject = {};
  let changed = false;
  for (const key of Object.keys(after)) {
    const field = key in before ? diffValue(before[key], after[key]) : after[key];
    if (field === UNCHANGED) continue;
    patch[key] = field;
    changed = true;
  }
  const removed = Object.keys(before).filter((key) => !(key in after));
  if (removed.length > 0) {
    patch[REMOVED] = removed;
    changed = true;
  }
  return changed ? patch : UNCHANGED;
}

/** `value` with `patch` applied; neither is changed. Removals go first: a field removed and set again is set. */
export function applyPatch<T>(value: T, patch: Patch<T>): T {
  if (!isPlainObject(value) || !isPlainObject(patch)) return patch as T;
  const result: PlainObject = { ...value };
  for (const key of (patch[REMOVED] as string[] | undefined) ?? []) delete result[key];
  for (const [key, field] of Object.entries(patch)) {
    if (key !== REMOVED) result[key] = applyPatch(result[key], field as Patch<unknown>);
  }
  return result as T;
}

/** A patch that does what `earlier` then `later` do; a later whole value replaces whatever came before. */
export function mergePatches<T>(earlier: Patch<T>, later: Patch<T>): Patch<T> {
  if (!isPlainObject(earlier) || !isPlainObject(later)) return later;
  const merged: PlainObject = { ...earlier };
  const laterRemoved = (later[REMOVED] as string[] | undefined) ?? [];
  for (const key of laterRemoved) delete merged[key];
  for (const [key, field] of Object.entries(later)) {
    if (key === REMOVED) continue;
    merged[key] = key in merged ? mergePatches(merged[key], field) : field;
  }
  const removed = [...new Set([...((earlier[REMOVED] as string[] | undefined) ?? []), ...laterRemoved])];
  if (removed.length > 0) merged[REMOVED] = removed;
  return merged as Patch<T>;
}
