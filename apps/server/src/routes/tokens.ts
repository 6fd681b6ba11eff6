import type { FastifyInstance, FastifyRequest } from 'fastify';
import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CreatedToken, CreateTokenRequest, DEFAULT_TENANT, ErrorBody, TokenList } from '@plancia/contracts';
import { actorOf } from '../config-api/actor.js';

const tags = ['tokens'];

/**
 * The tenant of whoever asks: its principal's once the access policy names one (the cast keeps this compiling
 * before and after `request.principal` is declared), else a session's user's, else the installation's own.
 */
function tenantOf(request: FastifyRequest): string {
  const { principal } = request as { principal?: { tenant: string } };
  return principal?.tenant ?? request.user?.tenant ?? DEFAULT_TENANT;
}

/** The tenant whose tokens a request may list and revoke: undefined for the installation's own, which reaches all. */
function reachOf(request: FastifyRequest): string | undefined {
  const own = tenantOf(request);
  return own === DEFAULT_TENANT ? undefined : own;
}

/** Named machine tokens, for administrators: producers (ingest) and kiosks or TVs (view). */
export default async function tokenRoutes(app: FastifyInstance) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  fastify.setValidatorCompiler(TypeBoxValidatorCompiler);
  const admin = fastify.requireRole('admin');
  const { machineTokens, store } = fastify;

  fastify.get('/api/v1/tokens', {
    onRequest: admin,
    schema: { tags, summary: "Every machine token of the administrator's tenant (all for the installation's own), revoked ones included; never a secret", response: { 200: TokenList, 401: ErrorBody, 403: ErrorBody } },
  }, async (request) => ({ tokens: await machineTokens.list(reachOf(request)) }));

  fastify.post('/api/v1/tokens', {
    onRequest: admin,
    schema: {
      tags,
      summary: 'Create a machine token; its secret is in this answer only',
      body: CreateTokenRequest,
      response: { 201: CreatedToken, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody },
    },
  }, async (request, reply) => {
    const own = tenantOf(request);
    const tenant = request.body.tenant ?? own;
    // Only the installation's own administrators hand out tokens of another tenant.
    if (tenant !== own && own !== DEFAULT_TENANT) {
      return reply.code(403).send({ error: 'forbidden', message: `tenant: an administrator of ${own} creates tokens of ${own} only` });
    }
    if (tenant !== own && !(await store.tenants.find(tenant))) {
      return reply.code(400).send({ error: 'invalid_request', message: `tenant: no tenant ${tenant}`, details: [{ path: '/tenant', message: `no tenant ${tenant}` }] });
    }
    const created = await machineTokens.create({ ...request.body, tenant }, actorOf(request));
    if (!created) return reply.code(409).send({ error: 'conflict', message: `name: a token named ${request.body.name} exists (revoked names stay taken)` });
    return reply.code(201).send(created);
  });

  fastify.delete('/api/v1/tokens/:name', {
    onRequest: admin,
    schema: {
      tags,
      summary: 'Revoke a machine token: refused from the next request on',
      params: Type.Object({ name: CreateTokenRequest.properties.name }),
      response: { 204: { type: 'null' }, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
  }, async (request, reply) => {
    const { name } = request.params;
    if (!(await machineTokens.revoke(name, actorOf(request), reachOf(request)))) return reply.code(404).send({ error: 'not_found', message: `name: no active token ${name}` });
    return reply.code(204).send();
  });
}
