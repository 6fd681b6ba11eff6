import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { DEFAULT_TENANT, OidcProviderInfo } from '@plancia/contracts';
import { hostName, knownHostNames } from '../plugins/app/access-policy.js';
import { SESSION_COOKIE, cameOverTls, sessionCookieOptions, sessionIdOf } from '../session/session-cookie.js';
import { isRefusal, mapClaims } from '../session/oidc/claim-mapping.js';
import { OIDC_CALLBACK_PATH, type OidcConfig } from '../session/oidc/oidc-env.js';
import { TRANSACTION_COOKIE, TransactionSeal, transactionCookieOptions, transactionKey } from '../session/oidc/oidc-transaction.js';

const tags = ['session'];
const LOGIN_PATH = '/api/v1/session/oidc/login';

/**
 * Why a sign-in through the provider failed, as the login page gets it in `/?login_error=`: `expired` (no, an altered or
 * a stale transaction cookie), `state_mismatch`, `provider_refused` (the provider answered with an error, e.g. the
 * person declined), `provider_unreachable`, `exchange_failed` (the code or the ID token did not pass), `no_role`,
 * `no_tenant`, `empty_scope`, `no_subject` (the claims, see claim-mapping.ts), `local_account` (the name is a local
 * user's), `unknown_host` (no redirect URL configured and the browser used a name this server does not know).
 */
export type OidcFailure =
  | 'expired' | 'state_mismatch' | 'provider_refused' | 'provider_unreachable' | 'exchange_failed'
  | 'no_role' | 'no_tenant' | 'empty_scope' | 'no_subject' | 'local_account' | 'unknown_host';

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

const CallbackQuery = Type.Object({
  code: Type.Optional(Type.String({ maxLength: 4096 })),
  state: Type.Optional(Type.String({ maxLength: 1024 })),
  error: Type.Optional(Type.String({ maxLength: 256 })),
  error_description: Type.Optional(Type.String({ maxLength: 4096 })),
});

/**
 * The redirect URI: configured, or else the callback on the address the browser used, only when that names this
 * server (a forged Host could otherwise choose where the provider sends the code; the provider checks it too).
 */
function redirectUriResolver(fastify: FastifyInstance, settings: OidcConfig) {
  if (settings.redirectUrl !== undefined) return () => settings.redirectUrl;
  const { config } = fastify;
  const known = knownHostNames({ ...config, publicUrl: config.adapters.publicUrl });
  return (request: FastifyRequest) => {
    const host = request.headers.host ?? '';
    if (!known.has(hostName(host))) return undefined;
    return `${cameOverTls(request) ? 'https' : 'http'}://${host}${OIDC_CALLBACK_PATH}`;
  };
}

/**
 * Sign in through an OpenID Connect provider (registered only when PLANCIA_OIDC_ISSUER is set): the login page asks
 * for the provider's name, the browser goes to the provider and comes back to the callback, which opens the same
 * session as a password login.
 */
