import type { TSchema } from '@sinclair/typebox';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import { Value } from '@sinclair/typebox/value';
import type { Locale } from '../../lib/i18n/messages.js';

const TEXT = {
  en: {
    atLeast: 'At least {limit}', atMost: 'At most {limit}', whole: 'Must be a whole number', number: 'Must be a number',
    empty: 'Must not be empty', tooLong: 'At most {limit} characters', format: 'Not in the format asked for',
    tooMany: 'At most {limit} entries', required: 'Required',
  },
  it: {
    atLeast: 'Almeno {limit}', atMost: 'Al massimo {limit}', whole: 'Deve essere un numero intero', number: 'Deve essere un numero',
    empty: 'Non può essere vuoto', tooLong: 'Al massimo {limit} caratteri', format: 'Non è nel formato richiesto',
    tooMany: 'Al massimo {limit} voci', required: 'Obbligatorio',
  },
} as const;

/** The contract's error in the page's language; limits times `scale` for a field shown in other units (percent). */
function describe(error: ValueError, locale: Locale, scale: number): string {
  const text = TEXT[locale];
  const schema = error.schema as { minimum?: number; maximum?: number; maxLength?: number; maxItems?: number };
  const fill = (template: string, limit: number | undefined) => template.replace('{limit}', String(limit));
  switch (error.type) {
    case ValueErrorType.NumberMinimum: case ValueErrorType.IntegerMinimum: return fill(text.atLeast, (schema.minimum ?? 0) * scale);
    case ValueErrorType.NumberMaximum: case ValueErrorType.IntegerMaximum: return fill(text.atMost, (schema.maximum ?? 0) * scale);
    case ValueErrorType.Integer: return text.whole;
    case ValueErrorType.Number: return text.number;
    case ValueErrorType.StringMinLength: return text.empty;
    case ValueErrorType.StringMaxLength: return fill(text.tooLong, schema.maxLength);
    case ValueErrorType.StringPattern: return text.format;
    case ValueErrorType.ArrayMaxItems: return fill(text.tooMany, schema.maxItems);
    case ValueErrorType.ObjectRequiredProperty: return text.required;
    default: return error.message;
  }
}

/**
 * The contract's own validation, in the browser: JSON pointer of each bad field → its first message, in the page's
 * language. `scaled` gives the factor of fields shown in other units than stored (a fraction shown as percent: 100).
 */
export function fieldErrors(schema: TSchema, value: unknown, locale: Locale, scaled: Record<string, number> = {}): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const error of Value.Errors(schema, value)) errors[error.path || '/'] ??= describe(error, locale, scaled[error.path] ?? 1);
  return errors;
}
