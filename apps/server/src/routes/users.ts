import type { FastifyInstance } from 'fastify';
import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CreateUserRequest, ErrorBody, USERNAME_PATTERN, UserList, UserSummary } from '@plancia/contracts';
import { actorOf } from '../config-api/actor.js';
import { grantFor, managesAccount, managesTenant } from '../tenancy/account-rules.js';
import { principalOf } from '../tenancy/tenancy-plugin.js';

const tags = ['users'];

/**
 * Users, for administrators: each sees and manages the users of its own tenant (the installation's own administrator:
 * every tenant's), and gives no one more than it holds.
 */
export default async function userRoutes(app: FastifyInstance) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  fastify.setValidatorCompiler(TypeBoxValidatorCompiler);
  const admin = fastify.requireRole('admin');
  const { users } = fastify;

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
    // An agent acts on the floor as one agent of the ACD; nobody else is one.
    if ((role === 'agent') !== (agentId !== undefined)) {
      const message = role === 'agent' ? 'agentId: required for the role agent' : `agentId: only for the role agent, not ${role}`;
      return reply.code(400).send({ error: 'invalid_request', message });
    }
    const grant = grantFor(fastify.tenancy, principalOf(request), request.body);
    if (!grant.ok) return reply.code(grant.status).send({ error: grant.status === 403 ? 'forbidden' : 'invalid_request', message: grant.message });
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
      params: Type.Object({ username: Type.String({ pattern: USERNAME_PATTERN }) }),
      response: { 204: { type: 'null' }, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
  }, async (request, reply) => {
    const { username } = request.params;
    const user = await users.find(username);
    const admin = principalOf(request);
    // Another tenant's user is as unknown here as one that does not exist.
    if (!user || !managesTenant(admin, user.tenant)) return reply.code(404).send({ error: 'not_found', message: `username: no user ${username}` });
    if (!managesAccount(fastify.tenancy, admin, user)) {
      return reply.code(403).send({ error: 'forbidden', message: `username: ${username} sees more than your scope` });
    }
    if (!(await users.remove(username, actorOf(request)))) return reply.code(404).send({ error: 'not_found', message: `username: no user ${username}` });
    return reply.code(204).send();
  });
}
