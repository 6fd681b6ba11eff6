import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CallerKey } from './caller-env.js';

/** The tenant of every event until events carry one. */
export const DEFAULT_TENANT = 'default';

/** Version tag of the pseudonym format: `cp1:<key id>:<base64url of HMAC-SHA256>`. */
const FORMAT = 'cp1';

/**
 * Keyed pseudonyms of caller identifiers. A plain hash of a phone number is reversible by enumerating every number
 * (EDPB guidelines 01/2025 on pseudonymisation), so each tenant's pseudonyms are an HMAC under a key of its own,
 * derived from a master key: HMAC(master, "caller:" + tenant). The key id in each pseudonym shows which master key
 * made it, so a rotation is visible and older pseudonyms can still be matched.
 */
export class CallerPseudonymiser {
  readonly #keys: readonly CallerKey[];
  readonly #tenantKeys = new Map<string, Buffer>();

  /** `keys`: the current key first, then older ones still recognised. */
  constructor(keys: readonly CallerKey[]) {
    if (keys.length === 0) throw new Error('a caller pseudonymiser needs at least one key');
    this.#keys = keys;
  }

  get currentKeyId(): string {
    return this.#keys[0]!.id;
  }

  /** The pseudonym of `caller` under the current key. */
  pseudonym(caller: string, tenantId = DEFAULT_TENANT): string {
    return this.#under(this.#keys[0]!, caller, tenantId);
  }

  /** Whether `pseudonym` was made from `caller` under any key still recognised. */
  matches(caller: string, pseudonym: string, tenantId = DEFAULT_TENANT): boolean {
    const [format, keyId] = pseudonym.split(':');
    const key = this.#keys.find((candidate) => candidate.id === keyId);
    if (format !== FORMAT || key === undefined) return false;
    const expected = Buffer.from(this.#under(key, caller, tenantId));
    const offered = Buffer.from(pseudonym);
    return expected.length === offered.length && timingSafeEqual(expected, offered);
  }

  /** Every pseudonym `caller` may be stored under, one per recognised key: for looking a caller up. */
  candidates(caller: string, tenantId = DEFAULT_TENANT): string[] {
    return this.#keys.map((key) => this.#under(key, caller, tenantId));
  }

  #under(key: CallerKey, caller: string, tenantId: string): string {
    const digest = createHmac('sha256', this.#tenantKey(key, tenantId)).update(caller, 'utf8').digest('base64url');
    return `${FORMAT}:${key.id}:${digest}`;
  }

  #tenantKey(key: CallerKey, tenantId: string): Buffer {
    const cacheKey = `${key.id}\u0000${tenantId}`;
    let derived = this.#tenantKeys.get(cacheKey);
    if (derived === undefined) {
      derived = createHmac('sha256', key.secret).update(`caller:${tenantId}`, 'utf8').digest();
      this.#tenantKeys.set(cacheKey, derived);
    }
    return derived;
  }
}
