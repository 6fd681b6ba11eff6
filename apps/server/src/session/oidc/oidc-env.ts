import { Type, type Static } from '@sinclair/typebox';
import { isLoopback } from '../../plugins/app/access-policy.js';
import { parseRoleMap, type RoleRule } from './claim-mapping.js';

const ROLE_RULE = '[^=,\\s][^=,]*=(viewer|agent|supervisor|admin)';
const CLAIM_PATH = '[A-Za-z0-9_:/.-]+';
const optionalClaim = (description: string) =>
  Type.String({ default: '', pattern: `^(${CLAIM_PATH})?$`, description });
const claim = (fallback: string, description: string) =>
  Type.String({ default: fallback, pattern: `^${CLAIM_PATH}$`, description });

/** Sign-in through an OpenID Connect provider, spread into the server's EnvSchema (validated at boot with the rest). */
export const OIDC_ENV = {
  PLANCIA_OIDC_ISSUER: Type.Optional(Type.String({
    pattern: '^https?://[^\\s]+$',
    description: 'OpenID Connect provider: its issuer URL (or its /.well-known/openid-configuration URL); set, people may sign in through it (http only for a loopback provider)',
  })),
  PLANCIA_OIDC_CLIENT_ID: Type.Optional(Type.String({ minLength: 1, description: 'the client id Plancia has at the provider (required with PLANCIA_OIDC_ISSUER)' })),
  PLANCIA_OIDC_CLIENT_SECRET: Type.Optional(Type.String({ minLength: 1, description: 'its client secret (unset: a public client, PKCE only)' })),
  PLANCIA_OIDC_REDIRECT_URL: Type.Optional(Type.String({
    pattern: '^https?://[^\\s]+$',
    description: 'the redirect URI registered at the provider (unset: PLANCIA_PUBLIC_URL + /api/v1/session/oidc/callback, or without it the address the browser used)',
  })),
  PLANCIA_OIDC_SCOPES: Type.String({
    default: 'openid profile email',
    pattern: '^\\s*(\\S+\\s+)*openid(\\s+\\S+)*\\s*$',
    description: 'scopes asked of the provider, space-separated, openid among them (add e.g. groups where the provider sends groups only then)',
  }),
  PLANCIA_OIDC_ROLE_CLAIM: claim('groups', 'claim whose values PLANCIA_OIDC_ROLE_MAP maps to roles; a dotted path reaches inside objects, e.g. realm_access.roles'),
  PLANCIA_OIDC_ROLE_MAP: Type.String({
    default: '',
    pattern: `^(\\s*${ROLE_RULE}\\s*(,\\s*${ROLE_RULE}\\s*)*)?$`,
    description: 'claim value=role, comma-separated, e.g. plancia-admins=admin,plancia-supervisors=supervisor,*=viewer; the highest matching role wins, * matches everyone; a person matching none is refused',
  }),
  PLANCIA_OIDC_QUEUES_CLAIM: claim('plancia_queues', 'claim listing the queues a person sees (absent: every queue of the tenant, unless teams are listed)'),
  PLANCIA_OIDC_TEAMS_CLAIM: claim('plancia_teams', 'claim listing the teams a person sees (absent: every team of the tenant, unless queues are listed)'),
  PLANCIA_OIDC_TENANT_CLAIM: optionalClaim('claim naming the tenant a person belongs to (empty: everyone signs in to the default tenant; set, a person without it is refused)'),
  PLANCIA_OIDC_USERNAME_PREFIX: Type.String({
    default: '',
    pattern: '^([A-Za-z0-9][A-Za-z0-9._@-]{0,15})?$',
    description: 'put before the provider\'s preferred_username to make the Plancia username, e.g. sso- (keeps provider names apart from local users)',
  }),
  PLANCIA_OIDC_NAME: Type.String({ default: 'OpenID Connect', minLength: 1, maxLength: 60, description: 'the provider\'s name on the login page ("Sign in with …")' }),
};
type OidcEnv = Static<ReturnType<typeof Type.Object<typeof OIDC_ENV>>> & { PLANCIA_PUBLIC_URL?: string | undefined };

