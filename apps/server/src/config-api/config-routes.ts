import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AlertRule, AuditEntry, AuditQuery, ConfigDiff, ConfigDocument, ErrorBody, QueueListEntry, RulePreview } from '@plancia/contracts';
import { StaleWriteError } from '@plancia/store';
import { errorHandler } from '../http-errors.js';
import type { ConfigService } from './config-service.js';
import { resourceRoutes } from './resource-routes.js';
import { actorOf } from './actor.js';
import { InvalidConfigError } from './validation.js';
import { PREVIEW_CONCURRENCY, previewLimiter } from './rule-preview.js';
import { configReachOf, forbidden } from './scoped.js';
import { ScopeRefusal } from '../tenancy/config-reach.js';
import { isInstallationWide } from '../plugins/app/principal.js';
import { principalOf } from '../tenancy/tenancy-plugin.js';

const tags = ['configuration'];

function configErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  // A body the contract refuses is bad configuration, whether it fails before merging (here) or after (the service).
  const invalid = error.validation && error.validationContext === 'body'
    ? new InvalidConfigError(error.validation.map((v) => ({ path: v.instancePath || '/', message: v.message ?? 'invalid' })))
    : error;
  if (invalid instanceof InvalidConfigError) {
    return reply.code(400).send({ error: 'invalid_config', message: invalid.message, details: invalid.details });
  }
  if (error instanceof ScopeRefusal) return reply.code(403).send({ error: 'forbidden', message: error.message });
  if (error instanceof StaleWriteError) {
    return reply.code(412).send({ error: 'stale_write', message: `${error.key} is at version ${error.actualVersion ?? 'none'}, not ${error.expectedVersion}` });
  }
  return errorHandler(error, request, reply);
}

/**
 * The configuration API; encapsulated so its error mapping (400 invalid_config, 412) stays its own. Bodies are checked
 * by TypeBox rather than the server's default validator, which would fill a partial body with the contract's
 * defaults (a PUT of a name would reset every other field), drop unknown keys unseen and turn "30" into 30.
 */
export default async function configRoutes(app: FastifyInstance, { service }: { service: ConfigService }) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  fastify.setValidatorCompiler(TypeBoxValidatorCompiler);
  fastify.setErrorHandler(configErrors);
  const view = fastify.requireRole('view');
  const admin = fastify.requireRole('admin');

  fastify.get('/api/v1/queues', {
    onRequest: view,
    schema: { tags, summary: 'Configured queues and queues seen in events (on defaults)', response: { 200: Type.Array(QueueListEntry) } },
  }, async (request) => {
    const reach = await configReachOf(fastify, request);
    return (await service.queueList()).filter((entry) => reach.has('queues', entry.config));
  });

  for (const path of ['calendars', 'alert-rules', 'agents'] as const) {
    const resource = service.resource(path);
    fastify.get(`/api/v1/${path}`, {
      onRequest: view, schema: { tags, summary: `Every ${path} entry in the caller's scope`, response: { 200: Type.Array(resource.schema) } },
    }, async (request) => (await configReachOf(fastify, request)).list(path, (await service.list(resource)) as never[]));
  }
  for (const resource of service.resources.values()) resourceRoutes(fastify, service, resource);

  fastify.get('/api/v1/config', {
    onRequest: view, schema: { tags, summary: 'The whole configuration as one document', response: { 200: ConfigDocument } },
  }, async (request) => (await configReachOf(fastify, request)).document(await service.exportAll()));

  fastify.put('/api/v1/config', {
    onRequest: admin,
    schema: {
      tags, summary: 'Replace the whole configuration; with dryRun=1 only answer what would change',
      querystring: Type.Object({ dryRun: Type.Optional(Type.Union([Type.Literal('0'), Type.Literal('1')])) }),
      body: ConfigDocument, response: { 200: ConfigDiff, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
    },
  }, async (request, reply) => {
    const refusal = (await configReachOf(fastify, request)).wholeWriteRefusal('config');
    if (refusal) return forbidden(reply, refusal);
    return service.replaceAll(request.body, actorOf(request), request.query.dryRun === '1');
  });

  const previewSlot = previewLimiter(PREVIEW_CONCURRENCY);
  fastify.post('/api/v1/alert-rules/preview', {
    // A replay is heavy: administrators only, and a bounded number at a time (the rest 503 + Retry-After).
    onRequest: [admin, previewSlot],
    schema: {
      tags, summary: 'When a candidate rule would have raised and resolved over the last hour (a replay of the journal)',
      body: AlertRule, response: { 200: RulePreview, 400: ErrorBody, 403: ErrorBody, 503: ErrorBody },
    },
  }, async (request, reply) => {
    // A rule the caller could not store it may not replay either: the transitions would show what is outside its scope.
    const refusal = (await configReachOf(fastify, request)).writeRefusal('alert-rules', undefined, request.body);
    if (refusal) return forbidden(reply, refusal);
    return { transitions: await service.previewRule(request.body) };
  });

  fastify.get('/api/v1/audit', {
    onRequest: admin,
    schema: { tags, summary: 'Configuration changes, newest first', querystring: AuditQuery, response: { 200: Type.Array(AuditEntry) } },
  }, async (request) => {
    if (isInstallationWide(principalOf(request))) return service.audit(request.query);
    const [users, tokens] = await Promise.all([fastify.users.list(), fastify.machineTokens.list()]);
    const userTenants = new Map(users.map((u) => [u.username, u.tenant]));
    const tokenTenants = new Map(tokens.map((t) => [t.name, t.tenant]));
    const reach = await configReachOf(fastify, request, { userTenant: (name) => userTenants.get(name), tokenTenant: (name) => tokenTenants.get(name) });
    return service.audit(request.query, (entry) => reach.auditEntry(entry));
  });
}
