import { amiField, type AmiMessage } from './ami-message.js';
import { memberAgentId, memberInterface } from './member-state.js';

const MEMBER_EVENTS = new Set(['QueueMember', 'QueueMemberAdded', 'QueueMemberStatus', 'QueueMemberPause', 'QueueMemberPaused', 'QueueMemberRemoved']);

interface Member {
  interface: string;
  queues: Set<string>;
}

/**
 * The inverse of the mapper's agent id: the board names a member by its MemberName (else its interface), while
 * app_queue's actions (`QueuePause`, `QueueRemove`) want the `Interface`. Every member event and QueueStatus item
 * carries both, so the directory learns them as they stream by, with the queues the member is in.
 */
export class MemberDirectory {
  private readonly members = new Map<string, Member>();

  /** Takes any AMI message; only queue-member ones teach anything. */
  learn(message: AmiMessage): void {
    if (!MEMBER_EVENTS.has(amiField(message, 'Event') ?? '')) return;
    const agentId = memberAgentId(message);
    const iface = memberInterface(message);
    if (agentId === undefined || iface === undefined) return;
    let member = this.members.get(agentId);
    if (!member) this.members.set(agentId, (member = { interface: iface, queues: new Set() }));
    member.interface = iface;
    const queue = amiField(message, 'Queue');
    if (queue === undefined) return;
    if (amiField(message, 'Event') === 'QueueMemberRemoved') member.queues.delete(queue);
    else member.queues.add(queue);
  }

  /** The member's interface and queues, or undefined when the PBX never reported such a member. */
  lookup(agentId: string): { interface: string; queues: string[] } | undefined {
    const member = this.members.get(agentId);
    return member && { interface: member.interface, queues: [...member.queues].sort() };
  }
}