/** Variables whose values are secrets: never echoed in a configuration error. */
export const OIDC_SECRET_VARIABLES = ['PLANCIA_OIDC_CLIENT_SECRET'] as const;

/** Where the provider sends the browser back to; the path is fixed by the routes. */
export const OIDC_CALLBACK_PATH = '/api/v1/session/oidc/callback';

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  /** Explicit or from PLANCIA_PUBLIC_URL; unset: from the address of each login request. */
  redirectUrl?: string;
  scopes: string;
  roleClaim: string;
  roleRules: RoleRule[];
  queuesClaim: string;
  teamsClaim: string;
  /** Unset: everyone belongs to the default tenant. */
  tenantClaim?: string;
  usernamePrefix: string;
  name: string;
}

/** An http URL is acceptable only on this machine: a provider started by a test or a developer. */
export function isLoopbackHttp(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'http:' && (hostname === 'localhost' || isLoopback(hostname.replace(/^\[|\]$/g, '')));
}

/** What is wrong with the OIDC variables taken together (each one alone has passed its pattern). */
export function oidcProblems(env: OidcEnv): string[] {
  const asked = (['PLANCIA_OIDC_CLIENT_ID', 'PLANCIA_OIDC_CLIENT_SECRET', 'PLANCIA_OIDC_REDIRECT_URL'] as const).filter((key) => env[key] !== undefined);
  if (env.PLANCIA_OIDC_ISSUER === undefined) {
    return asked.length > 0 ? [`${asked.join(', ')}: set PLANCIA_OIDC_ISSUER too, or nobody can sign in through a provider`] : [];
  }
  const problems: string[] = [];
  if (env.PLANCIA_OIDC_ISSUER.startsWith('http:') && !isLoopbackHttp(env.PLANCIA_OIDC_ISSUER)) {
    problems.push('PLANCIA_OIDC_ISSUER: must be https (http only for a provider on this machine)');
  }
  if (env.PLANCIA_OIDC_CLIENT_ID === undefined) problems.push('PLANCIA_OIDC_CLIENT_ID: required with PLANCIA_OIDC_ISSUER');
  if (env.PLANCIA_OIDC_ROLE_MAP.trim() === '') {
    problems.push('PLANCIA_OIDC_ROLE_MAP: required with PLANCIA_OIDC_ISSUER (e.g. plancia-admins=admin,*=viewer): without it nobody would get a role');
  }
  return problems;
}

/** The OIDC settings, once oidcProblems found nothing; undefined when no provider is configured. */
export function oidcConfig(env: OidcEnv): OidcConfig | undefined {
  if (env.PLANCIA_OIDC_ISSUER === undefined || env.PLANCIA_OIDC_CLIENT_ID === undefined) return undefined;
  const publicUrl = env.PLANCIA_PUBLIC_URL?.replace(/\/+$/, '');
  const redirectUrl = env.PLANCIA_OIDC_REDIRECT_URL ?? (publicUrl === undefined ? undefined : `${publicUrl}${OIDC_CALLBACK_PATH}`);
  return {
    issuer: env.PLANCIA_OIDC_ISSUER,
    clientId: env.PLANCIA_OIDC_CLIENT_ID,
    ...(env.PLANCIA_OIDC_CLIENT_SECRET === undefined ? {} : { clientSecret: env.PLANCIA_OIDC_CLIENT_SECRET }),
    ...(redirectUrl === undefined ? {} : { redirectUrl }),
    scopes: env.PLANCIA_OIDC_SCOPES.trim().split(/\s+/).join(' '),
    roleClaim: env.PLANCIA_OIDC_ROLE_CLAIM,
    roleRules: parseRoleMap(env.PLANCIA_OIDC_ROLE_MAP),
    queuesClaim: env.PLANCIA_OIDC_QUEUES_CLAIM,
    teamsClaim: env.PLANCIA_OIDC_TEAMS_CLAIM,
    ...(env.PLANCIA_OIDC_TENANT_CLAIM === '' ? {} : { tenantClaim: env.PLANCIA_OIDC_TENANT_CLAIM }),
    usernamePrefix: env.PLANCIA_OIDC_USERNAME_PREFIX,
    name: env.PLANCIA_OIDC_NAME,
  };
}
