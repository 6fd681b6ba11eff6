import { createHash, randomBytes } from 'node:crypto';
import type { AccountRepository, ActiveTokenRecord, AuditRepository, MachineTokenRecord } from '@plancia/store';
import type { StoredToken } from '../plugins/app/access-policy.js';
import { WHOLE_SCOPE } from '../plugins/app/principal.js';
import type { CreatedToken, CreateTokenRequest, TokenRole, TokenSummary } from '@plancia/contracts';

/** What of the store machine tokens use. */
export type TokenStore = Pick<AccountRepository, 'createToken' | 'listActiveTokens' | 'listTokens' | 'revokeToken' | 'touchToken'>;
export type TokenAudit = Pick<AuditRepository, 'record'>;

/** Why a last-used time could not be written: the request went through all the same, so this is only logged. */
export type TouchFailure = (error: unknown, name: string) => void;

/** Using a token writes its last-used time at most this often: a busy kiosk does not write on every request. */
export const TOUCH_EVERY_MS = 60_000;
/** Marks a secret as Plancia's, so secret scanners and people can tell it from other credentials. */
export const SECRET_PREFIX = 'plc_';

/** The store keeps only this digest: a copy of the database forges no token. */
export const tokenDigest = (secret: string) => createHash('sha256').update(secret).digest('hex');

const newSecret = () => SECRET_PREFIX + randomBytes(32).toString('base64url');

const storedToken = (record: ActiveTokenRecord): StoredToken =>
  ({ name: record.name, role: record.role as TokenRole, tenant: record.tenant, scope: record.scope });

const summaryOf = (record: MachineTokenRecord): TokenSummary => ({
  name: record.name,
  role: record.role as TokenRole,
  scope: record.scope,
  tenant: record.tenant,
  createdAt: record.createdAt,
  lastUsedAt: record.lastUsedAt,
  revokedAt: record.revokedAt,
});

/**
 * Named, revocable machine tokens: producers (ingest) and kiosks or TVs (view). The active ones are held in memory by
 * the digest of their secret, so the access policy, which is synchronous, checks a token without a database round
 * trip; creating and revoking go through the database first and then change the map at once, so a revoked token is
 * refused from the next request on, without a restart. A digest lookup needs no constant-time comparison: the
 * secret is 256 random bits, and what a timing difference could reveal is a digest, not the secret.
 *
 * The map follows this server's own changes at once, and every server's when refreshed (the plugin does so every
 * minute), so a token revoked through another server on the same database is refused here within a minute.
 */
export class MachineTokens {
  readonly #store: TokenStore;
  readonly #audit: TokenAudit;
  readonly #now: () => number;
  readonly #onTouchFailure: TouchFailure;
  readonly #byDigest = new Map<string, StoredToken>();
  readonly #digestByName = new Map<string, string>();
  /** When each token's last-used time was last written (by this server). */
  readonly #touchedAt = new Map<string, number>();
  /** What is held open with each token (sockets): closed when it is revoked. */
  readonly #holders = new Map<string, Set<() => void>>();
  /** Counts this server's creations and revocations: a refresh that read the table meanwhile is dropped. */
  #changes = 0;

  private constructor(store: TokenStore, audit: TokenAudit, now: () => number, onTouchFailure: TouchFailure) {
    this.#store = store;
    this.#audit = audit;
    this.#now = now;
    this.#onTouchFailure = onTouchFailure;
  }

  static async open(store: TokenStore, audit: TokenAudit, now: () => number = Date.now, onTouchFailure: TouchFailure = () => undefined): Promise<MachineTokens> {
    const tokens = new MachineTokens(store, audit, now, onTouchFailure);
    await tokens.refresh();
    return tokens;
  }

