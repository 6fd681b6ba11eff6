import type { AgentPlacement, AgentSnapshot, Alert, Delta, Snapshot, View } from '@plancia/contracts';
import { BOARD_SLICES } from '@plancia/contracts';

/** Queues and teams; a queue is in an area when it is listed or its team is. */
export interface Area {
  queues: ReadonlySet<string>;
  teams: ReadonlySet<string>;
}

/** Where the board last saw queues and agents: a queue's team, an agent's team and queues. */
export interface PlacementLookup {
  teamOfQueue(queueId: string): string | null;
  agent(agentId: string): AgentPlacement | undefined;
}

const inArea = (area: Area | null, queueId: string, teamId: string | null) =>
  area === null || area.queues.has(queueId) || (teamId !== null && area.teams.has(teamId));
const sorted = (set: ReadonlySet<string>) => [...set].sort().join(',');
const areaKey = (area: Area | null) => (area === null ? '*' : `q=${sorted(area.queues)};t=${sorted(area.teams)}`);

/**
 * What one principal may see of the board: the area its tenant owns (null: the default tenant, which owns every
 * queue), narrowed to its own scope (null: all of the tenant). A queue is reached when both areas hold it; an agent
 * when its team or one of its queues is reached, and then only its reached queues are shown; a team when both areas
 * list it. Figures over the whole installation (the centre, channels, anomalies) reach only an unrestricted reach.
 */
export class Reach {
  /** Sees everything: the default tenant, unscoped. */
  readonly whole: boolean;
  /** Tells reaches apart in room names: the same view seen by two reaches is two rooms. */
  readonly key: string;

  constructor(
    private readonly owned: Area | null,
    private readonly scope: Area | null,
    private readonly placements: PlacementLookup,
  ) {
    this.whole = owned === null && scope === null;
    this.key = `${areaKey(owned)}|${areaKey(scope)}`;
  }

  hasQueue(queueId: string, teamId: string | null = this.placements.teamOfQueue(queueId)): boolean {
    return inArea(this.owned, queueId, teamId) && inArea(this.scope, queueId, teamId);
  }

  hasTeam(teamId: string): boolean {
    return (this.owned === null || this.owned.teams.has(teamId)) && (this.scope === null || this.scope.teams.has(teamId));
  }

  hasAgent(agent: AgentPlacement): boolean {
    return (agent.teamId !== null && this.hasTeam(agent.teamId)) || agent.queueIds.some((id) => this.hasQueue(id));
  }

  /** Why a view asks for more than this reach holds (a message naming the field), or null when it may. */
  refusal(view: View): string | null {
    if (this.whole) return null;
    const queues = (view.queues ?? []).filter((id) => !this.hasQueue(id));
    if (queues.length > 0) return `queues: outside your scope: ${queues.join(', ')}`;
    const teams = (view.teams ?? []).filter((id) => !this.hasTeam(id));
    return teams.length > 0 ? `teams: outside your scope: ${teams.join(', ')}` : null;
  }

  snapshot(snapshot: Snapshot): Snapshot {
    if (this.whole) return snapshot;
    return {
      ...snapshot,
      centre: null,
      channels: [],
      anomalies: null,
      queues: snapshot.queues.filter((queue) => this.hasQueue(queue.queueId, queue.teamId)),
      teams: snapshot.teams.filter((team) => this.hasTeam(team.teamId)),
      agents: this.agents(snapshot.agents),
      alerts: snapshot.alerts.filter((alert) => this.hasAlert(alert)),
      waiting: snapshot.waiting.filter((list) => this.hasQueue(list.queueId, list.teamId)),
    };
  }

  /** The part of a change this reach holds; null when none of it. */
  delta(delta: Delta): Delta | null {
    if (this.whole) return delta;
    const kept: Delta = { seq: delta.seq, generatedAt: delta.generatedAt };
    if (delta.bounds) kept.bounds = delta.bounds;
    if (delta.queues) kept.queues = delta.queues.filter((queue) => this.hasQueue(queue.queueId, queue.teamId));
    if (delta.teams) kept.teams = delta.teams.filter((team) => this.hasTeam(team.teamId));
    if (delta.agents) kept.agents = this.agents(delta.agents);
    if (delta.waiting) kept.waiting = delta.waiting.filter((list) => this.hasQueue(list.queueId, list.teamId));
    let shown = false;
    for (const name of ['queues', 'teams', 'agents', 'waiting'] as const) {
      if (kept[name]?.length === 0) delete kept[name];
      else if (kept[name]) shown = true;
    }
    return shown || kept.bounds ? kept : null;
  }

  hasAlert(alert: Pick<Alert, 'scope'>): boolean {
    if (this.whole) return true;
    const { kind, id } = alert.scope;
    if (id === null) return false;
    switch (kind) {
      case 'queue': return this.hasQueue(id);
      case 'team': return this.hasTeam(id);
      case 'agent': {
        const agent = this.placements.agent(id);
        return agent !== undefined && this.hasAgent(agent);
      }
      case 'channel': case 'centre': return false;
    }
  }

  private agents(agents: readonly AgentSnapshot[]): AgentSnapshot[] {
    const shown: AgentSnapshot[] = [];
    for (const agent of agents) {
      if (!this.hasAgent(agent)) continue;
      const queueIds = agent.queueIds.filter((id) => this.hasQueue(id));
      if (queueIds.length === agent.queueIds.length) {
        shown.push(agent);
        continue;
      }
      // An agent shared with another tenant: its queues there are not ours to show.
      const memberships = agent.memberships?.filter((m) => this.hasQueue(m.queueId));
      shown.push({ ...agent, queueIds, ...(memberships ? { memberships } : {}) });
    }
    return shown;
  }
}

/** The installation-wide slices, as the contract declares them (kept in step by a test). */
export const WHOLE_INSTALLATION_SLICES = Object.entries(BOARD_SLICES)
  .filter(([, slice]) => 'wholeInstallation' in slice)
  .map(([name]) => name);
