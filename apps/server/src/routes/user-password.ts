import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, SetPasswordRequest, USERNAME_PATTERN } from '@plancia/contracts';
import { actorOf } from '../config-api/actor.js';
import { SESSION_COOKIE, sessionCookieOptions } from '../session/session-cookie.js';
import { managesAccount, managesTenant } from '../tenancy/account-rules.js';
import { principalOf } from '../tenancy/tenancy-plugin.js';
import { FAILED_LOGIN_DELAY_MS } from './session.js';

const refuse = (reply: FastifyReply, status: 400 | 403 | 404 | 409, message: string) =>
  reply.code(status).send({ error: { 400: 'invalid_request', 403: 'forbidden', 404: 'not_found', 409: 'conflict' }[status], message });

/**
 * `PUT /api/v1/users/{username}/password`: a signed-in user changes its own password (with the current one), an
 * administrator sets the password of a user it manages. Either way every session of that user ends; one's own
 * change opens a new session in its place, so the person who changed it stays signed in on this browser only.
 */
export default async function userPasswordRoute(app: FastifyInstance) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  fastify.setValidatorCompiler(TypeBoxValidatorCompiler);
  const { users, sessions, metrics } = fastify;

  fastify.put('/api/v1/users/:username/password', {
    onRequest: fastify.requireRole('view'),
    config: { rateLimit: { max: fastify.config.rateLimits.loginPerMinute, timeWindow: 60_000 } },
    schema: {
      tags: ['users'],
      summary: "Change one's own password, or set a user's as an administrator",
      description: 'Ends every session of the user. Changing your own password needs `currentPassword` (a wrong one '
        + `answers 403 after ${FAILED_LOGIN_DELAY_MS / 1000} s, counted as a failed login) and sets a new session cookie. `
        + 'An administrator sets the password of a user of a tenant it manages and, when scoped, of a user within its '
        + 'scope (403 otherwise; another tenant\'s user is 404). A user that signs in through the identity provider has no password here (409).',
      params: Type.Object({ username: Type.String({ pattern: USERNAME_PATTERN }) }),
      body: SetPasswordRequest,
      response: { 204: { type: 'null' }, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody },
    },
  }, async (request, reply) => {
    const { username } = request.params;
    const { password, currentPassword } = request.body;
    const principal = principalOf(request);
    const own = principal.kind === 'user' && principal.name === username;

    if (own) {
      if (currentPassword === undefined) return refuse(reply, 400, 'currentPassword: needed to change your own password');
      if (!(await users.authenticate(username, currentPassword))) {
        metrics.loginFailures.inc();
        await users.record(actorOf(request), 'user.password_change_failed', username, null, null);
        await sleep(FAILED_LOGIN_DELAY_MS);
        return refuse(reply, 403, 'currentPassword: does not match');
      }
    } else {
      if (!fastify.access.authorize('admin', request, undefined, request.user).ok) {
        return refuse(reply, 403, 'username: only an administrator sets another user\'s password');
      }
      const account = await users.find(username);
      // Another tenant's user is as unknown here as one that does not exist.
      if (!account || !managesTenant(principal, account.tenant)) return refuse(reply, 404, `username: no user ${username}`);
      if (!managesAccount(fastify.tenancy, principal, account)) return refuse(reply, 403, `username: ${username} sees more than your scope`);
    }

    if (!(await users.setPassword(username, password, actorOf(request)))) {
      return refuse(reply, 409, `username: ${username} signs in through the identity provider and has no password here`);
    }
    if (own) {
      const session = await sessions.open(username);
      reply.setCookie(SESSION_COOKIE, session.id, sessionCookieOptions(request));
    }
    return reply.code(204).send();
  });
}
