import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { RequestLike } from '../../plugins/app/access-policy.js';
import { cameOverTls } from '../session-cookie.js';
import { OIDC_CALLBACK_PATH } from './oidc-env.js';

/** Holds one sign-in between the redirect to the provider and the way back. */
export const TRANSACTION_COOKIE = 'plancia_oidc';
/** Time to sign in at the provider; a later way back is refused as expired. */
export const TRANSACTION_TTL_MS = 10 * 60 * 1000;

/** What the way back is checked against: the state and nonce sent, the PKCE verifier, and the redirect URI used. */
export interface Transaction {
  state: string;
  nonce: string;
  verifier: string;
  redirectUri: string;
}

const isTransaction = (value: unknown): value is Transaction & { expiresAtMs: number } => {
  if (typeof value !== 'object' || value === null) return false;
  const fields = value as Record<string, unknown>;
  return ['state', 'nonce', 'verifier', 'redirectUri'].every((key) => typeof fields[key] === 'string') && typeof fields.expiresAtMs === 'number';
};

/**
 * The key that signs transaction cookies. Derived from the client secret when there is one, so every instance behind a
 * balancer signs alike; a public client gets a key of this process (a login then must come back to the same instance).
 */
export function transactionKey(clientSecret: string | undefined): Buffer {
  if (clientSecret === undefined) return randomBytes(32);
  return createHmac('sha256', clientSecret).update('plancia oidc transaction cookie').digest();
}

/**
 * A transaction in a cookie rather than in the server: no state to share between instances or to clean up. Signed,
 * so the browser can neither change it nor keep it beyond its expiry; it holds nothing the person signing in may not
 * see (the verifier only proves this browser started the login).
 */
export class TransactionSeal {
  readonly #key: Buffer;
  readonly #now: () => number;

  constructor(key: Buffer, now: () => number = Date.now) {
    this.#key = key;
    this.#now = now;
  }

  seal(transaction: Transaction): string {
    const body = Buffer.from(JSON.stringify({ ...transaction, expiresAtMs: this.#now() + TRANSACTION_TTL_MS })).toString('base64url');
    return `${body}.${this.#sign(body)}`;
  }

  /** The transaction of a cookie value; undefined when absent, altered or expired. */
  open(value: string | undefined): Transaction | undefined {
    const [body, signature, ...rest] = (value ?? '').split('.');
    if (!body || !signature || rest.length > 0) return undefined;
    const expected = Buffer.from(this.#sign(body));
    const offered = Buffer.from(signature);
    if (offered.length !== expected.length || !timingSafeEqual(offered, expected)) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
    if (!isTransaction(parsed) || parsed.expiresAtMs <= this.#now()) return undefined;
    const { state, nonce, verifier, redirectUri } = parsed;
    return { state, nonce, verifier, redirectUri };
  }

  #sign(body: string): string {
    return createHmac('sha256', this.#key).update(body).digest('base64url');
  }
}

/**
 * HttpOnly, sent only to the callback, SameSite=Lax: the provider sends the browser back with a top-level GET from
 * its own site, which a Strict cookie would miss. Secure over TLS; gone after TRANSACTION_TTL_MS.
 */
export function transactionCookieOptions(request: RequestLike & { protocol?: string }): CookieSerializeOptions {
  return { httpOnly: true, sameSite: 'lax', path: OIDC_CALLBACK_PATH, secure: cameOverTls(request), maxAge: TRANSACTION_TTL_MS / 1000 };
}
