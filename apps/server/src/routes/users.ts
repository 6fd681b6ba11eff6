import type { FastifyInstance } from 'fastify';
import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CreateUserRequest, ErrorBody, USERNAME_PATTERN, UserList, UserSummary } from '@plancia/contracts';
import { actorOf } from '../config-api/actor.js';

const tags = ['users'];

/** Local users, for administrators. Scopes are stored as given; the board does not narrow itself to them yet. */
export default async function userRoutes(app: FastifyInstance) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  fastify.setValidatorCompiler(TypeBoxValidatorCompiler);
  const admin = fastify.requireRole('admin');
  const { users } = fastify;

  fastify.get('/api/v1/users', {
    onRequest: admin,
    schema: { tags, summary: 'Every local user (never a password hash)', response: { 200: UserList, 401: ErrorBody, 403: ErrorBody } },
  }, async () => ({ users: await users.list() }));

  fastify.post('/api/v1/users', {
    onRequest: admin,
    schema: {
      tags,
      summary: 'Create a local user',
      body: CreateUserRequest,
      response: { 201: UserSummary, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody },
    },
  }, async (request, reply) => {
    const { username, role, scope = { queues: [], teams: [] } } = request.body;
    if (!(await users.create(request.body, actorOf(request)))) {
      return reply.code(409).send({ error: 'conflict', message: `username: ${username} is taken` });
    }
    return reply.code(201).send({ username, role, scope });
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
    if (!(await users.remove(username, actorOf(request)))) return reply.code(404).send({ error: 'not_found', message: `username: no user ${username}` });
    return reply.code(204).send();
  });
}
