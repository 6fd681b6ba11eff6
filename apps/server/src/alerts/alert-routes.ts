import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AlertEvent, AssigneeList, AssignRequest, CommentRequest, ErrorBody, MAX_SNOOZE_MS, ResolveRequest, SnoozeRequest } from '@plancia/contracts';
import { principalOf } from '../tenancy/tenancy-plugin.js';
import { actOnAlert, actorOf, openAlertFor } from './alert-actions.js';
import { assigneesOf } from './assignees.js';

const Params = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) });
const responses = { 200: AlertEvent, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const SCOPE_NOTE = 'An alert outside the caller\'s scope is as unknown as one that is not open (404). Every board in reach receives the transition at once.';

const notOpen = (reply: FastifyReply, id: string) => reply.code(404).send({ error: 'not_found', message: `id: no active alert ${id}` });

/** `POST /api/v1/alerts/{id}/assign | resolve | comments | snooze`: the lifecycle after acknowledge (supervisor). */
export default async function alertRoutes(app: FastifyInstance) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  const onRequest = fastify.requireRole('acknowledge');

  fastify.post('/api/v1/alerts/:id/assign', {
    onRequest,
    schema: {
      summary: 'Assign an open alert', params: Params, body: Type.Union([AssignRequest, Type.Null()]), response: responses,
      description: `Assigns to \`to\` (a user name; omitted: the caller); acknowledges too when nobody has. Once users exist \`to\` must be one of \`GET …/assignees\` (a supervisor or administrator whose scope reaches the alert). ${SCOPE_NOTE}`,
    },
  }, async (request, reply) => {
    const principal = principalOf(request);
    const to = request.body?.to ?? actorOf(principal);
    if (request.body?.to !== undefined && fastify.users.hasUsers()) {
      if (!(await fastify.store.accounts.findUser(to))) return reply.code(400).send({ error: 'invalid_request', message: `to: no user named ${to}` });
      const alert = openAlertFor(fastify, principal, request.params.id);
      if (!alert) return notOpen(reply, request.params.id);
      if (!(await assigneesOf(fastify, alert)).some((user) => user.username === to)) {
        return reply.code(400).send({ error: 'invalid_request', message: `to: ${to} may not act on this alert (a supervisor or administrator whose scope reaches it)` });
      }
    }
    const note = request.body?.note ?? null;
    const event = await actOnAlert(fastify, principal, request.params.id, 'assign', { to, note }, (id, by) => fastify.live.assignAlert(id, to, note, by));
    return event ?? notOpen(reply, request.params.id);
  });

  fastify.get('/api/v1/alerts/:id/assignees', {
    onRequest,
    schema: {
      summary: 'Who an open alert may be assigned to', params: Params, response: { 200: AssigneeList, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      description: `The supervisors and administrators whose scope reaches the alert, by name. ${SCOPE_NOTE}`,
    },
  }, async (request, reply) => {
    const alert = openAlertFor(fastify, principalOf(request), request.params.id);
    return alert ? { assignees: await assigneesOf(fastify, alert) } : notOpen(reply, request.params.id);
  });

  fastify.post('/api/v1/alerts/:id/resolve', {
    onRequest,
    schema: {
      summary: 'Resolve an open alert by hand', params: Params, body: Type.Union([ResolveRequest, Type.Null()]), response: responses,
      description: `While the condition still holds, nothing more is raised for the same rule and scope; once it has cleared, its return raises a new alert. ${SCOPE_NOTE}`,
    },
  }, async (request, reply) => {
    const note = request.body?.note ?? null;
    const event = await actOnAlert(fastify, principalOf(request), request.params.id, 'resolve', { note }, (id, by) => fastify.live.resolveAlert(id, note, by));
    return event ?? notOpen(reply, request.params.id);
  });

  fastify.post('/api/v1/alerts/:id/comments', {
    onRequest,
    schema: { summary: 'Comment on an open alert', params: Params, body: CommentRequest, response: responses, description: SCOPE_NOTE },
  }, async (request, reply) => {
    const { text } = request.body;
    const event = await actOnAlert(fastify, principalOf(request), request.params.id, 'comment', { text }, (id, by) => fastify.live.commentAlert(id, text, by));
    return event ?? notOpen(reply, request.params.id);
  });

  fastify.post('/api/v1/alerts/:id/snooze', {
    onRequest,
    schema: {
      summary: 'Snooze an open alert', params: Params, body: SnoozeRequest, response: responses,
      description: `No notification for it until \`until\` (in the future, at most 24 h ahead); the board still shows it. ${SCOPE_NOTE}`,
    },
  }, async (request, reply) => {
    const untilMs = Date.parse(request.body.until);
    const now = Date.now();
    if (!(untilMs > now) || untilMs - now > MAX_SNOOZE_MS) {
      return reply.code(400).send({ error: 'invalid_request', message: 'until: must be in the future and at most 24 h ahead' });
    }
    const until = new Date(untilMs).toISOString();
    const event = await actOnAlert(fastify, principalOf(request), request.params.id, 'snooze', { until }, (id, by) => fastify.live.snoozeAlert(id, untilMs, by));
    return event ?? notOpen(reply, request.params.id);
  });
}
