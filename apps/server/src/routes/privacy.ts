import type { FastifyInstance } from 'fastify';
import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorBody, PrivacySettings } from '@plancia/contracts';
import { actorOf } from '../config-api/actor.js';
import { TenancyRefusal } from '../tenancy/tenancy.js';
import { principalOf } from '../tenancy/tenancy-plugin.js';
import { isUnscoped } from '../plugins/app/principal.js';

const tags = ['privacy'];

const NAMED_NEEDS_AGREEMENT = 'agreement: named agent detail needs the reference of the union agreement or the labour inspectorate\'s authorisation (art. 4 L. 300/1970)';

/**
 * How much of each agent the caller's tenant lets out (docs/privacy.md): anyone who sees the board may read it (the
 * board shows a note instead of an empty agents table when it is off); only an administrator changes it, audited.
 */
export default async function privacyRoutes(app: FastifyInstance) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  fastify.setValidatorCompiler(TypeBoxValidatorCompiler);

  fastify.get('/api/v1/settings/privacy', {
    onRequest: fastify.requireRole('view'),
    schema: { tags, summary: "The agent-detail mode of the caller's tenant", response: { 200: PrivacySettings, 401: ErrorBody, 403: ErrorBody } },
  }, async (request) => fastify.tenancy.privacy(principalOf(request).tenant));

  fastify.put('/api/v1/settings/privacy', {
    onRequest: fastify.requireRole('admin'),
    schema: {
      tags,
      summary: "Set the agent-detail mode of the caller's tenant",
      description: '`off` (the default): only counts per queue and team leave the server; `pseudonymous`: agents under stable pseudonyms; `named`: names, only with `agreement`, the reference of the union agreement or the authorisation of the Ispettorato Nazionale del Lavoro (art. 4 L. 300/1970). Boards start over under the new mode; the change is audited.',
      body: PrivacySettings,
      response: { 200: PrivacySettings, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
  }, async (request, reply) => {
    const principal = principalOf(request);
    // The level covers every agent of the tenant: an administrator of part of it may not decide it for the rest.
    if (!isUnscoped(principal)) {
      return reply.code(403).send({ error: 'forbidden', message: 'agentDetail: only an administrator of the whole tenant sets its agent-detail level' });
    }
    if (request.body.agentDetail === 'named' && !request.body.agreement) {
      return reply.code(400).send({ error: 'invalid_request', message: NAMED_NEEDS_AGREEMENT, details: [{ path: '/agreement', message: NAMED_NEEDS_AGREEMENT }] });
    }
    try {
      return await fastify.tenancy.setPrivacy(principal.tenant, request.body, actorOf(request));
    } catch (error) {
      if (!(error instanceof TenancyRefusal)) throw error;
      return reply.code(error.status === 409 ? 400 : error.status).send({ error: error.status === 404 ? 'not_found' : 'invalid_request', message: error.message });
    }
  });
}
