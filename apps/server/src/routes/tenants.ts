import type { FastifyInstance, FastifyReply } from 'fastify';
import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, Tenant, TenantId, TenantList } from '@plancia/contracts';
import { actorOf } from '../config-api/actor.js';
import { isInstallationWide } from '../plugins/app/principal.js';
import { TenancyRefusal } from '../tenancy/tenancy.js';
import { principalOf } from '../tenancy/tenancy-plugin.js';

const tags = ['tenants'];
const Params = Type.Object({ tenantId: TenantId });
const ERROR_OF = { 400: 'invalid_request', 403: 'forbidden', 404: 'not_found', 409: 'conflict' } as const;

function refused(reply: FastifyReply, error: unknown) {
  if (!(error instanceof TenancyRefusal)) throw error;
  return reply.code(error.status).send({ error: ERROR_OF[error.status], message: error.message });
}

/**
 * Tenants, one per client of an outsourcer: what each owns and its agent-detail mode. Only an administrator of the
 * whole installation (default tenant, no narrower scope) manages them; a tenant's administrator reads its own.
 */
export default async function tenantRoutes(app: FastifyInstance) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  fastify.setValidatorCompiler(TypeBoxValidatorCompiler);
  const admin = fastify.requireRole('admin');
  const { tenancy } = fastify;
  const installationOnly = async (request: Parameters<typeof admin>[0], reply: FastifyReply) => {
    if (!isInstallationWide(principalOf(request))) {
      return reply.code(403).send({ error: 'forbidden', message: 'Only an administrator of the whole installation manages tenants' });
    }
  };

  fastify.get('/api/v1/tenants', {
    onRequest: admin,
    schema: { tags, summary: 'Tenants (a tenant administrator: its own)', response: { 200: TenantList, 401: ErrorBody, 403: ErrorBody } },
  }, async (request) => {
    const principal = principalOf(request);
    return { tenants: tenancy.list().filter((tenant) => isInstallationWide(principal) || tenant.tenantId === principal.tenant) };
  });

  fastify.put('/api/v1/tenants/:tenantId', {
    onRequest: admin,
    preHandler: installationOnly,
    schema: {
      tags,
      summary: 'Create or replace a tenant',
      description: 'The tenant owns the queues and teams listed (a team owns its queues, and agents go with their teams and queues). `named` agent detail needs `privacy.agreement`.',
      params: Params,
      body: Type.Omit(Tenant, ['tenantId']),
      response: { 200: Tenant, 201: Tenant, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
    },
  }, async (request, reply) => {
    const tenant = { tenantId: request.params.tenantId, ...request.body };
    try {
      const outcome = await tenancy.put(tenant, actorOf(request));
      return reply.code(outcome === 'created' ? 201 : 200).send(tenancy.get(tenant.tenantId) ?? tenant);
    } catch (error) {
      return refused(reply, error);
    }
  });

  fastify.delete('/api/v1/tenants/:tenantId', {
    onRequest: admin,
    preHandler: installationOnly,
    schema: {
      tags,
      summary: 'Remove a tenant that no user or token belongs to any more',
      params: Params,
      response: { 204: { type: 'null' }, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
  }, async (request, reply) => {
    try {
      await tenancy.remove(request.params.tenantId, actorOf(request));
      return reply.code(204).send();
    } catch (error) {
      return refused(reply, error);
    }
  });
}
