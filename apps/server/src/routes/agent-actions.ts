import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AgentActionParams, AgentActionRefused, AgentActionSent, ErrorBody, PauseRequest } from '@plancia/contracts';
import { actorOf } from '../config-api/actor.js';
import { ActionInvalid, ActionUnavailable, type AgentAction } from '../agent-actions/acd-channel.js';
import { performAgentAction, type ActionOutcome } from '../agent-actions/agent-action-service.js';

const responses = { 202: AgentActionSent, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 502: AgentActionRefused, 503: ErrorBody };
const ANSWERS = '202: the ACD accepted it (the board follows when the ACD reports the new state); 502: the ACD refused it or could not be reached; 409: the agent\'s source has no action channel; 503 (cluster): no leader holds the PBX link, or it did not answer.';

/**
 * `POST /api/v1/agents/:agentId/pause` and `/logoff`: supervisor actions through the ACD that reports the agent
 * (Asterisk AMI, FreeSWITCH, Twilio TaskRouter, Amazon Connect). Supervisors and administrators whose scope holds the
 * agent; every action that reached the ACD is written to the audit log, accepted or not. Nothing here changes the board.
 */
export default async function agentActionRoutes(app: FastifyInstance) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  const onRequest = fastify.requireRole('acknowledge');

  fastify.post('/api/v1/agents/:agentId/pause', {
    onRequest,
    schema: {
      tags: ['agents'],
      summary: 'Pause an agent (with a reason) or make it available, through its ACD',
      description: ANSWERS,
      params: AgentActionParams,
      body: PauseRequest,
      response: responses,
    },
  }, async (request, reply) => {
    const { paused, reason } = request.body;
    if (!paused && reason !== undefined) return reply.code(400).send(invalid('/reason', 'A reason goes with a pause only'));
    return act(fastify, request, request.params.agentId, reply, paused ? { action: 'pause', ...(reason !== undefined ? { reason } : {}) } : { action: 'unpause' });
  });

  fastify.post('/api/v1/agents/:agentId/logoff', {
    onRequest,
    schema: {
      tags: ['agents'],
      summary: 'Log an agent off through its ACD',
      description: ANSWERS,
      params: AgentActionParams,
      response: responses,
    },
  }, async (request, reply) => act(fastify, request, request.params.agentId, reply, { action: 'logoff' }));
}

const invalid = (path: string, message: string) => ({ error: 'invalid_request', message, details: [{ path, message }] });

async function act(fastify: FastifyInstance, request: FastifyRequest, agentId: string, reply: FastifyReply, action: AgentAction) {
  let outcome: ActionOutcome;
  try {
    outcome = await performAgentAction(fastify, request.principal, agentId, action);
  } catch (error) {
    // Nothing reached an ACD: no audit entry.
    if (error instanceof ActionUnavailable) return reply.code(503).send({ error: 'leader_unavailable', message: error.message });
    if (!(error instanceof ActionInvalid)) throw error;
    return reply.code(400).send(invalid(`/${error.field}`, error.message));
  }
  if (outcome.kind === 'refused') {
    const { status, error, message } = outcome.refusal;
    return reply.code(status).send({ error, message });
  }
  const { source, vendor, sent } = outcome.kind === 'sent' ? outcome.answer : outcome;
  const result = outcome.kind === 'sent' ? { outcome: 'accepted' } : { outcome: 'refused', message: outcome.message };
  await fastify.store.audit.record({
    actor: actorOf(request),
    action: `agent.${action.action}`,
    resource: `agents/${agentId}`,
    before: null,
    after: { source, vendor, reason: action.reason ?? null, sent, ...result },
    atMs: Date.now(),
  });
  if (outcome.kind === 'sent') return reply.code(202).send(outcome.answer);
  return reply.code(502).send({ error: 'acd_refused', message: outcome.message, source, vendor, sent });
}