  /**
   * Reads the active tokens again (what other servers on the same database created or revoked). A read that a
   * creation or revocation of this server overlapped is dropped: it may predate that change, and the next refresh
   * reads after it.
   */
  async refresh(): Promise<void> {
    const changes = this.#changes;
    const records = await this.#store.listActiveTokens();
    if (changes !== this.#changes) return;
    this.#byDigest.clear();
    this.#digestByName.clear();
    for (const record of records) this.#hold(record.secretDigest, storedToken(record));
    for (const name of this.#touchedAt.keys()) if (!this.#digestByName.has(name)) this.#touchedAt.delete(name);
    // Revoked through another server (or node): what this one holds open with it closes now.
    for (const name of [...this.#holders.keys()]) if (!this.#digestByName.has(name)) this.#ended(name);
  }

  /** Keeps `end` until the token `name` is revoked; the returned function forgets it. */
  hold(name: string, end: () => void): () => void {
    const holders = this.#holders.get(name) ?? new Set();
    this.#holders.set(name, holders);
    holders.add(end);
    return () => {
      holders.delete(end);
      if (holders.size === 0 && this.#holders.get(name) === holders) this.#holders.delete(name);
    };
  }

  /** The active token whose secret this is; undefined for anything else. */
  match(secret: string): StoredToken | undefined {
    return this.#byDigest.get(tokenDigest(secret));
  }

  /** Whether any active token opens the door of `role` (with none, a door keeps its rules for no tokens). */
  hasAny(role: TokenRole): boolean {
    for (const token of this.#byDigest.values()) if (token.role === role) return true;
    return false;
  }

  /** A new token and its secret, shown this once; undefined when the name is taken (revoked names included). */
  async create(request: CreateTokenRequest & { tenant: string }, actor: string): Promise<CreatedToken | undefined> {
    const { name, role, tenant } = request;
    const scope = request.scope ?? WHOLE_SCOPE;
    const secret = newSecret();
    const secretDigest = tokenDigest(secret);
    if (!(await this.#store.createToken({ name, secretDigest, role, scope, tenant }))) return undefined;
    this.#changes += 1;
    this.#hold(secretDigest, { name, role, tenant, scope });
    const createdAt = new Date(this.#now()).toISOString();
    await this.#record(actor, 'token.create', name, null, { name, role, scope, tenant });
    return { name, role, scope, tenant, createdAt, lastUsedAt: null, revokedAt: null, secret };
  }

  /** Every token, revoked ones included, by name (of one tenant when `tenant` is given); never a secret or a digest. */
  async list(tenant?: string): Promise<TokenSummary[]> {
    const records = await this.#store.listTokens();
    return records.filter((record) => tenant === undefined || record.tenant === tenant).map(summaryOf);
  }

  /**
   * Refused from the next request on; false when no active token has that name (or, with `tenant`, none of that
   * tenant: an administrator of one tenant cannot tell another tenant's tokens from names never given).
   */
  async revoke(name: string, actor: string, tenant?: string): Promise<boolean> {
    const digest = this.#digestByName.get(name);
    const before = digest === undefined ? undefined : this.#byDigest.get(digest);
    if (tenant !== undefined && before?.tenant !== tenant) return false;
    if (!(await this.#store.revokeToken(name, this.#now()))) return false;
    this.#changes += 1;
    if (digest !== undefined) this.#byDigest.delete(digest);
    this.#digestByName.delete(name);
    this.#touchedAt.delete(name);
    this.#ended(name);
    await this.#record(actor, 'token.revoke', name, before ?? { name }, null);
    return true;
  }

  /**
   * Notes that the token was used just now: written at most once a minute per token, without waiting (the policy
   * calls this on every match and answers at once; a failed write is only logged).
   */
  touch(name: string): void {
    const now = this.#now();
    const last = this.#touchedAt.get(name);
    if (last !== undefined && now - last < TOUCH_EVERY_MS) return;
    this.#touchedAt.set(name, now);
    this.#store.touchToken(name, now).catch((error: unknown) => this.#onTouchFailure(error, name));
  }

  #ended(name: string): void {
    const holders = this.#holders.get(name);
    this.#holders.delete(name);
    for (const end of holders ?? []) end();
  }

  #hold(digest: string, token: StoredToken): void {
    this.#byDigest.set(digest, token);
    this.#digestByName.set(token.name, digest);
  }

  /** An audit entry about a token: never its secret or digest. */
  #record(actor: string, action: string, name: string, before: unknown, after: unknown): Promise<void> {
    return this.#audit.record({ actor, action, resource: `tokens/${name}`, before, after, atMs: this.#now() });
  }
}
