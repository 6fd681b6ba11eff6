import type { AgentStateName } from '@plancia/contracts';
import type { MemberReport } from './member-state.js';

/** A pause is per queue in app_queue: a member can be paused in one queue and take calls from another. */
interface Membership {
  paused: boolean;
  reason: string | undefined;
}

interface AgentRecord {
  queues: Map<string, Membership>;
  name: string | undefined;
  device: AgentStateName;
  /** The reason of the latest pause taken, for the agent as a whole when every membership is paused. */
  lastReason: string | undefined;
  /** What the board believes now, as state|reason|memberships: an unchanged report emits nothing. */
  believed: string | null;
  /** Time of the newest live report taken: an older one comes from a replayed stream. */
  lastAtMs: number;
}

export interface MembershipState {
  queueId: string;
  state: AgentStateName;
  reason?: string;
}

/** What the mapper should tell the board about an agent, or null when the board already knows it. */
export interface AgentChange {
  agentId: string;
  state: AgentStateName;
  reason: string | undefined;
  name: string | undefined;
  queueIds: string[];
  memberships: MembershipState[];
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
    if (member.paused) agent.lastReason = member.reason;
    const membership = { paused: member.paused, reason: member.reason };
    if (member.queueId === undefined) for (const queueId of agent.queues.keys()) agent.queues.set(queueId, membership);
    else if (removed) agent.queues.delete(member.queueId);
    else agent.queues.set(member.queueId, membership);
    if (member.device !== undefined) agent.device = member.device;
    return this.told(member.agentId, agent, removed && agent.queues.size === 0);
  }

  /**
   * After a call the board derives wrap_up from contact.ended and available from contact.completed, so the device
   * going idle is nothing new; but a pause taken during the call outlives it, and the board must hear it again after
   * the completion. Returns that change, or null when the agent is simply available.
   */
  afterContact(agentId: string, atMs: number): AgentChange | null {
    const agent = this.record(agentId);
    // A call end older than a report already taken comes from a replayed stream: what followed it is known.
    if (atMs < agent.lastAtMs) return null;
    agent.device = 'available';
    agent.believed = null;
    const change = this.told(agentId, agent, false);
    return change && change.state === 'available' ? null : change;
  }

  /** Whether every queue of the agent has it paused: the agent as a whole is not_ready. */
  pausedEverywhere(agentId: string): boolean {
    const agent = this.agents.get(agentId);
    return agent !== undefined && agent.queues.size > 0 && [...agent.queues.values()].every((m) => m.paused);
  }

  /** The agent's state as a whole and per queue; null when the board was already told exactly this. */
  private told(agentId: string, agent: AgentRecord, gone: boolean): AgentChange | null {
    const queueIds = [...agent.queues.keys()].sort();
    const memberships = queueIds.map((queueId): MembershipState => {
      const m = agent.queues.get(queueId)!;
      return m.paused ? { queueId, state: 'not_ready', ...(m.reason !== undefined ? { reason: m.reason } : {}) } : { queueId, state: agent.device };
    });
    // Paused in every queue, the agent is not_ready; available anywhere, its phone decides.
    const state: AgentStateName = gone ? 'offline' : this.pausedEverywhere(agentId) ? 'not_ready' : agent.device;
    const reason = state === 'not_ready' ? agent.lastReason : undefined;
    const key = JSON.stringify([state, reason ?? '', memberships]);
    if (key === agent.believed) return null;
    agent.believed = key;
    return { agentId, state, reason, name: agent.name, queueIds, memberships };
  }

  private record(agentId: string): AgentRecord {
    let agent = this.agents.get(agentId);
    if (!agent) {
      agent = { queues: new Map(), name: undefined, device: 'available', lastReason: undefined, believed: null, lastAtMs: -Infinity };
      this.agents.set(agentId, agent);
    }
    return agent;
  }
}
