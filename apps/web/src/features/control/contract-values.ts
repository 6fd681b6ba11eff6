import type { TSchema } from '@sinclair/typebox';

/** The values a contract's union of literals allows, in its order: the choices of a filter come from the contract. */
export function literalsOf<T extends string>(schema: TSchema & { static: T }): T[] {
  const members = (schema as { anyOf?: { const?: unknown }[] }).anyOf ?? [];
  return members.map((m) => m.const).filter((v): v is T => typeof v === 'string');
}
