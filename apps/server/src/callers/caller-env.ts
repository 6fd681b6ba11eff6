import { Type, type Static } from '@sinclair/typebox';

/** `<id>:<base64 of 32 bytes>`: a key id short enough to sit in every pseudonym, and a 256-bit secret. */
const KEY_ENTRY = '[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/]{43}=';
const BASE64_32_BYTES = '[A-Za-z0-9+/]{43}=';

/** The caller-privacy variables, spread into the server's EnvSchema (validated at boot with the rest). */
export const CALLER_ENV = {
  PLANCIA_CALLER_KEYS: Type.String({
    default: '',
    pattern: `^(\\s*${KEY_ENTRY}\\s*(,\\s*${KEY_ENTRY}\\s*)*)?$`,
    description: 'keys of caller pseudonyms, comma-separated id:base64-of-32-bytes, e.g. k2:…,k1:…; the first makes new pseudonyms, the others are still recognised (empty: a key generated once and kept in the database)',
  }),
  PLANCIA_CALLBACK_KEY: Type.Optional(Type.String({
    pattern: `^${BASE64_32_BYTES}$`,
    description: 'base64 of 32 bytes: the AES-256-GCM key that keeps callers\' numbers for callbacks (unset: no number is kept, only its pseudonym)',
  })),
  PLANCIA_CALLBACK_RETENTION_HOURS: Type.Integer({
    minimum: 1, maximum: 8_760, default: 72,
    description: 'a caller\'s number kept for a callback is deleted this many hours after the contact\'s last event',
  }),
  PLANCIA_CALLBACK_CLOSED_RETENTION_DAYS: Type.Integer({
    minimum: 1, maximum: 3_650, default: 30,
    description: 'an entry of the callback worklist closed (done or answered) is deleted, with its attempts, this many days after it closed; open and claimed ones stay',
  }),
};
type CallerEnv = Static<ReturnType<typeof Type.Object<typeof CALLER_ENV>>>;

/** Variables whose values are secrets: never echoed in a configuration error. */
export const CALLER_SECRET_VARIABLES = ['PLANCIA_CALLER_KEYS', 'PLANCIA_CALLBACK_KEY'] as const;

export interface CallerKey {
  id: string;
  secret: Buffer;
}

export interface CallerConfig {
  /** From PLANCIA_CALLER_KEYS, current first; empty: the key kept in the database. */
  keys: CallerKey[];
  callbackKey?: Buffer;
  callbackRetentionHours: number;
  /** Days a closed worklist entry is kept (PLANCIA_CALLBACK_CLOSED_RETENTION_DAYS). */
  closedCallbackRetentionDays: number;
}

/** Converts the validated variables (the patterns above already checked their shape and sizes). */
export function callerConfig(env: CallerEnv): CallerConfig {
  const keys = env.PLANCIA_CALLER_KEYS.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '').map((entry) => {
    const [id, secret] = entry.split(':') as [string, string];
    return { id, secret: Buffer.from(secret, 'base64') };
  });
  return {
    keys,
    ...(env.PLANCIA_CALLBACK_KEY ? { callbackKey: Buffer.from(env.PLANCIA_CALLBACK_KEY, 'base64') } : {}),
    callbackRetentionHours: env.PLANCIA_CALLBACK_RETENTION_HOURS,
    closedCallbackRetentionDays: env.PLANCIA_CALLBACK_CLOSED_RETENTION_DAYS,
  };
}
