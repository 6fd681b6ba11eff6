import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  ChannelId, ChannelSettings, DeliveryState, ErrorBody, NotificationChannel, NotificationChannelList, NotificationDeliveryList,
  NotificationPolicy, type Alert,
} from '@plancia/contracts';
import type { OutboxRecord } from '@plancia/store';
import { actorOf } from '../config-api/actor.js';
import { principalOf } from '../tenancy/tenancy-plugin.js';
import { isUnscoped } from '../plugins/app/principal.js';
import { checkChannel, NotificationRefusal, shownChannel } from '../notifications/channel-settings.js';
import { alertUrl, type MessagePayload } from '../notifications/messages.js';
import { policyChannelRefs } from '../notifications/routing.js';
import { send } from '../notifications/senders.js';

const tags = ['notifications'];
const Params = Type.Object({ id: ChannelId });
const ERROR_OF = { 400: 'invalid_request', 404: 'not_found', 409: 'conflict' } as const;

function refused(reply: FastifyReply, error: unknown) {
  if (!(error instanceof NotificationRefusal)) throw error;
  return reply.code(error.status).send({ error: ERROR_OF[error.status], message: error.message });
}

const shownDelivery = (row: OutboxRecord) => ({
  id: row.id, batchId: row.batchId, channelId: row.channelId, alertId: row.alertId, kind: row.kind, state: row.state as DeliveryState, attempts: row.attempts,
  dueAt: row.dueAt.toISOString(), nextAttemptAt: row.nextAttemptAt.toISOString(), lastError: row.lastError, createdAt: row.createdAt.toISOString(),
});

/** What a "send test" carries: an invented alert, marked as a test in every format. */
function testAlert(nowMs: number): Alert {
  const at = new Date(nowMs).toISOString();
  return {
    id: `test-${nowMs}`, ruleId: 'plancia-test', ruleName: 'Plancia test', metric: 'waiting', scope: { kind: 'centre', id: null, name: 'Plancia' },
    window: 'live', severity: 'warning', state: 'raised', value: 0, threshold: 0, raisedAt: at, acknowledgedAt: null, acknowledgedBy: null, note: null, resolvedAt: null,
  };
}

/**
 * Notification channels, the routing policy and the delivery list of the caller's tenant (administrators). Settings
 * are checked before anything is stored; secrets never leave in a GET; every change is audited (masked).
 */
