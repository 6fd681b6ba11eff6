import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { ConfigError } from '../config.js';

const Interval = Type.Integer({ minimum: 10, maximum: 10_000, default: 100 });

/** How the push layer paces and bounds what it sends. */
export interface PushOptions {
  /** At most one change message per room in this many milliseconds (PLANCIA_PUSH_INTERVAL_MS). */
  intervalMs: number;
  /** Past this many bytes waiting on one connection, its changes are dropped and it is resynced. */
  maxBacklogBytes: number;
  /** Client messages per connection: a burst of `burst`, then `perSecond`. */
  clientMessages: { burst: number; perSecond: number };
  /** Largest client message accepted, in bytes. */
  maxMessageBytes: number;
}

/** Reads PLANCIA_PUSH_INTERVAL_MS (10–10000, default 100); a bad value stops the start naming the variable. */
export function pushOptionsFromEnv(env: Record<string, string | undefined>): PushOptions {
  const raw = env.PLANCIA_PUSH_INTERVAL_MS;
  const intervalMs = Value.Convert(Interval, raw === undefined || raw === '' ? 100 : raw);
  if (!Value.Check(Interval, intervalMs)) {
    throw new ConfigError(`Invalid configuration:\n  PLANCIA_PUSH_INTERVAL_MS=${JSON.stringify(raw)}: expected an integer from 10 to 10000`);
  }
  return { intervalMs, maxBacklogBytes: 1 << 20, clientMessages: { burst: 20, perSecond: 5 }, maxMessageBytes: 16 * 1024 };
}
