import type { AccountScope, UserRole } from '@plancia/contracts';
import { isInstallationWide, isUnscoped, type Principal } from '../plugins/app/principal.js';
import type { Tenancy } from './tenancy.js';

/** What an administrator may give a new user or token, or why not (a message naming the field). */
export type Grant = { ok: true; tenant: string; scope: AccountScope } | { ok: false; status: 400 | 403; message: string };

/**
 * An administrator hands out at most what it holds: its own tenant (another only from the installation's own,
 * unscoped) and a scope within its own. A scoped administrator's new account without a scope gets the
 * administrator's scope, never the whole tenant.
 */
export function grantFor(tenancy: Tenancy, admin: Principal, asked: { tenant?: string | undefined; scope?: AccountScope | undefined }): Grant {
  const tenant = asked.tenant ?? admin.tenant;
  if (tenant !== admin.tenant && !isInstallationWide(admin)) {
    return { ok: false, status: 403, message: `tenant: only an administrator of the whole installation may place accounts in tenant ${tenant}` };
  }
  if (!tenancy.has(tenant)) return { ok: false, status: 400, message: `tenant: no tenant ${tenant}` };
  const scope = asked.scope ?? admin.scope;
  if (tenant === admin.tenant && !isUnscoped(admin)) {
    if (isUnscoped({ ...admin, scope })) return { ok: true, tenant, scope: admin.scope };
    const reach = tenancy.reachOf(admin);
    const queues = scope.queues.filter((id) => !reach.hasQueue(id));
    if (queues.length > 0) return { ok: false, status: 403, message: `scope/queues: outside your scope: ${queues.join(', ')}` };
    const teams = scope.teams.filter((id) => !reach.hasTeam(id));
    if (teams.length > 0) return { ok: false, status: 403, message: `scope/teams: outside your scope: ${teams.join(', ')}` };
  }
  return { ok: true, tenant, scope };
}

/**
 * What an administrator may make a user (a new one, or an existing one as a change leaves it): the grant of any
 * account, and an agent id exactly for the role agent, since an agent acts on the floor as one agent of the ACD.
 */
export function userGrantFor(
  tenancy: Tenancy,
  admin: Principal,
  asked: { role: UserRole; agentId?: string | undefined; tenant?: string | undefined; scope?: AccountScope | undefined },
): Grant {
  if ((asked.role === 'agent') !== (asked.agentId !== undefined)) {
    const message = asked.role === 'agent' ? 'agentId: required for the role agent' : `agentId: only for the role agent, not ${asked.role}`;
    return { ok: false, status: 400, message };
  }
  return grantFor(tenancy, admin, asked);
}

/** An administrator manages the accounts of its own tenant; the installation's own manages all. */
export const managesTenant = (admin: Principal, tenant: string): boolean => isInstallationWide(admin) || admin.tenant === tenant;

/**
 * An administrator manages an existing account (removes it, sets its password) when it is of a tenant it manages and,
 * for a scoped administrator, within its scope: never an account that sees more than the administrator does.
 */
export function managesAccount(tenancy: Tenancy, admin: Principal, account: { tenant: string; scope: AccountScope }): boolean {
  if (!managesTenant(admin, account.tenant)) return false;
  if (isUnscoped(admin)) return true;
  if (isUnscoped({ ...admin, scope: account.scope })) return false;
  const reach = tenancy.reachOf(admin);
  return account.scope.queues.every((id) => reach.hasQueue(id)) && account.scope.teams.every((id) => reach.hasTeam(id));
}
