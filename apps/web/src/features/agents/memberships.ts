import type { AgentMembership, AgentSnapshot } from '@plancia/contracts';

/**
 * The queues where the agent is not as the row says (paused in sales, available in support): only those get a line,
 * so an agent whose queues all agree shows nothing more.
 */
export function differingMemberships(agent: Pick<AgentSnapshot, 'state' | 'reason' | 'memberships'>): AgentMembership[] {
  return (agent.memberships ?? []).filter((m) => m.state !== agent.state || (m.reason ?? null) !== (agent.reason ?? null));
}
