import { createHash } from 'node:crypto';
import { DEFAULT_TENANT, TENANT_ID_PATTERN, USERNAME_PATTERN, type AccountScope, type UserRole } from '@plancia/contracts';

/** One entry of PLANCIA_OIDC_ROLE_MAP: people whose role claim holds `value` (`*`: everyone) get `role`. */
export interface RoleRule {
  value: string;
  role: UserRole;
}

/** What a provider's claims make of a person in Plancia. */
export interface Identity {
  username: string;
  role: UserRole;
  scope: AccountScope;
  tenant: string;
}

/** Why claims make nobody: the reason travels to the login page as `?login_error=`. */
export interface Refusal {
  refused: 'no_subject' | 'no_role' | 'no_tenant' | 'empty_scope';
  message: string;
  /** The username the person would have had, for the audit log. */
  username?: string;
}

/** The claim names and rules mapping is driven by (a part of OidcConfig). */
export interface ClaimSettings {
  roleClaim: string;
  roleRules: readonly RoleRule[];
  queuesClaim: string;
  teamsClaim: string;
  tenantClaim?: string | undefined;
  usernamePrefix: string;
}

const RANK: Readonly<Record<UserRole, number>> = { viewer: 1, agent: 2, supervisor: 3, admin: 4 };
const NAME_LIMITS = { maxLength: 200, maxItems: 1000 };

/** `plancia-admins=admin, *=viewer` → rules; the pattern of PLANCIA_OIDC_ROLE_MAP has already checked the shape. */
export function parseRoleMap(text: string): RoleRule[] {
  return text.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '').map((entry) => {
    const at = entry.lastIndexOf('=');
    return { value: entry.slice(0, at).trim(), role: entry.slice(at + 1).trim() as UserRole };
  });
}

/**
 * The claim at `path`. A name holding dots is tried whole first (claims named by URL, as Auth0 wants them), then as
 * a path into nested objects (Keycloak's `realm_access.roles`).
 */
export function claimAt(claims: Readonly<Record<string, unknown>>, path: string): unknown {
  if (path in claims) return claims[path];
  let value: unknown = claims;
  for (const step of path.split('.')) {
    if (typeof value !== 'object' || value === null || !(step in value)) return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}

/** A claim's values as text: a list of strings, or one string taken whole (group names may hold spaces); undefined when absent. */
export function claimValues(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

/** The highest role of the rules the values match; undefined when none matches. */
export function roleOf(values: readonly string[], rules: readonly RoleRule[]): UserRole | undefined {
  const matched = rules.filter((rule) => rule.value === '*' || values.includes(rule.value)).map((rule) => rule.role);
  return matched.sort((a, b) => RANK[b] - RANK[a])[0];
}

/** The names of a scope claim, as AccountScope holds them: trimmed, unique, within the contract's limits. */
function scopeNames(value: unknown): string[] | undefined {
  const values = claimValues(value);
  if (values === undefined) return undefined;
  const names = values.map((name) => name.trim()).filter((name) => name !== '' && name.length <= NAME_LIMITS.maxLength);
  return [...new Set(names)].slice(0, NAME_LIMITS.maxItems);
}

/**
 * The Plancia username: the prefix and `preferred_username` (or `sub`) when that fits USERNAME_PATTERN, else the
 * prefix and a stable digest of the subject, so a name with spaces or accents still gives the same user each time.
 */
export function usernameOf(claims: Readonly<Record<string, unknown>>, prefix: string): string | undefined {
  const { sub, preferred_username: preferred } = claims;
  if (typeof sub !== 'string' || sub === '') return undefined;
  const pattern = new RegExp(USERNAME_PATTERN);
  for (const candidate of [preferred, sub]) {
    if (typeof candidate === 'string' && pattern.test(`${prefix}${candidate}`)) return `${prefix}${candidate}`;
  }
  return `${prefix}oidc-${createHash('sha256').update(sub).digest('hex').slice(0, 20)}`;
}

function tenantOf(claims: Readonly<Record<string, unknown>>, tenantClaim: string | undefined): string | Refusal {
  if (tenantClaim === undefined) return DEFAULT_TENANT;
  const value = claimAt(claims, tenantClaim);
  if (typeof value === 'string' && new RegExp(TENANT_ID_PATTERN).test(value)) return value;
  return { refused: 'no_tenant', message: `The provider sent no valid tenant in the claim ${tenantClaim}` };
}

/** Who the provider's claims (ID token and userinfo merged) make of a person, or why they make nobody. */
export function mapClaims(claims: Readonly<Record<string, unknown>>, settings: ClaimSettings): Identity | Refusal {
  const username = usernameOf(claims, settings.usernamePrefix);
  if (username === undefined) return { refused: 'no_subject', message: 'The provider sent no subject (sub)' };
  const role = roleOf(claimValues(claimAt(claims, settings.roleClaim)) ?? [], settings.roleRules);
  if (role === undefined) {
    return { refused: 'no_role', username, message: `No rule of PLANCIA_OIDC_ROLE_MAP matches the claim ${settings.roleClaim} of ${username}: ask an administrator for access` };
  }
  const tenant = tenantOf(claims, settings.tenantClaim);
  if (typeof tenant !== 'string') return { ...tenant, username };
  const queues = scopeNames(claimAt(claims, settings.queuesClaim));
  const teams = scopeNames(claimAt(claims, settings.teamsClaim));
  // An empty scope means "everything": a claim that is there but lists nothing must not grant the whole tenant.
  if ((queues !== undefined || teams !== undefined) && (queues ?? []).length === 0 && (teams ?? []).length === 0) {
    return { refused: 'empty_scope', username, message: `The claims ${settings.queuesClaim} and ${settings.teamsClaim} list no queue and no team` };
  }
  return { username, role, scope: { queues: queues ?? [], teams: teams ?? [] }, tenant };
}

export const isRefusal = (outcome: Identity | Refusal): outcome is Refusal => 'refused' in outcome;
