import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorBody, LoginRequest, SessionInfo } from '@plancia/contracts';
import { SESSION_COOKIE, sessionCookieOptions, sessionIdOf } from '../session/session-cookie.js';

/** A wrong username or password is answered this much later: guessing online gets slower, not only counted. */
export const FAILED_LOGIN_DELAY_MS = 1_000;

const tags = ['session'];
const WRONG = { error: 'unauthorized', message: 'Wrong username or password' };
const NOT_SIGNED_IN = { error: 'unauthorized', message: 'Not signed in' };

function refuseSignIn(reply: FastifyReply, body: { error: string; message: string }) {
  return reply.code(401).header('www-authenticate', 'Bearer').send(body);
}

/** Log in, who am I, log out: a session in an HttpOnly, SameSite=Strict cookie. */
export default async function sessionRoutes(app: FastifyInstance) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  fastify.setValidatorCompiler(TypeBoxValidatorCompiler);
  const { users, sessions, metrics, tenancy } = fastify;
  const sessionInfo = (user: Omit<SessionInfo, 'expiresAt' | 'tenantName'>, expiresAtMs: number): SessionInfo => {
    const tenantName = tenancy.get(user.tenant)?.name;
    return { ...user, ...(tenantName === undefined ? {} : { tenantName }), expiresAt: new Date(expiresAtMs).toISOString() };
  };

  fastify.post('/api/v1/session', {
    config: { rateLimit: { max: fastify.config.rateLimits.loginPerMinute, timeWindow: 60_000 } },
    schema: {
      tags,
      summary: 'Log in',
      description: `Sets the session cookie \`${SESSION_COOKIE}\`. A wrong username or password answers 401 (the same for both, `
        + `after ${FAILED_LOGIN_DELAY_MS / 1000} s); more than PLANCIA_LOGIN_RATE_LIMIT attempts a minute from one client answer 429.`,
      body: LoginRequest,
      response: { 200: SessionInfo, 400: ErrorBody, 401: ErrorBody, 429: ErrorBody },
    },
  }, async (request, reply) => {
    const { username, password } = request.body;
    const user = await users.authenticate(username, password);
    if (!user) {
      metrics.loginFailures.inc();
      await users.record(`client:${request.ip}`, 'session.login_failed', username, null, null);
      await sleep(FAILED_LOGIN_DELAY_MS);
      return refuseSignIn(reply, WRONG);
    }
    const previous = sessionIdOf(request);
    if (previous !== undefined) await sessions.close(previous);
    const session = await sessions.open(user.username);
    await users.record(`user:${user.username}`, 'session.login', user.username, null, null);
    reply.setCookie(SESSION_COOKIE, session.id, sessionCookieOptions(request));
    return sessionInfo(user, session.expiresAtMs);
  });

  fastify.get('/api/v1/session', {
    schema: { tags, summary: 'The signed-in user of the session cookie', response: { 200: SessionInfo, 401: ErrorBody } },
  }, async (request, reply) => {
    const id = sessionIdOf(request);
    const open = id === undefined ? undefined : await sessions.identify(id);
    if (!open) return refuseSignIn(reply, NOT_SIGNED_IN);
    return sessionInfo(open.user, open.expiresAtMs);
  });

  fastify.delete('/api/v1/session', {
    schema: { tags, summary: 'Log out: ends the session and clears its cookie', response: { 204: { type: 'null' } } },
  }, async (request: FastifyRequest, reply) => {
    const id = sessionIdOf(request);
    const open = id === undefined ? undefined : await sessions.identify(id);
    if (id !== undefined) await sessions.close(id);
    if (open) await users.record(`user:${open.user.username}`, 'session.logout', open.user.username, null, null);
    reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(request));
    return reply.code(204).send();
  });
}
