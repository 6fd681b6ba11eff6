import { randomBytes } from 'node:crypto';
import type { CallerRepository } from '@plancia/store';
import type { CallerKey } from './caller-env.js';

/** Id of the key generated at first start: distinct from operators' ids, so both can be recognised side by side. */
export const GENERATED_KEY_ID = 'db1';

export interface ResolvedKeys {
  /** Current first. */
  keys: CallerKey[];
  origin: 'environment' | 'database';
}

/**
 * The pseudonymisation keys: PLANCIA_CALLER_KEYS when set (stored keys still recognised after them, so moving from
 * the zero-set-up key to configured ones keeps old pseudonyms matchable); otherwise the key kept in the database,
 * generated on the first start that needs one.
 */
export async function resolveCallerKeys(configured: readonly CallerKey[], store: Pick<CallerRepository, 'listKeys' | 'addKey'>): Promise<ResolvedKeys> {
  let stored = await store.listKeys();
  if (configured.length > 0) {
    const ids = new Set(configured.map((key) => key.id));
    const older = stored.filter((key) => !ids.has(key.id)).map(decoded);
    return { keys: [...configured, ...older], origin: 'environment' };
  }
  if (stored.length === 0) {
    await store.addKey({ id: GENERATED_KEY_ID, secret: randomBytes(32).toString('base64') });
    // Read back rather than trusting our own: another server starting at the same time may have stored its key first.
    stored = await store.listKeys();
  }
  return { keys: stored.map(decoded), origin: 'database' };
}

const decoded = ({ id, secret }: { id: string; secret: string }): CallerKey => ({ id, secret: Buffer.from(secret, 'base64') });
