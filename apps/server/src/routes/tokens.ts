import type { FastifyInstance, FastifyRequest } from 'fastify';
import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CreatedToken, CreateTokenRequest, ErrorBody, TokenList } from '@plancia/contracts';
import { actorOf } from '../config-api/actor.js';
import { isInstallationWide } from '../plugins/app/principal.js';
import { grantFor } from '../tenancy/account-rules.js';
import { principalOf } from '../tenancy/tenancy-plugin.js';

const tags = ['tokens'];

/**
 * The tenant whose tokens a request lists and revokes: its administrator's own; undefined for an administrator of the
 * whole installation, which manages every tenant's (the same rule as for users: managesTenant).
 */
function managedTenant(request: FastifyRequest): string | undefined {
  const admin = principalOf(request);
  return isInstallationWide(admin) ? undefined : admin.tenant;
}

/** Named machine tokens, for administrators: producers (ingest) and kiosks or TVs (view). */
export default async function tokenRoutes(app: FastifyInstance) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  fastify.setValidatorCompiler(TypeBoxValidatorCompiler);
  const admin = fastify.requireRole('admin');
  const { machineTokens } = fastify;

  fastify.get('/api/v1/tokens', {
    onRequest: admin,
    schema: { tags, summary: "Every machine token of the administrator's tenant (all for the installation's own), revoked ones included; never a secret", response: { 200: TokenList, 401: ErrorBody, 403: ErrorBody } },
  }, async (request) => ({ tokens: await machineTokens.list(managedTenant(request)) }));

  fastify.post('/api/v1/tokens', {
    onRequest: admin,
    schema: {
      tags,
      summary: 'Create a machine token; its secret is in this answer only',
      body: CreateTokenRequest,
      response: { 201: CreatedToken, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody },
    },
  }, async (request, reply) => {
    // As for users: at most what the administrator holds, its own tenant unless it administers the whole installation.
    const grant = grantFor(fastify.tenancy, principalOf(request), request.body);
    if (!grant.ok) return reply.code(grant.status).send({ error: grant.status === 403 ? 'forbidden' : 'invalid_request', message: grant.message });
    const { tenant, scope } = grant;
    const created = await machineTokens.create({ ...request.body, tenant, scope }, actorOf(request));
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
    if (!(await machineTokens.revoke(name, actorOf(request), managedTenant(request)))) return reply.code(404).send({ error: 'not_found', message: `name: no active token ${name}` });
    return reply.code(204).send();
  });
}
