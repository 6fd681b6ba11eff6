import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

export interface FieldError {
  path: string;
  message: string;
}

/** Bad settings: answered 400 with every offending field. */
export class InvalidConfigError extends Error {
  override name = 'InvalidConfigError';
  constructor(readonly details: FieldError[]) {
    super(`Invalid configuration: ${details.map((d) => `${d.path} ${d.message}`).join('; ')}`);
  }
}

export function assertValid(schema: TSchema, value: unknown, prefix = ''): void {
  const details = [...Value.Errors(schema, value)].map((e) => ({ path: `${prefix}${e.path || '/'}`, message: e.message }));
  if (details.length > 0) throw new InvalidConfigError(details);
}

/** Settings that pass the contract but that the engine cannot run on (its own rules, see configProblems). */
export function assertEngineAccepts(problems: readonly FieldError[]): void {
  if (problems.length > 0) throw new InvalidConfigError([...problems]);
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A partial body laid over the current settings: objects merge key by key, arrays and scalars replace, and `null`
 * removes an optional key (as in JSON Merge Patch), so a cleared field can be saved.
 */
export function mergeSettings(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = mergeSettings(base[key], value);
  }
  return merged;
}
