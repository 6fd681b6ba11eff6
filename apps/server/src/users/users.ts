import type { AccountRepository, AuditRepository, UserAccess, UserRecord } from '@plancia/store';
import { DEFAULT_TENANT, type AccountScope, type CreateUserRequest, type UserRole, type UserSummary } from '@plancia/contracts';
import type { SessionUser } from '../session/sessions.js';
import { hashPassword, verifyPassword } from './password.js';

const WHOLE_SCOPE: AccountScope = { queues: [], teams: [] };
export const BOOTSTRAP_ADMIN = 'admin';

/** A stored user as the API and the session show it: never its password hash. */
const summaryOf = (user: Omit<UserRecord, 'passwordHash'>): UserSummary & SessionUser => ({
  username: user.username, role: user.role as UserRole, scope: user.scope, tenant: user.tenant, ...(user.agentId === undefined ? {} : { agentId: user.agentId }),
});

const sameNames = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((name, i) => name === b[i]);
const sameAccess = (a: { role: string; scope: AccountScope; tenant: string }, b: UserSummary) =>
  a.role === b.role && a.tenant === b.tenant && sameNames(a.scope.queues, b.scope.queues) && sameNames(a.scope.teams, b.scope.teams);

const ACCESS_FIELDS = ['role', 'scope', 'tenant', 'agentId'] as const;
// A scope compares by its lists, whatever order the database keeps its keys in.
const comparable = (access: UserAccess, field: (typeof ACCESS_FIELDS)[number]) =>
  JSON.stringify(field === 'scope' ? [access.scope.queues, access.scope.teams] : access[field] ?? null);

/** The access fields that differ, as they were and as they are (null: no agent id). */
function changedFields(was: UserAccess, is: UserAccess) {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const field of ACCESS_FIELDS) {
    if (comparable(was, field) === comparable(is, field)) continue;
    before[field] = was[field] ?? null;
    after[field] = is[field] ?? null;
  }
  return { before, after };
}

/**
 * Local users: creation, changes of access, removal, password checks, each written to the audit log. Whether any
 * user exists decides whether the board is still open to anonymous viewers, so the count is kept here (read at start,
 * then followed through this server's own changes).
 */
export class Users {
  readonly #accounts: AccountRepository;
  readonly #audit: AuditRepository;
  readonly #now: () => number;
  #count = 0;
  #sessionsEnded: (username: string) => Promise<void> = async () => undefined;
  /** Verified when the username is unknown, so an unknown name costs as long as a wrong password. */
  #decoy: Promise<string>;

  private constructor(accounts: AccountRepository, audit: AuditRepository, now: () => number) {
    this.#accounts = accounts;
    this.#audit = audit;
    this.#now = now;
    this.#decoy = hashPassword(`decoy-${Math.random()}`);
  }

  static async open(accounts: AccountRepository, audit: AuditRepository, now: () => number = Date.now): Promise<Users> {
    const users = new Users(accounts, audit, now);
    users.#count = await accounts.countUsers();
    return users;
  }

  /** Who hears that a user's sessions ended or its access changed (what they hold open must close). */
  endSessionsThrough(sessionsEnded: (username: string) => Promise<void>): void {
    this.#sessionsEnded = sessionsEnded;
  }

  hasUsers(): boolean {
    return this.#count > 0;
  }

