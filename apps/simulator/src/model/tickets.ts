import type { TicketPriority } from '@plancia/contracts';
import { TICKET_CATEGORIES } from './catalog.js';
import type { QueueState } from './queue-state.js';
import { scheduleTicketSurvey } from './surveys.js';
import type { World } from './world.js';

const MINUTE = 60;
const PRIORITIES: readonly (readonly [TicketPriority, number])[] = [['low', 20], ['normal', 55], ['high', 20], ['urgent', 5]];
/** Mean minutes to the first reply: the team works the urgent ones first. */
const FIRST_REPLY_MINUTES: Record<TicketPriority, number> = { urgent: 10, high: 30, normal: 60, low: 120 };

interface Ticket {
  id: string;
  queue: QueueState;
  priority: TicketPriority;
  replies: number;
  reopened: boolean;
}

/** Tickets: created, answered by the queue's agents, solved after one or more exchanges, sometimes reopened. */
export class TicketDesk {
  private tickets = 0;

  constructor(private readonly world: World) {}

  create(queue: QueueState): void {
    const { world } = this;
    if (queue.plan.template.kind !== 'ticket') throw new Error(`Queue ${queue.id} takes contacts, not tickets`);
    const ticket: Ticket = {
      id: `${world.plan.runId}-t${++this.tickets}`,
      queue,
      priority: world.random.weighted(PRIORITIES),
      replies: 0,
      reopened: false,
    };
    world.emit('ticket.created', {
      ticketId: ticket.id,
      queueId: queue.id,
      channel: queue.plan.template.channel,
      priority: ticket.priority,
      category: world.random.pick(TICKET_CATEGORIES),
    });
    world.after(world.random.exponential(FIRST_REPLY_MINUTES[ticket.priority]) * MINUTE, () => this.reply(ticket));
  }

  private reply(ticket: Ticket): void {
    const { world } = this;
    const agents = ticket.queue.agents.filter((a) => a.state !== 'offline');
    if (agents.length === 0) {
      world.after(15 * MINUTE, () => this.reply(ticket));
      return;
    }
    ticket.replies++;
    world.emit('ticket.replied', { ticketId: ticket.id, agentId: world.random.pick(agents).id });
    // Most tickets close with the answer; others need the customer to write back first.
    if (ticket.replies >= 3 || world.random.chance(0.6)) world.after(world.random.exponential(10) * MINUTE, () => this.solve(ticket));
    else world.after(world.random.exponential(40) * MINUTE, () => this.reply(ticket));
  }

  private solve(ticket: Ticket): void {
    const { world } = this;
    world.emit('ticket.solved', { ticketId: ticket.id });
    scheduleTicketSurvey(world, ticket.queue.id, ticket.reopened);
    if (!ticket.reopened && world.random.chance(0.06)) {
      world.after(world.random.exponential(120) * MINUTE, () => {
        ticket.reopened = true;
        world.emit('ticket.reopened', { ticketId: ticket.id });
        world.after(world.random.exponential(FIRST_REPLY_MINUTES[ticket.priority]) * MINUTE, () => this.reply(ticket));
      });
    }
  }
}
