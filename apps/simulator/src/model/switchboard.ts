import type { ContactQueueKind } from './catalog.js';
import { takeOldest, type Contact, type QueueState } from './queue-state.js';
import type { Agent, Staff } from './staff.js';
import { scheduleSurvey } from './surveys.js';
import type { World } from './world.js';

const LIVE_TALK_CV = 0.6;

function kindOf(queue: QueueState): ContactQueueKind {
  if (queue.plan.template.kind !== 'contact') throw new Error(`Queue ${queue.id} takes tickets, not contacts`);
  return queue.plan.template;
}

/** Live contacts: queueing, routing to the longest-idle skilled agent, talk, transfers, wrap-up, abandons. */
export class Switchboard {
  private contacts = 0;

  constructor(
    private readonly world: World,
    private readonly staff: Staff,
    private readonly queues: readonly QueueState[],
  ) {
    staff.offerWork = (agent) => this.offerNextTo(agent);
  }

  arrive(queue: QueueState): void {
    const contact: Contact = {
      id: `${this.world.plan.runId}-c${++this.contacts}`,
      channel: kindOf(queue).channel,
      queue,
      status: 'waiting',
      queuedAt: this.world.now,
      entry: 0,
      waitedSeconds: 0,
      transferred: false,
    };
    this.world.emit('contact.queued', { contactId: contact.id, queueId: queue.id, channel: contact.channel });
    this.enqueue(contact, queue);
  }

  private enqueue(contact: Contact, queue: QueueState): void {
    const entry = ++contact.entry;
    Object.assign(contact, { queue, status: 'waiting', queuedAt: this.world.now });
    queue.waiting.push(contact);
    this.world.after(this.world.random.exponential(kindOf(queue).patienceSeconds), () => {
      if (contact.status === 'waiting' && contact.entry === entry) this.abandon(contact);
    });
    const agent = this.staff.findAvailable(queue);
    if (agent) this.offer(contact, agent);
  }

  private abandon(contact: Contact): void {
    contact.status = 'abandoned';
    this.world.emit('contact.abandoned', { contactId: contact.id });
  }

  private offerNextTo(agent: Agent): void {
    for (const queue of agent.skills) {
      const contact = takeOldest(queue);
      if (contact) return this.offer(contact, agent);
    }
  }

  /** The contact rings at the agent for a few seconds before it is answered. */
  private offer(contact: Contact, agent: Agent): void {
    contact.status = 'offered';
    agent.contact = contact;
    const ringSeconds = contact.channel === 'voice' || contact.channel === 'callback'
      ? this.world.random.between(2, 6)
      : this.world.random.between(1, 3);
    this.world.after(ringSeconds, () => this.answer(contact, agent));
  }

  private answer(contact: Contact, agent: Agent): void {
    const { world } = this;
    contact.status = 'talking';
    contact.waitedSeconds += (world.now - contact.queuedAt) / 1000;
    world.emit('contact.answered', { contactId: contact.id, agentId: agent.id });
    this.staff.setState(agent, 'on_contact');
    const kind = kindOf(contact.queue);
    const talk = world.random.logNormal(kind.talkSeconds, LIVE_TALK_CV);
    const target = world.random.chance(kind.transferShare) ? this.transferTarget(contact.queue) : undefined;
    if (target) world.after(talk * world.random.between(0.2, 0.6), () => this.transfer(contact, agent, target));
    else world.after(talk, () => this.end(contact, agent));
  }

  /** Another live queue on the same channel: a sales call goes to billing, a support call to premium. */
  private transferTarget(from: QueueState): QueueState | undefined {
    const channel = kindOf(from).channel;
    const candidates = this.queues.filter((q) => q !== from && q.plan.template.kind === 'contact' && q.plan.template.channel === channel);
    // Bigger teams take more of the transfers, so the inflow stays in proportion to the staffing.
    return candidates.length > 0 ? this.world.random.weighted(candidates.map((q) => [q, q.plan.template.weight] as const)) : undefined;
  }

  private transfer(contact: Contact, agent: Agent, target: QueueState): void {
    contact.transferred = true;
    this.world.emit('contact.transferred', { contactId: contact.id, toQueueId: target.id });
    this.wrapUp(agent, kindOf(contact.queue).wrapUpSeconds / 2, () => undefined);
    this.enqueue(contact, target);
  }

  private end(contact: Contact, agent: Agent): void {
    this.world.emit('contact.ended', { contactId: contact.id });
    this.wrapUp(agent, kindOf(contact.queue).wrapUpSeconds, () => {
      contact.status = 'done';
      this.world.emit('contact.completed', { contactId: contact.id });
      scheduleSurvey(this.world, contact, kindOf(contact.queue).surveyShare);
    });
  }

  private wrapUp(agent: Agent, meanSeconds: number, completed: () => void): void {
    this.staff.setState(agent, 'wrap_up');
    this.world.after(this.world.random.exponential(meanSeconds), () => {
      completed();
      this.staff.free(agent);
    });
  }
}
