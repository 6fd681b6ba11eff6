import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/** What a user or token may see: empty lists mean every queue and every team. */
export interface AccountScope {
  queues: string[];
  teams: string[];
}

export interface UserRecord {
  username: string;
  /** A self-describing hash (`scrypt$…`); null for users who only sign in through an identity provider. */
  passwordHash: string | null;
  role: string;
  scope: AccountScope;
  /** The tenant the user belongs to (`default`: the installation's own). */
  tenant: string;
  /** The agent a user of role `agent` is; absent for others. */
  agentId?: string;
}

type UserRow = { username: string; role: string; scope: unknown; tenant_id: string; agent_id: string | null };
const userOf = (row: UserRow): Omit<UserRecord, 'passwordHash'> => ({
  username: row.username, role: row.role, scope: row.scope as AccountScope, tenant: row.tenant_id, ...(row.agent_id === null ? {} : { agentId: row.agent_id }),
});

/** What decides what a user may do and see. */
export type UserAccess = Pick<UserRecord, 'role' | 'scope' | 'tenant' | 'agentId'>;

const sameNames = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((name, i) => name === b[i]);
const sameAccess = (a: UserAccess, b: UserAccess) =>
  a.role === b.role && a.tenant === b.tenant && a.agentId === b.agentId && sameNames(a.scope.queues, b.scope.queues) && sameNames(a.scope.teams, b.scope.teams);

export interface SessionRecord {
  /** SHA-256 of the session id the cookie carries. */
  idDigest: string;
  username: string;
  /** When the session ends unless extended (its idle expiry, never past its absolute one). */
  expiresAtMs: number;
  /** When it was opened (default: the database's clock); the absolute expiry counts from here. */
  createdAtMs?: number;
}

export interface MachineTokenRecord {
  name: string;
  role: string;
  scope: AccountScope;
  tenant: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A token that has not been revoked, with the digest of its secret (never the secret). */
export interface ActiveTokenRecord {
  name: string;
  secretDigest: string;
  role: string;
  scope: AccountScope;
  tenant: string;
}

export interface AccountRepository {
  countUsers(): Promise<number>;
  findUser(username: string): Promise<UserRecord | undefined>;
  listUsers(): Promise<Omit<UserRecord, 'passwordHash'>[]>;
  /** Inserts a new user; false when the username is taken. */
  insertUser(user: UserRecord): Promise<boolean>;
  /** Inserts the user, or replaces role, scope and password of an existing one; true when it was created. */
  upsertUser(user: UserRecord): Promise<boolean>;
  /**
   * A user without a password (signed in through an identity provider): inserted, or given this role, scope and
   * tenant; `taken` when the name belongs to a user with a password, who is left as they are.
   */
  upsertPasswordlessUser(user: Omit<UserRecord, 'passwordHash'>): Promise<'created' | 'updated' | 'taken'>;
  /**
   * Gives a user this role, scope, tenant and agent id and, when that changes its access, ends all of its sessions, in
   * one transaction. The user as it was before; undefined when there is no such user.
   */
  updateUserAccess(username: string, access: UserAccess): Promise<{ before: Omit<UserRecord, 'passwordHash'>; changed: boolean } | undefined>;
  /** Also ends the user's sessions; false when there was no such user. */
  deleteUser(username: string): Promise<boolean>;

  createSession(session: SessionRecord): Promise<void>;
  /** The session and its user while it has not expired. */
  findSession(idDigest: string, nowMs: number): Promise<{ session: SessionRecord; user: UserRecord } | undefined>;
  /** Moves the expiry of a live session (activity extends an idle expiry). */
  extendSession(idDigest: string, expiresAtMs: number): Promise<void>;
  deleteSession(idDigest: string): Promise<void>;
  /** Ends every session of a user (a password reset or a role change). */
  deleteSessionsOf(username: string): Promise<void>;
  /**
   * Gives a local user (one with a password) a new password hash and ends all of its sessions, in one transaction;
   * false when there is no such user or it signs in through an identity provider.
   */
  replacePassword(username: string, passwordHash: string): Promise<boolean>;
  purgeExpiredSessions(nowMs: number): Promise<number>;