export default async function notificationRoutes(app: FastifyInstance) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  fastify.setValidatorCompiler(TypeBoxValidatorCompiler);
  const admin = fastify.requireRole('admin');
  // Channels and the policy cover every alert of the tenant: an administrator of part of it reads them, but may not
  // decide them for the rest.
  const wholeTenant = async (request: Parameters<typeof admin>[0], reply: FastifyReply) => {
    if (!isUnscoped(principalOf(request))) {
      return reply.code(403).send({ error: 'forbidden', message: 'scope: only an administrator of the whole tenant changes its notifications' });
    }
  };
  const { store, notifications } = fastify;
  const audit = (actor: string, action: string, resource: string, before: unknown, after: unknown) =>
    store.audit.record({ actor, action, resource, before, after, atMs: Date.now() });

  fastify.get('/api/v1/notification-channels', {
    onRequest: admin,
    schema: { tags, summary: "The tenant's notification channels (secrets masked)", response: { 200: NotificationChannelList, 401: ErrorBody, 403: ErrorBody } },
  }, async (request) => ({ channels: (await store.notifications.channels(principalOf(request).tenant)).map(shownChannel) }));

  fastify.put('/api/v1/notification-channels/:id', {
    onRequest: admin,
    preHandler: wholeTenant,
    schema: {
      tags, summary: 'Create or replace a notification channel (enables it again after a 410)', params: Params, body: ChannelSettings,
      response: { 200: NotificationChannel, 201: NotificationChannel, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
    },
  }, async (request, reply) => {
    const tenantId = principalOf(request).tenant;
    try {
      checkChannel(request.body, notifications.smtpConfigured);
    } catch (error) {
      return refused(reply, error);
    }
    const before = await store.notifications.channel(tenantId, request.params.id);
    const outcome = await store.notifications.putChannel({ tenantId, id: request.params.id, type: request.body.type, settings: request.body });
    const stored = (await store.notifications.channel(tenantId, request.params.id))!;
    await audit(actorOf(request), outcome === 'created' ? 'notification-channel.create' : 'notification-channel.update',
      `notification-channels/${request.params.id}`, before && shownChannel(before), shownChannel(stored));
    return reply.code(outcome === 'created' ? 201 : 200).send(shownChannel(stored));
  });

  fastify.delete('/api/v1/notification-channels/:id', {
    onRequest: admin,
    preHandler: wholeTenant,
    schema: { tags, summary: 'Remove a channel the policy does not name', params: Params, response: { 204: { type: 'null' }, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody } },
  }, async (request, reply) => {
    const tenantId = principalOf(request).tenant;
    const policy = (await store.notifications.policy(tenantId)) as NotificationPolicy | undefined;
    const named = policy && policyChannelRefs(policy).find((ref) => ref.id === request.params.id);
    if (named) return reply.code(409).send({ error: 'conflict', message: `id: the notification policy names ${request.params.id} at ${named.path}` });
    const before = await store.notifications.channel(tenantId, request.params.id);
    if (!before || !(await store.notifications.removeChannel(tenantId, request.params.id))) {
      return reply.code(404).send({ error: 'not_found', message: `id: no channel ${request.params.id}` });
    }
    await audit(actorOf(request), 'notification-channel.delete', `notification-channels/${request.params.id}`, shownChannel(before), null);
    return reply.code(204).send();
  });

  fastify.post('/api/v1/notification-channels/:id/test', {
    onRequest: admin,
    schema: {
      tags, summary: 'Send a test message through a channel now, and say how the receiver answered', params: Params,
      response: { 200: Type.Object({ delivered: Type.Literal(true) }), 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 502: ErrorBody },
    },
  }, async (request, reply) => {
    const tenantId = principalOf(request).tenant;
    const channel = await store.notifications.channel(tenantId, request.params.id);
    if (!channel) return reply.code(404).send({ error: 'not_found', message: `id: no channel ${request.params.id}` });
    const nowMs = Date.now();
    const alert = testAlert(nowMs);
    const policy = (await store.notifications.policy(tenantId)) as NotificationPolicy | undefined;
    const payload: MessagePayload = { event: 'raised', test: true, alert, language: policy?.language ?? 'it', url: alertUrl(notifications.publicUrl, alert.id) };
    const result = await send(channel.settings as ChannelSettings, payload, { id: `test_${randomUUID()}`, nowMs, mail: notifications.mail });
    fastify.metrics.notificationOutcomes.inc({ type: channel.type, outcome: result.ok ? 'test_sent' : 'test_failed' });
    if (result.ok) return { delivered: true as const };
    return reply.code(502).send({ error: 'delivery_failed', message: `the receiver refused the test: ${result.error}` });
  });

  fastify.get('/api/v1/notification-policy', {
    onRequest: admin,
    schema: { tags, summary: "The tenant's routing policy (404 when none is set: nothing is notified)", response: { 200: NotificationPolicy, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody } },
  }, async (request, reply) => {
    const policy = (await store.notifications.policy(principalOf(request).tenant)) as NotificationPolicy | undefined;
    return policy ? policy : reply.code(404).send({ error: 'not_found', message: 'no notification policy: nothing is notified' });
  });

  fastify.put('/api/v1/notification-policy', {
    onRequest: admin,
    preHandler: wholeTenant,
    schema: { tags, summary: 'Set the routing policy: root channels, routes, grouping, repeat, quiet hours, escalation', body: NotificationPolicy, response: { 200: NotificationPolicy, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody } },
  }, async (request, reply) => {
    const tenantId = principalOf(request).tenant;
    const known = new Set((await store.notifications.channels(tenantId)).map((channel) => channel.id));
    const unknown = policyChannelRefs(request.body).find((ref) => !known.has(ref.id));
    if (unknown) return reply.code(400).send({ error: 'invalid_request', message: `${unknown.path}: no channel ${unknown.id}` });
    const calendarId = request.body.quietHours?.calendarId;
    if (calendarId && !(await store.config.table('calendars').get(calendarId))) {
      return reply.code(400).send({ error: 'invalid_request', message: `quietHours/calendarId: no business calendar ${calendarId}` });
    }
    const before = await store.notifications.policy(tenantId);
    await store.notifications.putPolicy(tenantId, request.body);
    await audit(actorOf(request), 'notification-policy.update', `notification-policy/${tenantId}`, before ?? null, request.body);
    return request.body;
  });

  fastify.get('/api/v1/notification-deliveries', {
    onRequest: admin,
    schema: {
      tags, summary: 'Deliveries of the tenant, newest first; ?state=dead is the dead-letter list',
      querystring: Type.Object({ state: Type.Optional(DeliveryState), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) }),
      response: { 200: NotificationDeliveryList, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
    },
  }, async (request) => ({
    deliveries: (await store.notifications.deliveries(principalOf(request).tenant, request.query.state, request.query.limit)).map(shownDelivery),
  }));

  fastify.post('/api/v1/notification-deliveries/:id/retry', {
    onRequest: admin,
    preHandler: wholeTenant,
    schema: {
      tags, summary: 'Try a dead delivery again, now, under the same webhook-id, with a fresh 24 h',
      params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }),
      response: { 202: Type.Object({ id: Type.String() }), 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
  }, async (request, reply) => {
    if (!(await store.notifications.retry(principalOf(request).tenant, request.params.id, Date.now()))) {
      return reply.code(404).send({ error: 'not_found', message: `id: no dead delivery ${request.params.id}` });
    }
    await audit(actorOf(request), 'notification-delivery.retry', `notification-deliveries/${request.params.id}`, null, null);
    void notifications.worker.poke();
    return reply.code(202).send({ id: request.params.id });
  });
}
