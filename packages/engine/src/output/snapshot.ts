import { ViewMatcher, type Alert, type InstallationSnapshot, type Snapshot, type View } from '@plancia/contracts';
import type { Agent } from '../agents/agent-book.js';
import type { EngineCore } from '../engine-core.js';
import type { EntryBuilder } from './entries.js';

export function boundsOf(core: EngineCore): Snapshot['bounds'] {
  const intervalMinutes = 30;
  const intervalMs = intervalMinutes * 60_000;
  return {
    rollingMinutes: 15,
    intervalStart: new Date(Math.floor(core.clock / intervalMs) * intervalMs).toISOString(),
    intervalMinutes,
    todayStart: new Date(core.window.todayStart).toISOString(),
  };
}

/** What a view selects, by the contract's one rule; queues are placed by their configuration, agents as they are. */
export class ViewFilter {
  private readonly matcher: ViewMatcher;

  constructor(private readonly core: EngineCore, view: View = {}) {
    this.matcher = new ViewMatcher(view);
  }

  queue(queueId: string): boolean {
    const { channel, teamId } = this.core.queueConfig(queueId);
    return this.matcher.matchesQueue({ queueId, channel: channel ?? null, teamId: teamId ?? null });
  }

  channel(channel: string): boolean {
    return this.matcher.matchesChannel(channel);
  }

  team(teamId: string): boolean {
    return this.matcher.matchesTeam(teamId);
  }

  /** No agent filter: every agent is in. */
  everyAgent(): boolean {
    return this.matcher.everyAgent;
  }

  /** The view lists agents at all (`agents: 'none'` lists none). */
  showsAgents(): boolean {
    return this.matcher.showsAgents;
  }

  agent(agent: Agent): boolean {
    return this.matcher.matchesAgent(agent);
  }

  alert(alert: Alert): boolean {
    const id = alert.scope.id;
    switch (alert.scope.kind) {
      case 'queue': return id === null || this.queue(id);
      case 'channel': return id === null || this.channel(id);
      case 'team': return id === null || this.team(id);
      case 'agent': { const agent = id === null ? undefined : this.core.agents.agents.get(id); return !agent || this.agent(agent); }
      case 'centre': return true;
    }
  }
}

export function buildSnapshot(core: EngineCore, entries: EntryBuilder, seq: number, alerts: Alert[], view?: View): InstallationSnapshot {
  const filter = new ViewFilter(core, view);
  const agents = !filter.showsAgents() ? []
    : filter.everyAgent() ? [...entries.allAgents()]
    : entries.sortedAgents().filter((a) => filter.agent(a)).map((a) => entries.agent(a));
  return {
    generatedAt: new Date(core.clock).toISOString(),
    seq,
    bounds: boundsOf(core),
    centre: entries.aggregate('centre', null),
    channels: [...core.channelWindows.keys()].sort().filter((c) => filter.channel(c)).map((c) => entries.aggregate(c, c)),
    queues: core.knownQueueIds().filter((q) => filter.queue(q)).map((q) => entries.queue(q)),
    teams: [...core.teamAgents.keys()].sort().filter((t) => filter.team(t)).map((t) => entries.team(t)),
    agents,
    alerts: alerts.filter((a) => filter.alert(a)),
    anomalies: { ...core.anomalies },
    waiting: core.knownQueueIds().filter((q) => filter.queue(q)).map((q) => entries.waiting(q).entry),
  };
}