  /** False when a token of that name already exists (revoked or not). */
  createToken(token: { name: string; secretDigest: string; role: string; scope: AccountScope; tenant: string }): Promise<boolean>;
  /** A token that has not been revoked, by the digest of its secret. */
  findActiveToken(secretDigest: string): Promise<Omit<MachineTokenRecord, 'createdAt' | 'lastUsedAt' | 'revokedAt'> | undefined>;
  /** Every token not revoked, with its digest: the server holds them in memory to check tokens without a query. */
  listActiveTokens(): Promise<ActiveTokenRecord[]>;
  touchToken(name: string, atMs: number): Promise<void>;
  listTokens(): Promise<MachineTokenRecord[]>;
  /** False when no active token has that name. */
  revokeToken(name: string, atMs: number): Promise<boolean>;
  countActiveTokens(): Promise<number>;
}

export class KyselyAccountRepository implements AccountRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async countUsers(): Promise<number> {
    const row = await this.#db.selectFrom('app_user').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async findUser(username: string): Promise<UserRecord | undefined> {
    const row = await this.#db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
    return row && { ...userOf(row), passwordHash: row.password_hash };
  }

  async listUsers(): Promise<Omit<UserRecord, 'passwordHash'>[]> {
    const rows = await this.#db.selectFrom('app_user').select(['username', 'role', 'scope', 'tenant_id', 'agent_id']).orderBy('username').execute();
    return rows.map(userOf);
  }

  async insertUser(user: UserRecord): Promise<boolean> {
    const rows = await this.#db
      .insertInto('app_user')
      .values({
        username: user.username, password_hash: user.passwordHash, role: user.role, scope: JSON.stringify(user.scope), tenant_id: user.tenant,
        agent_id: user.agentId ?? null, updated_at: new Date(),
      })
      .onConflict((oc) => oc.column('username').doNothing())
      .returning('username')
      .execute();
    return rows.length > 0;
  }

  async upsertUser(user: UserRecord): Promise<boolean> {
    const values = { password_hash: user.passwordHash, role: user.role, scope: JSON.stringify(user.scope), tenant_id: user.tenant, agent_id: user.agentId ?? null, updated_at: new Date() };
    // xmax = 0 only on a row this statement inserted: tells a creation from a replacement in one round trip.
    const row = await this.#db
      .insertInto('app_user')
      .values({ username: user.username, ...values })
      .onConflict((oc) => oc.column('username').doUpdateSet(values))
      .returning((eb) => eb.ref('xmax' as never).$castTo<string>().as('xmax'))
      .executeTakeFirstOrThrow();
    return String(row.xmax) === '0';
  }

  async upsertPasswordlessUser(user: Omit<UserRecord, 'passwordHash'>): Promise<'created' | 'updated' | 'taken'> {
    const values = { role: user.role, scope: JSON.stringify(user.scope), tenant_id: user.tenant, agent_id: user.agentId ?? null, updated_at: new Date() };
    // One statement: a local user created meanwhile under the same name is never turned into a passwordless one.
    const row = await this.#db
      .insertInto('app_user')
      .values({ username: user.username, password_hash: null, ...values })
      .onConflict((oc) => oc.column('username').doUpdateSet(values).where('app_user.password_hash', 'is', null))
      .returning((eb) => eb.ref('xmax' as never).$castTo<string>().as('xmax'))
      .executeTakeFirst();
    if (!row) return 'taken';
    return String(row.xmax) === '0' ? 'created' : 'updated';
  }