export default async function oidcSessionRoutes(app: FastifyInstance) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  fastify.setValidatorCompiler(TypeBoxValidatorCompiler);
  const settings = fastify.config.oidc;
  if (!settings) return;
  const { users, sessions, metrics } = fastify;
  // openid-client and jose are loaded only when OIDC is configured: most starts never use them.
  const { IdentityProvider, ProviderUnavailableError } = await import('../session/oidc/identity-provider.js');
  const provider = new IdentityProvider(settings);
  const seal = new TransactionSeal(transactionKey(settings.clientSecret));
  const redirectUriOf = redirectUriResolver(fastify, settings);
  const rateLimit = { max: fastify.config.rateLimits.loginPerMinute, timeWindow: 60_000 };

  const fail = async (request: FastifyRequest, reply: FastifyReply, reason: OidcFailure, username = '(unknown)', error?: unknown) => {
    metrics.loginFailures.inc();
    request.log.warn({ reason, username, ...(error === undefined ? {} : { err: error }) }, 'sign-in through OpenID Connect refused');
    await users.record(`client:${request.ip}`, 'session.login_failed', username, null, { method: 'oidc', reason });
    return reply.redirect(`/?login_error=${reason}`, 302);
  };

  fastify.get('/api/v1/session/oidc', {
    schema: { tags, summary: 'The OpenID Connect provider of the login page (404 when none is configured)', response: { 200: OidcProviderInfo } },
  }, async () => ({ name: settings.name, loginUrl: LOGIN_PATH }));

  fastify.get(LOGIN_PATH, {
    config: { rateLimit },
    schema: {
      tags,
      summary: 'Sign in through the OpenID Connect provider: redirects there',
      description: `Redirects (302) to the provider with PKCE, state and nonce, kept in the signed HttpOnly cookie \`${TRANSACTION_COOKIE}\` `
        + 'for ten minutes; when the provider cannot be reached, to /?login_error=provider_unreachable.',
    },
  }, async (request, reply) => {
    const redirectUri = redirectUriOf(request);
    if (redirectUri === undefined) return fail(request, reply, 'unknown_host');
    let started;
    try {
      started = await provider.startLogin(redirectUri);
    } catch (error) {
      if (error instanceof ProviderUnavailableError) return fail(request, reply, 'provider_unreachable', undefined, error);
      throw error;
    }
    reply.setCookie(TRANSACTION_COOKIE, seal.seal(started.transaction), transactionCookieOptions(request));
    return reply.redirect(started.url.href, 302);
  });

  fastify.get(OIDC_CALLBACK_PATH, {
    config: { rateLimit },
    schema: {
      tags,
      summary: 'Where the OpenID Connect provider sends the browser back',
      description: `Checks the answer against the transaction cookie, maps the claims to a role, scope and tenant (PLANCIA_OIDC_ROLE_MAP `
        + `and the claim variables), creates or updates the user without a password, sets the session cookie \`${SESSION_COOKIE}\` and `
        + 'redirects (302) to /. A refusal redirects to /?login_error=<reason> and is written to the audit log.',
      querystring: CallbackQuery,
    },
  }, async (request, reply) => {
    const transaction = seal.open(request.cookies[TRANSACTION_COOKIE]);
    reply.clearCookie(TRANSACTION_COOKIE, transactionCookieOptions(request));
    if (!transaction) return fail(request, reply, 'expired');
    const { state, error } = request.query;
    if (error !== undefined) return fail(request, reply, 'provider_refused', undefined, new Error(`the provider answered ${error}`));
    if (state === undefined || !sameText(state, transaction.state)) return fail(request, reply, 'state_mismatch');

    let claims;
    try {
      claims = await provider.finishLogin(request.url.split('?')[1] ?? '', transaction);
    } catch (failure) {
      return fail(request, reply, failure instanceof ProviderUnavailableError ? 'provider_unreachable' : 'exchange_failed', undefined, failure);
    }
    const person = mapClaims(claims, settings);
    if (isRefusal(person)) return fail(request, reply, person.refused, person.username, new Error(person.message));
    // A tenant must exist before its people sign in: a mistyped claim would otherwise make a user of no tenant.
    if (person.tenant !== DEFAULT_TENANT && !(fastify.hasDecorator('tenancy') && fastify.tenancy.has(person.tenant))) {
      return fail(request, reply, 'no_tenant', person.username, new Error(`no tenant ${person.tenant}`));
    }
    if ((await users.upsertFromProvider(person, `oidc:${settings.issuer}`)) === 'local') return fail(request, reply, 'local_account', person.username);

    const previous = sessionIdOf(request);
    if (previous !== undefined) await sessions.close(previous);
    const session = await sessions.open(person.username);
    await users.record(`user:${person.username}`, 'session.login', person.username, null, { method: 'oidc' });
    reply.setCookie(SESSION_COOKIE, session.id, sessionCookieOptions(request));
    return reply.redirect('/', 302);
  });
}
