import type { AgentStateName } from '@plancia/contracts';
import type { MemberReport } from './member-state.js';

interface AgentRecord {
  queues: Set<string>;
  name: string | undefined;
  device: AgentStateName;
  /** What the board believes now, as state|reason|queues: an unchanged report emits nothing. */
  believed: string | null;
  /** Time of the newest live report taken: an older one comes from a replayed stream. */
  lastAtMs: number;
}

/** What the mapper should tell the board about an agent, or null when the board already knows it. */
export interface AgentChange {
  agentId: string;
  state: AgentStateName;
  reason: string | undefined;
  name: string | undefined;
  queueIds: string[];
}

/** The agents seen on the queues and what the board was last told about each. */
export class AgentBook {
  private readonly agents = new Map<string, AgentRecord>();

  /**
   * Records a member report; `removed` drops the queue from the member's queues. `stampedAtMs` is the time of a
   * live event (null for a QueueStatus item, dated only by our estimate of the PBX clock): a live report older than
   * one already taken is a replayed stream and changes nothing.
   */
  report(member: MemberReport, stampedAtMs: number | null, removed = false): AgentChange | null {
    const agent = this.record(member.agentId);
    if (stampedAtMs !== null) {
      if (stampedAtMs < agent.lastAtMs) return null;
      agent.lastAtMs = stampedAtMs;
    }
    if (member.name !== undefined) agent.name = member.name;
    if (member.queueId !== undefined) {
      if (removed) agent.queues.delete(member.queueId);
      else agent.queues.add(member.queueId);
    }
    if (member.device !== undefined) agent.device = member.device;
    // A paused member is not_ready whatever its phone does; otherwise the device state decides.
    const live: AgentStateName = member.paused ? 'not_ready' : agent.device;
    const state: AgentStateName = removed && agent.queues.size === 0 ? 'offline' : live;
    const reason = state === 'not_ready' ? member.reason : undefined;
    const queueIds = [...agent.queues].sort();
    const key = [state, reason ?? '', queueIds.join(',')].join('|');
    if (key === agent.believed) return null;
    agent.believed = key;
    return { agentId: member.agentId, state, reason, name: agent.name, queueIds };
  }

  /**
   * After a call the board derives wrap_up from contact.ended and available from contact.completed,
   * so the device going idle during wrap-up is nothing new; a paused agent must be told again.
   */
  afterContact(agentId: string): void {
    const agent = this.record(agentId);
    agent.device = 'available';
    const [state] = (agent.believed ?? '').split('|');
    agent.believed = state === 'not_ready' ? null : ['available', '', [...agent.queues].sort().join(',')].join('|');
  }

  private record(agentId: string): AgentRecord {
    let agent = this.agents.get(agentId);
    if (!agent) {
      agent = { queues: new Set(), name: undefined, device: 'available', believed: null, lastAtMs: -Infinity };
      this.agents.set(agentId, agent);
    }
    return agent;
  }
}
