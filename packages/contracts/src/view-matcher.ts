import { BOARD_SLICES, BOARD_SLICE_NAMES, type Delta, type SliceAudience, type View } from './snapshot.js';

/** Where a queue sits, as far as views are concerned. */
export interface QueuePlacement {
  queueId: string;
  channel: string | null;
  teamId: string | null;
}

/** Where an agent sits, as far as views are concerned. */
export interface AgentPlacement {
  teamId: string | null;
  queueIds: readonly string[];
}

/**
 * Where every queue and agent a snapshot lists sits (its team, an agent's queues), without their figures: what
 * reaches decide by, read at start without working out a whole snapshot (tens of thousands of agents' day figures).
 */
export interface BoardPlacements {
  queues: readonly Pick<QueuePlacement, 'queueId' | 'teamId'>[];
  agents: readonly (AgentPlacement & { agentId: string })[];
}

/**
 * Which entries a view shows, one rule for the engine's filtered snapshot and the server's filtered changes: every
 * list the view gives must match (a queue in `queues`, of a channel in `channels`, of a team in `teams`); absent
 * lists match anything.
 */
export class ViewMatcher {
  private readonly queues: Set<string> | null;
  private readonly teams: Set<string> | null;
  private readonly channels: Set<string> | null;
  /** False for `agents: 'none'`: no agent is shown, wherever it sits (alerts on an agent still follow its placement). */
  readonly showsAgents: boolean;
  /** The view has no list at all and shows agents: it shows everything. */
  readonly everything: boolean;

  constructor(view: View) {
    const set = (list: readonly string[] | undefined) => (list && list.length > 0 ? new Set<string>(list) : null);
    this.queues = set(view.queues);
    this.teams = set(view.teams);
    this.channels = set(view.channels);
    this.showsAgents = view.agents !== 'none';
    this.everything = !this.queues && !this.teams && !this.channels && this.showsAgents;
  }

  /** Agents shown and no queue or team list: every agent is shown. */
  get everyAgent(): boolean {
    return this.showsAgents && !this.queues && !this.teams;
  }

  matchesQueue(queue: QueuePlacement): boolean {
    return (!this.queues || this.queues.has(queue.queueId))
      && (!this.channels || (queue.channel !== null && this.channels.has(queue.channel)))
      && (!this.teams || (queue.teamId !== null && this.teams.has(queue.teamId)));
  }

  matchesAgent(agent: AgentPlacement): boolean {
    return (!this.teams || (agent.teamId !== null && this.teams.has(agent.teamId)))
      && (!this.queues || agent.queueIds.some((id) => this.queues!.has(id)));
  }

  matchesTeam(teamId: string): boolean {
    return !this.teams || this.teams.has(teamId);
  }

  matchesChannel(channel: string): boolean {
    return !this.channels || this.channels.has(channel);
  }

  /** The part of a change this view shows, slice by slice as the contract declares them; null when none of it. */
  filter(delta: Delta): Delta | null {
    if (this.everything) return delta;
    const filtered: Record<string, unknown> = { seq: delta.seq, generatedAt: delta.generatedAt };
    let shown = false;
    for (const name of BOARD_SLICE_NAMES) {
      const value = delta[name];
      if (value === undefined) continue;
      const kept = Array.isArray(value) ? this.entriesShown(BOARD_SLICES[name].shownTo, value) : value;
      if (kept === undefined) continue;
      filtered[name] = kept;
      shown = true;
    }
    return shown ? (filtered as Delta) : null;
  }

  private entriesShown(audience: SliceAudience, entries: readonly unknown[]): unknown[] | undefined {
    if (audience === 'agent' && !this.showsAgents) return undefined;
    const kept = entries.filter((entry) => this.shows(audience, entry));
    return kept.length > 0 ? kept : undefined;
  }

  private shows(audience: SliceAudience, entry: unknown): boolean {
    switch (audience) {
      case 'every': return true;
      case 'queue': return this.matchesQueue(entry as QueuePlacement);
      case 'agent': return this.matchesAgent(entry as AgentPlacement);
      case 'team': return this.matchesTeam((entry as { teamId: string }).teamId);
      case 'channel': return this.matchesChannel((entry as { key: string }).key);
    }
  }
}
