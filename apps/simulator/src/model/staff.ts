import type { AgentStateName } from '@plancia/contracts';
import { AWAY_REASONS, FIRST_NAMES, LUNCH_BREAK, SURNAMES, type Absence } from './catalog.js';
import type { World } from './world.js';
import type { Contact, QueueState } from './queue-state.js';

export interface Agent {
  id: string;
  name: string;
  skills: QueueState[];
  state: AgentStateName;
  availableSince: number;
  /** Contact offered (ringing) or in hand: the agent cannot take another. */
  contact?: Contact;
  pendingBreak?: Absence;
  /** On a break or a planned activity: counts against the team's cap until it ends. */
  away: boolean;
  pendingLogout: boolean;
  /** Logged out for good: late happenings (the end of a break) must not bring the agent back. */
  gone: boolean;
}

const MINUTE = 60;
/** Team leads cap simultaneous breaks per queue at this share of its agents. */
const BREAK_CAP = 0.15;
const MEAN_MINUTES_BETWEEN_BREAKS = 80;
const SHIFT_HOURS = 8;

/** Agents: logins, shifts, breaks, and handing free agents to the waiting contacts. */
export class Staff {
  private hired = 0;
  /** Called when an agent becomes free to take work; returns the contact offered, if any. */
  offerWork: (agent: Agent) => void = () => undefined;

  constructor(private readonly world: World) {}

  /** Staff on shift when the run starts; a few are already away so the board has something to show. */
  startShift(skills: QueueState[]): void {
    const agent = this.hire(skills);
    const { random } = this.world;
    this.world.after(random.between(5, 8) * 3600, () => this.endShift(agent));
    this.world.after(random.between(1, 4) * 3600, () => this.wishBreak(agent, { reason: LUNCH_BREAK.reason, state: LUNCH_BREAK.state, minutes: random.between(...LUNCH_BREAK.minutes) }));
    if (random.chance(0.08)) this.startBreak(agent, this.randomReason());
    else this.free(agent);
    this.scheduleNextBreak(agent);
  }

  findAvailable(queue: QueueState): Agent | undefined {
    let best: Agent | undefined;
    for (const agent of queue.agents) {
      if (agent.state === 'available' && !agent.contact && (!best || agent.availableSince < best.availableSince)) best = agent;
    }
    return best;
  }

  setState(agent: Agent, state: AgentStateName, reason?: string): void {
    agent.state = state;
    if (state === 'available') agent.availableSince = this.world.now;
    this.world.emit('agent.state', {
      agentId: agent.id,
      state,
      ...(reason ? { reason } : {}),
      teamId: `team-${agent.skills[0]!.id}`,
      queueIds: agent.skills.map((q) => q.id),
      name: agent.name,
    });
  }

  /** The agent finished what they were doing: leave, take a pending break, or take the next contact. */
  free(agent: Agent): void {
    agent.contact = undefined;
    agent.away = false;
    if (agent.gone) return;
    if (agent.pendingLogout) return this.logout(agent);
    if (agent.pendingBreak && this.breakAllowed(agent)) return this.startBreak(agent, agent.pendingBreak);
    if (agent.state !== 'available') this.setState(agent, 'available');
    this.offerWork(agent);
  }

  private hire(skills: QueueState[]): Agent {
    const { random } = this.world;
    const agent: Agent = {
      id: `ag-${String(++this.hired).padStart(3, '0')}`,
      name: `${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)}`,
      skills,
      state: 'offline',
      availableSince: this.world.now,
      pendingLogout: false,
      away: false,
      gone: false,
    };
    for (const queue of skills) queue.agents.push(agent);
    return agent;
  }

  private randomReason(): Absence {
    const choice = this.world.random.weighted(AWAY_REASONS.map((r) => [r, r.weight] as const));
    return { reason: choice.reason, state: choice.state, minutes: this.world.random.between(...choice.minutes) };
  }

  private scheduleNextBreak(agent: Agent): void {
    this.world.after(this.world.random.exponential(MEAN_MINUTES_BETWEEN_BREAKS) * MINUTE, () => {
      if (agent.gone || agent.pendingLogout) return;
      this.wishBreak(agent, this.randomReason());
      this.scheduleNextBreak(agent);
    });
  }

  private wishBreak(agent: Agent, wanted: Absence): void {
    if (agent.gone || agent.away || agent.pendingBreak) return;
    agent.pendingBreak = wanted;
    if (agent.state === 'available' && !agent.contact) this.tryBreakNow(agent);
  }

  private tryBreakNow(agent: Agent): void {
    if (agent.state !== 'available' || agent.contact || !agent.pendingBreak) return;
    if (this.breakAllowed(agent)) return this.startBreak(agent, agent.pendingBreak);
    // Asked to wait for a colleague to come back.
    this.world.after(5 * MINUTE, () => this.tryBreakNow(agent));
  }

  private breakAllowed(agent: Agent): boolean {
    const team = agent.skills[0]!.agents;
    const away = team.filter((a) => a.away).length;
    return away < Math.max(1, Math.floor(team.length * BREAK_CAP));
  }

  private startBreak(agent: Agent, away: Absence): void {
    agent.pendingBreak = undefined;
    agent.away = true;
    this.setState(agent, away.state, away.reason);
    this.world.after(away.minutes * MINUTE, () => this.free(agent));
  }

  private endShift(agent: Agent): void {
    agent.pendingLogout = true;
    if (!agent.contact) this.logout(agent);
  }

  /** Leaves at the end of the shift; the next shift's colleague on the same skills logs in a little later. */
  private logout(agent: Agent): void {
    agent.gone = true;
    this.setState(agent, 'offline', 'Fine turno');
    for (const queue of agent.skills) queue.agents.splice(queue.agents.indexOf(agent), 1);
    this.world.after(this.world.random.between(0, 3) * MINUTE, () => {
      const next = this.hire(agent.skills);
      this.world.after(SHIFT_HOURS * 3600, () => this.endShift(next));
      this.free(next);
      this.scheduleNextBreak(next);
    });
  }
}
