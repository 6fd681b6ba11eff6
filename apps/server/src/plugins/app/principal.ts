import { DEFAULT_TENANT, type AccountScope } from '@plancia/contracts';

/**
 * Who a request speaks for, once the access policy let it through: a signed-in person (`user`), a named machine
 * token (`token`), a token from the environment (`shared`: unscoped, the installation's), or nobody (`open`: a
 * fresh install without users or tokens, or a loopback client where that is allowed). What it sees follows from its
 * tenant and scope.
 */
export interface Principal {
  kind: 'user' | 'token' | 'shared' | 'open';
  name: string;
  tenant: string;
  scope: AccountScope;
}

export const WHOLE_SCOPE: AccountScope = Object.freeze({ queues: [], teams: [] }) as AccountScope;

/** The installation itself: every queue of every tenant. */
export const installationPrincipal = (kind: 'shared' | 'open', name: string): Principal =>
  ({ kind, name, tenant: DEFAULT_TENANT, scope: WHOLE_SCOPE });

/** How the audit log names a principal. */
export const actorName = (principal: Principal): string =>
  principal.kind === 'open' ? principal.name : `${principal.kind === 'shared' ? 'token' : principal.kind}:${principal.name}`;

/** Sees all of its tenant (no narrower scope). */
export const isUnscoped = (principal: Principal): boolean => principal.scope.queues.length === 0 && principal.scope.teams.length === 0;

/** Administers the whole installation: tenants, and users and tokens of any tenant. */
export const isInstallationWide = (principal: Principal): boolean => principal.tenant === DEFAULT_TENANT && isUnscoped(principal);
