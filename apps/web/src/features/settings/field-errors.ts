import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/** The contract's own validation, in the browser: JSON pointer of each bad field → its first message. */
export function fieldErrors(schema: TSchema, value: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const error of Value.Errors(schema, value)) errors[error.path || '/'] ??= error.message;
  return errors;
}