  /** The user whose password this is; undefined for a wrong name or a wrong password alike. */
  async authenticate(username: string, password: string): Promise<SessionUser | undefined> {
    const user = await this.#accounts.findUser(username);
    const hash = user?.passwordHash ?? (await this.#decoy);
    const matches = await verifyPassword(password, hash);
    if (!user || user.passwordHash === null || !matches) return undefined;
    return summaryOf(user);
  }

  async list(): Promise<UserSummary[]> {
    const users = await this.#accounts.listUsers();
    return users.map(summaryOf);
  }

  /** False when the username is taken. `tenant`: where the user belongs (the route decides who may choose). */
  async create(request: CreateUserRequest & { tenant: string }, actor: string): Promise<boolean> {
    const scope = request.scope ?? WHOLE_SCOPE;
    const passwordHash = await hashPassword(request.password);
    const { username, role, tenant, agentId } = request;
    const created = await this.#accounts.insertUser({ username, passwordHash, role, scope, tenant, ...(agentId === undefined ? {} : { agentId }) });
    if (!created) return false;
    this.#count += 1;
    await this.record(actor, 'user.create', username, null, { username, role, scope, tenant, ...(agentId === undefined ? {} : { agentId }) });
    return true;
  }

  /** The user as the API shows it; undefined when there is none. */
  async find(username: string): Promise<UserSummary | undefined> {
    const user = await this.#accounts.findUser(username);
    return user && summaryOf(user);
  }

  /**
   * Gives a user this access (role, scope, tenant, agent id); when it changes, its sessions end with the change and
   * the audit log keeps the fields that changed, before and after. Undefined when there is no such user.
   */
  async update(username: string, access: UserAccess, actor: string): Promise<UserSummary | undefined> {
    const outcome = await this.#accounts.updateUserAccess(username, access);
    if (!outcome) return undefined;
    if (outcome.changed) {
      await this.#sessionsEnded(username);
      const { before, after } = changedFields(outcome.before, access);
      await this.record(actor, 'user.update', username, before, after);
    }
    return summaryOf({ username, ...access });
  }

  /**
   * A person an identity provider vouched for, as their claims make them now: created without a password, or given
   * the role, scope and tenant the claims say (sessions follow at once). `local`: the name is a local user's with a
   * password, never taken over.
   */
  async upsertFromProvider(person: UserSummary, actor: string): Promise<'created' | 'updated' | 'unchanged' | 'local'> {
    const before = await this.#accounts.findUser(person.username);
    if (before?.passwordHash) return 'local';
    const outcome = await this.#accounts.upsertPasswordlessUser(person);
    if (outcome === 'taken') return 'local';
    if (outcome === 'created') {
      this.#count += 1;
      await this.record(actor, 'user.create', person.username, null, person);
      return 'created';
    }
    const previous = before && { username: before.username, role: before.role, scope: before.scope, tenant: before.tenant };
    if (previous && sameAccess(previous, person)) return 'unchanged';
    // Its sessions stay, but sockets opened under the old access close and connect again under the new one.
    await this.#sessionsEnded(person.username);
    await this.record(actor, 'user.update', person.username, previous ?? null, person);
    return 'updated';
  }

  /**
   * A new password for a local user; every session of that user ends with the old one (the caller opens a new one
   * when it changed its own). False when there is no such user or it signs in through an identity provider.
   */
  async setPassword(username: string, password: string, actor: string): Promise<boolean> {
    const replaced = await this.#accounts.replacePassword(username, await hashPassword(password));
    if (!replaced) return false;
    await this.#sessionsEnded(username);
    const own = actor === `user:${username}`;
    await this.record(actor, own ? 'user.password_change' : 'user.password_reset', username, null, null);
    return true;
  }

  /** Also ends the user's sessions; false when there was no such user. */
  async remove(username: string, actor: string): Promise<boolean> {
    const before = await this.#accounts.findUser(username);
    if (!before || !(await this.#accounts.deleteUser(username))) return false;
    this.#count = Math.max(0, this.#count - 1);
    await this.#sessionsEnded(username);
    await this.record(actor, 'user.delete', username, { username, role: before.role, scope: before.scope }, null);
    return true;
  }

  /**
   * PLANCIA_ADMIN_PASSWORD: creates `admin`, or gives it this password, the admin role and the whole scope again.
   * A restart with the same password, role and scope changes nothing: its sessions stay open.
   */
  async bootstrapAdmin(password: string): Promise<'created' | 'reset' | 'unchanged'> {
    const current = await this.#accounts.findUser(BOOTSTRAP_ADMIN);
    const wholeScope = current !== undefined && current.tenant === DEFAULT_TENANT && current.scope.queues.length === 0 && current.scope.teams.length === 0;
    if (current?.passwordHash && current.role === 'admin' && wholeScope && (await verifyPassword(password, current.passwordHash))) {
      this.#count = await this.#accounts.countUsers();
      return 'unchanged';
    }
    const passwordHash = await hashPassword(password);
    const user = { username: BOOTSTRAP_ADMIN, passwordHash, role: 'admin', scope: WHOLE_SCOPE, tenant: DEFAULT_TENANT };
    const created = await this.#accounts.upsertUser(user);
    // A new password ends every session opened with the old one.
    if (!created) await this.#accounts.deleteSessionsOf(BOOTSTRAP_ADMIN);
    this.#count = await this.#accounts.countUsers();
    const after = { username: BOOTSTRAP_ADMIN, role: 'admin', scope: WHOLE_SCOPE, tenant: DEFAULT_TENANT };
    await this.record('PLANCIA_ADMIN_PASSWORD', created ? 'user.create' : 'user.password_reset', BOOTSTRAP_ADMIN, null, after);
    return created ? 'created' : 'reset';
  }

  /** An audit entry about a user (logins and failures included); never a password or a hash. */
  record(actor: string, action: string, username: string, before: unknown, after: unknown): Promise<void> {
    return this.#audit.record({ actor, action, resource: `users/${username}`, before, after, atMs: this.#now() });
  }
}
