import type { AgentSnapshot } from '@plancia/contracts';

/** A pause or a wrap-up past these lengths is highlighted for the supervisor. */
export const LONG_STATE_SECONDS: Partial<Record<AgentSnapshot['state'], number>> = { not_ready: 10 * 60, wrap_up: 3 * 60 };

export function isLongState(agent: Pick<AgentSnapshot, 'state' | 'since'>, nowMs: number): boolean {
  const limit = LONG_STATE_SECONDS[agent.state];
  return limit !== undefined && (nowMs - Date.parse(agent.since)) / 1000 > limit;
}
