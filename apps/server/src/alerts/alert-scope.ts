import type { FastifyInstance } from 'fastify';
import type { AlertScopeFilter } from '@plancia/store';
import type { Principal } from '../plugins/app/principal.js';

/**
 * What a principal reaches, as a filter on stored alerts: the queues, teams and agents its reach keeps of the board
 * now. Null for a whole reach (no filter). Alerts about entities the board no longer knows are left out of a scoped
 * reader's history: their scope cannot be judged.
 */
export function reachFilter(fastify: FastifyInstance, principal: Principal): AlertScopeFilter | null {
  const { reach } = fastify.audienceOf(principal);
  if (reach.whole) return null;
  const board = reach.snapshot(fastify.live.snapshot());
  return { queues: board.queues.map((q) => q.queueId), teams: board.teams.map((t) => t.teamId), agents: board.agents.map((a) => a.agentId) };
}

/** The queue or team asked for, as a filter: a team covers its own alerts and those of its queues. */
export function askedFilter(fastify: FastifyInstance, queueId: string | undefined, teamId: string | undefined): AlertScopeFilter[] {
  const filters: AlertScopeFilter[] = [];
  if (queueId !== undefined) filters.push({ queues: [queueId], teams: [] });
  if (teamId !== undefined) {
    const queues = fastify.live.snapshot().queues.filter((q) => q.teamId === teamId).map((q) => q.queueId);
    filters.push({ queues, teams: [teamId] });
  }
  return filters;
}
