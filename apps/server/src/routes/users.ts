import type { FastifyInstance, FastifyReply } from 'fastify';
import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CreateUserRequest, ErrorBody, UpdateUserRequest, USERNAME_PATTERN, UserList, UserSummary, type UserRole } from '@plancia/contracts';
import { actorOf } from '../config-api/actor.js';
import { managesAccount, managesTenant, userGrantFor, type Grant } from '../tenancy/account-rules.js';
import { principalOf } from '../tenancy/tenancy-plugin.js';

const tags = ['users'];
const Params = Type.Object({ username: Type.String({ pattern: USERNAME_PATTERN }) });

const refuse = (reply: FastifyReply, refusal: Extract<Grant, { ok: false }>) =>
  reply.code(refusal.status).send({ error: refusal.status === 403 ? 'forbidden' : 'invalid_request', message: refusal.message });
const unknown = (reply: FastifyReply, username: string) => reply.code(404).send({ error: 'not_found', message: `username: no user ${username}` });

/** What a change leaves of a user: the fields not sent stay, except that leaving the role agent drops the agent id. */
function changed(before: UserSummary, change: UpdateUserRequest) {
  const role: UserRole = change.role ?? before.role;
  const agentId = change.agentId ?? (role === 'agent' ? before.agentId : undefined);
  return { role, agentId, tenant: change.tenant ?? before.tenant, scope: change.scope ?? before.scope };
}

/**
 * Users, for administrators: each sees and manages the users of its own tenant (the installation's own administrator:
 * every tenant's), and gives no one more than it holds.
 */
export default async function userRoutes(app: FastifyInstance) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  fastify.setValidatorCompiler(TypeBoxValidatorCompiler);
  const admin = fastify.requireRole('admin');
  const { users } = fastify;

  /**
   * The user `username` if this administrator manages it; otherwise answers for it (another tenant's user is as
   * unknown as one that does not exist: 404; one that sees more than a scoped administrator: 403) and gives undefined.
   */
  async function managedUser(principal: ReturnType<typeof principalOf>, username: string, reply: FastifyReply): Promise<UserSummary | undefined> {
    const user = await users.find(username);
    if (!user || !managesTenant(principal, user.tenant)) return void unknown(reply, username);
    if (!managesAccount(fastify.tenancy, principal, user)) {
      return void reply.code(403).send({ error: 'forbidden', message: `username: ${username} sees more than your scope` });
    }
    return user;
  }

  fastify.get('/api/v1/users', {
    onRequest: admin,
    schema: { tags, summary: 'Every local user (never a password hash)', response: { 200: UserList, 401: ErrorBody, 403: ErrorBody } },
  }, async (request) => {
    const admin = principalOf(request);
    return { users: (await users.list()).filter((user) => managesTenant(admin, user.tenant)) };
  });

  fastify.post('/api/v1/users', {
    onRequest: admin,
    schema: {
      tags,
      summary: 'Create a local user',
      body: CreateUserRequest,
      response: { 201: UserSummary, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody },
    },
  }, async (request, reply) => {
    const { username, role, agentId } = request.body;
    const grant = userGrantFor(fastify.tenancy, principalOf(request), request.body);
    if (!grant.ok) return refuse(reply, grant);
    const { tenant, scope } = grant;
    if (!(await users.create({ ...request.body, tenant, scope }, actorOf(request)))) {
      return reply.code(409).send({ error: 'conflict', message: `username: ${username} is taken` });
    }
    return reply.code(201).send({ username, role, scope, tenant, ...(agentId === undefined ? {} : { agentId }) });
  });

  fastify.delete('/api/v1/users/:username', {
    onRequest: admin,
    schema: {
      tags,
      summary: 'Delete a local user and end their sessions',
      params: Params,
      response: { 204: { type: 'null' }, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
  }, async (request, reply) => {
    const { username } = request.params;
    const user = await managedUser(principalOf(request), username, reply);
    if (!user) return reply;
    if (!(await users.remove(username, actorOf(request)))) return unknown(reply, username);
    return reply.code(204).send();
  });

  fastify.patch('/api/v1/users/:username', {
    onRequest: admin,
    schema: {
      tags,
      summary: "Change a user's role, scope, tenant or agent id and end their sessions",
      description: 'Only the fields sent change, under the rules of a new user: an agent needs an agent id, nobody else '
        + 'has one (leaving the role agent drops it), and an administrator gives no more than it holds. A change ends '
        + "every session of the user. Another tenant's user is 404; a user beyond a scoped administrator's scope is 403.",
      params: Params,
      body: UpdateUserRequest,
      response: { 200: UserSummary, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
  }, async (request, reply) => {
    const { username } = request.params;
    const admin = principalOf(request);
    const before = await managedUser(admin, username, reply);
    if (!before) return reply;
    const after = changed(before, request.body);
    const grant = userGrantFor(fastify.tenancy, admin, after);
    if (!grant.ok) return refuse(reply, grant);
    const { tenant, scope } = grant;
    const updated = await users.update(username, { role: after.role, scope, tenant, ...(after.agentId === undefined ? {} : { agentId: after.agentId }) }, actorOf(request));
    return updated ?? unknown(reply, username);
  });
}
