import type { Alert, Snapshot, View } from '@plancia/contracts';
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

/** What a view selects: absent lists select everything. */
export class ViewFilter {
  constructor(private readonly core: EngineCore, private readonly view: View = {}) {}

  queue(queueId: string): boolean {
    const q = this.core.queueConfig(queueId);
    const { queues, teams, channels } = this.view;
    return (!queues || queues.includes(queueId)) && (!channels || (!!q.channel && channels.includes(q.channel)))
      && (!teams || (!!q.teamId && teams.includes(q.teamId)));
  }

  channel(channel: string): boolean {
    return !this.view.channels || (this.view.channels as string[]).includes(channel);
  }

  team(teamId: string): boolean {
    return !this.view.teams || this.view.teams.includes(teamId);
  }

  /** No agent filter: every agent is in. */
  everyAgent(): boolean {
    return !this.view.queues && !this.view.teams;
  }

  agent(agent: Agent): boolean {
    const { queues, teams } = this.view;
    return (!teams || (!!agent.teamId && teams.includes(agent.teamId))) && (!queues || agent.queueIds.some((q) => queues.includes(q)));
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

export function buildSnapshot(core: EngineCore, entries: EntryBuilder, seq: number, alerts: Alert[], view?: View): Snapshot {
  const filter = new ViewFilter(core, view);
  const agents = filter.everyAgent() ? [...entries.allAgents()] : entries.sortedAgents().filter((a) => filter.agent(a)).map((a) => entries.agent(a));
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
  };
}
