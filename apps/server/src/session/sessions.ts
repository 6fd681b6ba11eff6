import { createHash, randomBytes } from 'node:crypto';
import type { AccountRepository } from '@plancia/store';
import type { AccountScope, UserRole } from '@plancia/contracts';
import { SessionEnds, type Ending } from './session-ends.js';

/** A session ends after this long without a request, and in any case this long after login. */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** Activity moves the idle expiry at most once a minute: a busy board does not write on every request. */
const EXTEND_EVERY_MS = 60_000;

/** A signed-in person as the access policy sees them. */
export interface SessionUser {
  username: string;
  role: UserRole;
  /** What of its tenant the user sees (empty lists: all of it). */
  scope: AccountScope;
  tenant: string;
  /** The agent a user of role `agent` is. */
  agentId?: string;
}

export interface OpenSession {
  user: SessionUser;
  expiresAtMs: number;
}

/** The store keeps only this digest: a copy of the database opens no session. */
export const sessionDigest = (id: string) => createHash('sha256').update(id).digest('hex');

/** Sessions by an opaque random id (256 bits), with an idle and an absolute expiry. */
export class Sessions {
  readonly #accounts: AccountRepository;
  readonly #now: () => number;
  readonly #ends = new SessionEnds();
  #announce: (ending: Ending) => Promise<void> = async () => undefined;

  constructor(accounts: AccountRepository, now: () => number = Date.now) {
    this.#accounts = accounts;
    this.#now = now;
  }

  /** A new session of `username`; the id goes to the client only. */
  async open(username: string): Promise<{ id: string; expiresAtMs: number }> {
    const id = randomBytes(32).toString('base64url');
    const now = this.#now();
    const expiresAtMs = now + Math.min(SESSION_IDLE_MS, SESSION_ABSOLUTE_MS);
    await this.#accounts.createSession({ idDigest: sessionDigest(id), username, expiresAtMs, createdAtMs: now });
    return { id, expiresAtMs };
  }

  /** The live session of `id` and its user, its idle expiry moved forward; undefined when unknown or expired. */
  async identify(id: string): Promise<OpenSession | undefined> {
    const digest = sessionDigest(id);
    const now = this.#now();
    const found = await this.#accounts.findSession(digest, now);
    if (!found) return undefined;
    const { session, user } = found;
    const absolute = (session.createdAtMs ?? now) + SESSION_ABSOLUTE_MS;
    if (now >= absolute) {
      await this.#accounts.deleteSession(digest);
      return undefined;
    }
    let expiresAtMs = session.expiresAtMs;
    const extended = Math.min(now + SESSION_IDLE_MS, absolute);
    if (extended - expiresAtMs >= EXTEND_EVERY_MS) {
      await this.#accounts.extendSession(digest, extended);
      expiresAtMs = extended;
    }
    const agent = user.agentId === undefined ? {} : { agentId: user.agentId };
    return { user: { username: user.username, role: user.role as UserRole, scope: user.scope, tenant: user.tenant, ...agent }, expiresAtMs };
  }

  async close(id: string): Promise<void> {
    const digest = sessionDigest(id);
    await this.#accounts.deleteSession(digest);
    await this.#ended({ digest });
  }

  /** Closes what is held open with `id` (by `end`) when the session ends; the returned function forgets it. */
  hold(id: string, username: string, end: () => void): () => void {
    return this.#ends.hold(sessionDigest(id), username, end);
  }

  /** Every session of `username` ended (or its access changed) elsewhere: what they hold open closes. */
  endedFor(username: string): Promise<void> {
    return this.#ended({ username });
  }

  /** An ending another node announced: closed here, not announced again. */
  heard(ending: Ending): void {
    this.#ends.ended(ending);
  }

  /** Where this node's endings go for the other nodes of a cluster. */
  announceThrough(announce: (ending: Ending) => Promise<void>): void {
    this.#announce = announce;
  }

  /** Closes what is held open with sessions that have expired since they were last looked at. */
  sweep(): Promise<void> {
    return this.#ends.sweep(this.#now(), (digest) => this.#expiryOf(digest));
  }

  async #ended(ending: Ending): Promise<void> {
    this.#ends.ended(ending);
    await this.#announce(ending);
  }

  /** When the session ends unless extended; undefined once it has (never extends it: a socket is no activity). */
  async #expiryOf(digest: string): Promise<number | undefined> {
    const found = await this.#accounts.findSession(digest, this.#now());
    if (!found) return undefined;
    const absolute = (found.session.createdAtMs ?? this.#now()) + SESSION_ABSOLUTE_MS;
    return absolute <= this.#now() ? undefined : Math.min(found.session.expiresAtMs, absolute);
  }
}
