import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  CALLBACK_STATES, CallbackDoneRequest, CallbackEntry, CallbackList, CallbackListQuery, CallbackParams, ErrorBody,
  type CallbackState,
} from '@plancia/contracts';
import type { CallbackActionResult } from '@plancia/store';
import { actorOf } from '../config-api/actor.js';
import { callbacksCsv } from '../callbacks/callback-csv.js';
import { agentRefusal, inReach, type CallbackAction } from '../callbacks/callback-scope.js';
import { principalOf } from '../tenancy/tenancy-plugin.js';

const STATES: Record<string, readonly CallbackState[]> = { active: ['open', 'claimed'], all: CALLBACK_STATES };
const CONFLICT: Record<string, string> = {
  claim: 'state: the entry is claimed by someone else or closed',
  release: 'state: the entry is not claimed',
  done: 'state: the entry is already closed',
};
const ACTION_RESPONSES = { 200: CallbackEntry, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/**
 * The callback worklist: `GET /api/v1/callbacks` (JSON or CSV) within the reader's reach; claim, release and done
 * for agents, supervisors and administrators whose scope holds the entry's queue (the door `callbacks` of the access
 * policy), agents only on their own claims, each written to the audit log. The number itself is revealed by
 * `GET /api/v1/contacts/:contactId/caller` (routes/callers.ts), one contact at a time, to supervisors only.
 */
export default async function callbackRoutes(app: FastifyInstance) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  const reachOf = (request: FastifyRequest) => fastify.audienceOf(principalOf(request)).reach;

  fastify.get('/api/v1/callbacks', {
    onRequest: fastify.requireRole('view'),
    schema: {
      tags: ['callbacks'],
      summary: 'The callback worklist',
      description: 'Callers who abandoned (one entry per caller pseudonym while it is not closed; repeated abandons are `attempts`), in the queues the reader reaches. `state=active` (default) is open and claimed, oldest abandon first; closed states newest first. `format=csv` or `Accept: text/csv` gives CSV. Never the number.',
      querystring: CallbackListQuery,
      response: { 200: Type.Union([CallbackList, Type.String()]), 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
    },
  }, async (request, reply) => {
    const { state = 'active', queueId, limit, format } = request.query;
    const reach = reachOf(request);
    if (queueId !== undefined && !reach.hasQueue(queueId)) {
      return reply.code(403).send({ error: 'forbidden', message: `queueId: outside your scope: ${queueId}` });
    }
    const reached = reach.whole ? null : reach.snapshot(fastify.live.snapshot()).queues.map((queue) => queue.queueId);
    const callbacks = await fastify.callbackWorklist.list({
      states: STATES[state] ?? [state as CallbackState],
      queues: queueId !== undefined ? [queueId] : reached,
      ...(limit !== undefined ? { limit } : {}),
    });
    const wantsCsv = format === 'csv' || (format === undefined && (request.headers.accept ?? '').includes('text/csv'));
    if (!wantsCsv) return { callbacks };
    const day = new Date().toISOString().slice(0, 10);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="callbacks-${day}.csv"`).send(callbacksCsv(callbacks));
  });

  /** Finds the entry, refuses one outside the actor's reach, acts, audits and answers it as it is now. */
  const action = (name: CallbackAction, act: (id: string, request: FastifyRequest) => Promise<CallbackActionResult>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const { id } = request.params as CallbackParams;
      const found = await fastify.callbackWorklist.find(id);
      if (!found) return reply.code(404).send({ error: 'not_found', message: `id: no callback entry ${id}` });
      if (!inReach(reachOf(request), found)) {
        return reply.code(403).send({ error: 'forbidden', message: `The entry's queue (${found.queueId ?? 'none'}) is outside your scope` });
      }
      const agent = request.user?.role === 'agent' ? request.user : undefined;
      const refusal = agent ? agentRefusal(actorOf(request), found, name) : null;
      if (refusal !== null) return reply.code(403).send({ error: 'forbidden', message: refusal });
      const result = await act(found.id, request);
      if (!result.ok) {
        return result.reason === 'not_found'
          ? reply.code(404).send({ error: 'not_found', message: `id: no callback entry ${id}` })
          : reply.code(409).send({ error: 'conflict', message: CONFLICT[name]! });
      }
      await fastify.store.audit.record({
        actor: actorOf(request), action: `callback.${name}`, resource: `callbacks/${found.id}`,
        before: { state: found.state, claimedBy: found.claimedBy },
        after: {
          state: result.entry.state, claimedBy: result.entry.claimedBy, result: result.entry.result, queueId: found.queueId,
          ...(agent?.agentId === undefined ? {} : { agentId: agent.agentId }),
        },
        atMs: Date.now(),
      });
      return result.entry;
    };

  const acting = (summary: string, description: string, body?: typeof CallbackDoneRequest) => ({
    onRequest: fastify.requireRole('callbacks'),
    schema: { tags: ['callbacks'], summary, description, params: CallbackParams, ...(body ? { body } : {}), response: ACTION_RESPONSES },
  });

  fastify.post('/api/v1/callbacks/:id/claim', acting(
    'Claim a callback',
    'Agents, supervisors and administrators whose scope holds the entry\'s queue (else 403). Claiming one already claimed by the same person answers it unchanged; by someone else, or closed, is 409. Audited as `callback.claim` (with the agent id of an agent).',
  ), action('claim', (id, request) => fastify.callbackWorklist.claim(id, actorOf(request))));

  fastify.post('/api/v1/callbacks/:id/release', acting(
    'Give a claimed callback back to the list',
    'Supervisors and administrators in scope, any claim; an agent only its own (else 403); 409 when it is not claimed. Audited as `callback.release`.',
  ), action('release', (id) => fastify.callbackWorklist.release(id)));

  fastify.post('/api/v1/callbacks/:id/done', acting(
    'Close a callback with its result',
    'Supervisors and administrators in scope, claimed or not; an agent only an entry it has claimed (else 403). `result` is free text (the console offers reached, no-answer, voicemail, wrong-number, not-needed). 409 when already closed. Audited as `callback.done`.',
    CallbackDoneRequest,
  ), action('done', (id, request) => {
    const { result, note } = request.body as CallbackDoneRequest;
    return fastify.callbackWorklist.done(id, result, note ?? null, actorOf(request));
  }));
}
