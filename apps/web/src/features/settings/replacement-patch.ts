const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The body that makes the server hold `next` exactly. A PUT merges onto what is stored, so a key the form cleared
 * (a queue's team, a calendar's patron saint's day, a rule's scope id) is sent as `null`, which removes it.
 */
export function replacementPatch(stored: unknown, next: unknown): unknown {
  if (!isPlainObject(stored) || !isPlainObject(next)) return next;
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(stored)) if (!(key in next)) patch[key] = null;
  for (const [key, value] of Object.entries(next)) patch[key] = replacementPatch(stored[key], value);
  return patch;
}
