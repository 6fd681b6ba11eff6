import type { AcdRequest, AcdVendor, AgentActionSent, AgentSnapshot } from '@plancia/contracts';
import type { FastifyInstance } from 'fastify';
import { agentPseudonym } from '../privacy/agent-pseudonym.js';
import type { Principal } from '../plugins/app/principal.js';
import { AcdRefusal, type AgentAction } from './acd-channel.js';

/** Why an action did not reach the ACD, as the route answers it. */
export type ActionRefusal =
  | { status: 403 | 404 | 409; error: string; message: string }
  | { status: 400; error: 'invalid_request'; message: string; field: string };

export type ActionOutcome =
  | { kind: 'sent'; answer: AgentActionSent }
  | { kind: 'refused-by-acd'; source: string; vendor: AcdVendor; message: string; sent: AcdRequest[] }
  | { kind: 'refused'; refusal: ActionRefusal };

const refused = (status: 403 | 404 | 409, error: string, message: string): ActionOutcome => ({ kind: 'refused', refusal: { status, error, message } });

/**
 * Sends a supervisor's action on an agent to the ACD that reports it, and nothing else: the board changes only when
 * the ACD reports the agent's new state back through its adapter. The agent is the one the principal sees on its
 * board (its pseudonym when the tenant's agents are pseudonymous), within its reach.
 */
export async function performAgentAction(fastify: FastifyInstance, principal: Principal | undefined, shownId: string, action: AgentAction): Promise<ActionOutcome> {
  const audience = fastify.audienceOf(principal);
  if (audience.agentDetail === 'off') return refused(403, 'forbidden', 'Agent detail is off for your tenant: no agent can be acted on from the board');
  const agent = findAgent(fastify, audience.agentDetail === 'pseudonymous' ? audience.principal.tenant : null, shownId);
  if (!agent) return refused(404, 'not_found', `No agent ${shownId} is on the board`);
  // An agent in no queue and no team belongs to no scope: only someone who sees the whole installation may act on it.
  if (!audience.reach.whole && !audience.reach.hasAgent(agent)) return refused(403, 'forbidden', `The agent ${shownId} is outside your scope`);
  const source = fastify.live.agentSources.of(agent.agentId) ?? await fastify.store.journal.latestAgentSource(agent.agentId);
  const channel = source === undefined ? undefined : fastify.acdChannels.for(source);
  if (source === undefined || !channel) {
    return refused(409, 'no_action_channel', `The agent's source (${source ?? 'none'}) has no action channel configured: see docs/integrations`);
  }
  try {
    const { sent, reason } = await channel.send(agent.agentId, action);
    return { kind: 'sent', answer: { agentId: shownId, action: action.action, reason, source, vendor: channel.vendor, sent } };
  } catch (error) {
    if (!(error instanceof AcdRefusal)) throw error;
    return { kind: 'refused-by-acd', source, vendor: channel.vendor, message: error.message, sent: error.sent };
  }
}

/** The agent behind the id the board showed: itself, or the agent whose pseudonym (under `tenant`'s key) it is. */
function findAgent(fastify: FastifyInstance, pseudonymTenant: string | null, shownId: string): AgentSnapshot | undefined {
  const { agents } = fastify.live.snapshot();
  if (pseudonymTenant === null) return agents.find((a) => a.agentId === shownId);
  const key = fastify.tenancy.pseudonymKey(pseudonymTenant);
  return agents.find((a) => agentPseudonym(key, a.agentId) === shownId);
}