  async updateUserAccess(username: string, access: UserAccess) {
    return this.#db.transaction().execute(async (trx) => {
      // Locked: a concurrent change cannot slip between the comparison and the write.
      const row = await trx.selectFrom('app_user').select(['username', 'role', 'scope', 'tenant_id', 'agent_id']).where('username', '=', username).forUpdate().executeTakeFirst();
      if (!row) return undefined;
      const before = userOf(row);
      if (sameAccess(before, access)) return { before, changed: false };
      await trx
        .updateTable('app_user')
        .set({ role: access.role, scope: JSON.stringify(access.scope), tenant_id: access.tenant, agent_id: access.agentId ?? null, updated_at: new Date() })
        .where('username', '=', username)
        .execute();
      await trx.deleteFrom('user_session').where('username', '=', username).execute();
      return { before, changed: true };
    });
  }

  async deleteUser(username: string): Promise<boolean> {
    const result = await this.#db.deleteFrom('app_user').where('username', '=', username).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async createSession(session: SessionRecord): Promise<void> {
    await this.#db
      .insertInto('user_session')
      .values({
        id_digest: session.idDigest,
        username: session.username,
        expires_at: new Date(session.expiresAtMs),
        ...(session.createdAtMs === undefined ? {} : { created_at: new Date(session.createdAtMs) }),
      })
      .execute();
  }

  async findSession(idDigest: string, nowMs: number): Promise<{ session: SessionRecord; user: UserRecord } | undefined> {
    const row = await this.#db
      .selectFrom('user_session')
      .innerJoin('app_user', 'app_user.username', 'user_session.username')
      .select(['user_session.id_digest', 'user_session.expires_at', 'user_session.created_at', 'app_user.username', 'app_user.password_hash', 'app_user.role', 'app_user.scope', 'app_user.tenant_id', 'app_user.agent_id'])
      .where('user_session.id_digest', '=', idDigest)
      .where('user_session.expires_at', '>', new Date(nowMs))
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      session: { idDigest: row.id_digest, username: row.username, expiresAtMs: row.expires_at.getTime(), createdAtMs: row.created_at.getTime() },
      user: { ...userOf(row), passwordHash: row.password_hash },
    };
  }

  async extendSession(idDigest: string, expiresAtMs: number): Promise<void> {
    await this.#db.updateTable('user_session').set({ expires_at: new Date(expiresAtMs) }).where('id_digest', '=', idDigest).execute();
  }

  async deleteSession(idDigest: string): Promise<void> {
    await this.#db.deleteFrom('user_session').where('id_digest', '=', idDigest).execute();
  }

  async deleteSessionsOf(username: string): Promise<void> {
    await this.#db.deleteFrom('user_session').where('username', '=', username).execute();
  }

  async replacePassword(username: string, passwordHash: string): Promise<boolean> {
    return this.#db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('app_user')
        .set({ password_hash: passwordHash, updated_at: new Date() })
        .where('username', '=', username)
        .where('password_hash', 'is not', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      await trx.deleteFrom('user_session').where('username', '=', username).execute();
      return true;
    });
  }

  async purgeExpiredSessions(nowMs: number): Promise<number> {
    const result = await this.#db.deleteFrom('user_session').where('expires_at', '<=', new Date(nowMs)).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async createToken(token: { name: string; secretDigest: string; role: string; scope: AccountScope; tenant: string }): Promise<boolean> {
    const rows = await this.#db
      .insertInto('machine_token')
      .values({ name: token.name, secret_digest: token.secretDigest, role: token.role, scope: JSON.stringify(token.scope), tenant_id: token.tenant })
      .onConflict((oc) => oc.doNothing())
      .returning('name')
      .execute();
    return rows.length > 0;
  }

  async findActiveToken(secretDigest: string) {
    const row = await this.#db
      .selectFrom('machine_token')
      .select(['name', 'role', 'scope', 'tenant_id'])
      .where('secret_digest', '=', secretDigest)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row && { name: row.name, role: row.role, scope: row.scope as AccountScope, tenant: row.tenant_id };
  }

  async listActiveTokens(): Promise<ActiveTokenRecord[]> {
    const rows = await this.#db
      .selectFrom('machine_token')
      .select(['name', 'secret_digest', 'role', 'scope', 'tenant_id'])
      .where('revoked_at', 'is', null)
      .orderBy('name')
      .execute();
    return rows.map((row) => ({ name: row.name, secretDigest: row.secret_digest, role: row.role, scope: row.scope as AccountScope, tenant: row.tenant_id }));
  }

  async touchToken(name: string, atMs: number): Promise<void> {
    await this.#db.updateTable('machine_token').set({ last_used_at: new Date(atMs) }).where('name', '=', name).execute();
  }

  async listTokens(): Promise<MachineTokenRecord[]> {
    const rows = await this.#db.selectFrom('machine_token').selectAll().orderBy('name').execute();
    return rows.map((row) => ({
      name: row.name,
      role: row.role,
      scope: row.scope as AccountScope,
      tenant: row.tenant_id,
      createdAt: row.created_at.toISOString(),
      lastUsedAt: row.last_used_at?.toISOString() ?? null,
      revokedAt: row.revoked_at?.toISOString() ?? null,
    }));
  }

  async revokeToken(name: string, atMs: number): Promise<boolean> {
    const result = await this.#db
      .updateTable('machine_token')
      .set({ revoked_at: new Date(atMs) })
      .where('name', '=', name)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async countActiveTokens(): Promise<number> {
    const row = await this.#db
      .selectFrom('machine_token')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('revoked_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
