import type { PlanciaEvent } from '@plancia/contracts';

/** A large centre for the render check: 50 queues and 500 agents, as the wallboard issue sets it. */
export const RENDER_QUEUES = Array.from({ length: 50 }, (_, i) => `q${String(i + 1).padStart(2, '0')}`);
export const RENDER_AGENTS = Array.from({ length: 500 }, (_, i) => `a${String(i + 1).padStart(3, '0')}`);
export const UPDATES_PER_SECOND = 4;
const STATES = ['available', 'on_contact', 'wrap_up', 'not_ready'] as const;
const SOURCE = 'bench-render';

const event = (type: string, id: string, data: Record<string, unknown>) =>
  ({ specversion: '1.0', id, source: SOURCE, type, time: new Date().toISOString(), data }) as PlanciaEvent;
const agentState = (id: string, agentId: string, state: string, queueId: string) =>
  event('agent.state', id, { agentId, state, queueIds: [queueId] });
const queued = (id: string, queueId: string) => event('contact.queued', id, { contactId: `c-${id}`, queueId, channel: 'voice' });

/** Every agent available and one contact waiting in every queue. */
export function renderCentre(): PlanciaEvent[] {
  return [
    ...RENDER_AGENTS.map((agentId, i) => agentState(`init-${agentId}`, agentId, 'available', RENDER_QUEUES[i % RENDER_QUEUES.length]!)),
    ...RENDER_QUEUES.map((queueId) => queued(`init-${queueId}`, queueId)),
  ];
}

/** One update: a quarter of the agents change state and every queue gets a contact (answered every other round). */
export function renderUpdate(round: number): PlanciaEvent[] {
  const agents = RENDER_AGENTS.filter((_, i) => i % UPDATES_PER_SECOND === round % UPDATES_PER_SECOND).map((agentId, i) =>
    agentState(`r${round}-${agentId}`, agentId, STATES[(round + i) % STATES.length]!, RENDER_QUEUES[i % RENDER_QUEUES.length]!));
  const contacts = RENDER_QUEUES.map((queueId) => round % 2 === 0
    ? queued(`r${round}-${queueId}`, queueId)
    : event('contact.answered', `r${round}-${queueId}-a`, { contactId: `c-r${round - 1}-${queueId}`, agentId: RENDER_AGENTS[round % RENDER_AGENTS.length]! }));
  return [...agents, ...contacts];
}
