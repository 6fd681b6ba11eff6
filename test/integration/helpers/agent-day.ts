import type { Snapshot } from '@plancia/contracts';

type Agent = Snapshot['agents'][number];
const round = (n: number) => Math.round(n * 1000) / 1000;
const RUNNING_FIELD = { on_contact: 'talk', wrap_up: 'wrapUp', available: 'idle', not_ready: 'notReady' } as const;

/**
 * An agent's day as it stood when its current state began: the engine counts the running state up to the moment the
 * snapshot was taken (`today.asOf`), which differs between two servers read one after the other.
 */
export function atStateStart(agent: Agent): Agent {
  const today = agent.today;
  if (!today) return agent;
  const running = (Date.parse(today.asOf) - Date.parse(agent.since)) / 1000;
  const { asOf: _asOf, occupancy: _occupancy, ...figures } = today;
  const notReadyByReason = { ...figures.notReadyByReason };
  const field = RUNNING_FIELD[agent.state as keyof typeof RUNNING_FIELD];
  if (field) figures[field] -= running;
  if (agent.state === 'not_ready') notReadyByReason[agent.reason ?? ''] = (notReadyByReason[agent.reason ?? ''] ?? 0) - running;
  const rounded = Object.fromEntries(Object.entries(notReadyByReason).map(([reason, seconds]) => [reason, round(seconds)]));
  return { ...agent, today: { ...figures, talk: round(figures.talk), wrapUp: round(figures.wrapUp), idle: round(figures.idle), notReady: round(figures.notReady), notReadyByReason: rounded } as unknown as NonNullable<Agent['today']> };
}
