import type { ContactChannelName } from '@plancia/contracts';
import type { QueuePlan } from './plan.js';
import type { Agent } from './staff.js';

export interface Contact {
  id: string;
  channel: ContactChannelName;
  queue: QueueState;
  status: 'waiting' | 'offered' | 'talking' | 'abandoned' | 'done';
  queuedAt: number;
  /** Counts queue entries, so a patience timer from an earlier queue does not fire in the next one. */
  entry: number;
  /** Seconds waited over every queue the contact went through. */
  waitedSeconds: number;
  transferred: boolean;
}

export interface QueueState {
  id: string;
  plan: QueuePlan;
  /** Waiting contacts in arrival order; entries that left are skipped when read. */
  waiting: Contact[];
  agents: Agent[];
}

export function queueStates(plans: readonly QueuePlan[]): QueueState[] {
  return plans.map((plan) => ({ id: plan.id, plan, waiting: [], agents: [] }));
}

/** The oldest contact still waiting in `queue`, taken out of it. */
export function takeOldest(queue: QueueState): Contact | undefined {
  for (;;) {
    const contact = queue.waiting.shift();
    if (!contact) return undefined;
    if (contact.status === 'waiting' && contact.queue === queue) return contact;
  }
}
