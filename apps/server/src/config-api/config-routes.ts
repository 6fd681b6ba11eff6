import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AlertEvent, AlertRule, ConfigDocument, ErrorBody, QueueConfig } from '@plancia/contracts';
import { StaleWriteError } from '@plancia/store';
import { errorHandler } from '../http-errors.js';
import type { ConfigService } from './config-service.js';
import { diffConfig } from './config-document.js';
import { resourceRoutes } from './resource-routes.js';
import { actorOf } from './actor.js';
import { assertValid, InvalidConfigError } from './validation.js';
import { previewRule } from './rule-preview.js';

const tags = ['configuration'];
const ListDiff = Type.Object({ added: Type.Array(Type.String()), changed: Type.Array(Type.String()), removed: Type.Array(Type.String()) });
const ConfigDiff = Type.Object({
  queues: ListDiff, calendars: ListDiff, alertRules: ListDiff, agents: ListDiff, settingsChanged: Type.Boolean(),
});
const QueueListEntry = Type.Object({
  config: QueueConfig,
  version: Type.Integer({ description: '0: not configured, running on defaults' }),
  configured: Type.Boolean(),
});
const AuditQuery = Type.Object({
  since: Type.Optional(Type.String({ format: 'date-time' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
});

function configErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof InvalidConfigError) {
    return reply.code(400).send({ error: 'invalid_config', message: error.message, details: error.details });
  }
  if (error instanceof StaleWriteError) {
    return reply.code(412).send({ error: 'stale_write', message: `${error.key} is at version ${error.actualVersion ?? 'none'}, not ${error.expectedVersion}` });
  }
  return errorHandler(error, request, reply);
}

/** The configuration API; encapsulated so its error mapping (400 invalid_config, 412) stays its own. */
export default async function configRoutes(app: FastifyInstance, { service }: { service: ConfigService }) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  fastify.setErrorHandler(configErrors);
  const view = fastify.requireRole('view');
  const admin = fastify.requireRole('admin');

  fastify.get('/api/v1/queues', {
    preHandler: view,
    schema: { tags, summary: 'Configured queues and queues seen in events (on defaults)', response: { 200: Type.Array(QueueListEntry) } },
  }, async () => {
    const queues = service.resource('queues');
    const stored = await queues.table.list();
    const configured = new Set(stored.map((q) => (q.value as QueueConfig).queueId));
    const seen = service.seenQueues().filter((id) => !configured.has(id));
    return [
      ...stored.map((q) => ({ config: q.value as QueueConfig, version: q.version, configured: true })),
      ...seen.map((id) => ({ config: queues.fallback!(id) as QueueConfig, version: 0, configured: false })),
    ];
  });

  for (const path of ['calendars', 'alert-rules', 'agents'] as const) {
    const resource = service.resource(path);
    fastify.get(`/api/v1/${path}`, {
      preHandler: view, schema: { tags, summary: `Every ${path} entry`, response: { 200: Type.Array(resource.schema) } },
    }, async () => (await resource.table.list()).map((entry) => entry.value));
  }
  for (const resource of service.resources.values()) resourceRoutes(fastify, service, resource);

  fastify.get('/api/v1/config', {
    preHandler: view, schema: { tags, summary: 'The whole configuration as one document', response: { 200: ConfigDocument } },
  }, () => service.exportAll());

  fastify.put('/api/v1/config', {
    preHandler: admin,
    schema: {
      tags, summary: 'Replace the whole configuration; with dryRun=1 only answer what would change',
      querystring: Type.Object({ dryRun: Type.Optional(Type.Union([Type.Literal('0'), Type.Literal('1')])) }),
      body: Type.Unknown(), response: { 200: ConfigDiff, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
    },
  }, async (request) => {
    const document = request.body as ConfigDocument;
    const diff = diffConfig(await service.exportAll(), service.validDocument(document));
    if (request.query.dryRun !== '1') await service.importAll(document, actorOf(request));
    return diff;
  });

  fastify.post('/api/v1/alert-rules/preview', {
    preHandler: view,
    schema: {
      tags, summary: 'When a candidate rule would have raised and resolved over the last hour (a replay of the journal)',
      body: Type.Unknown(), response: { 200: Type.Object({ transitions: Type.Array(AlertEvent) }), 400: ErrorBody },
    },
  }, async (request) => {
    assertValid(AlertRule, request.body);
    const rule = request.body as AlertRule;
    const transitions = await previewRule(rule, await service.exportAll(), fastify.store.journal, Date.now());
    return { transitions: transitions.filter((event) => event.alert.ruleId === rule.id) };
  });

  fastify.get('/api/v1/audit', {
    preHandler: admin, schema: { tags, summary: 'Configuration changes, newest first', querystring: AuditQuery },
  }, (request) => fastify.store.audit.list({
    ...(request.query.since ? { sinceMs: Date.parse(request.query.since) } : {}),
    ...(request.query.limit ? { limit: request.query.limit } : {}),
  }));
}
