import type { AgentSnapshot, Delta, QueueSnapshot, View } from '@plancia/contracts';

const sortedUnique = (values: readonly string[] | undefined) => [...new Set(values ?? [])].sort();

/** The same view however it was spelled: sorted, without duplicates, empty lists dropped. */
export function canonicalView(view: View): View {
  const canonical: View = {};
  const queues = sortedUnique(view.queues);
  const teams = sortedUnique(view.teams);
  const channels = sortedUnique(view.channels) as NonNullable<View['channels']>;
  if (queues.length > 0) canonical.queues = queues;
  if (teams.length > 0) canonical.teams = teams;
  if (channels.length > 0) canonical.channels = channels;
  return canonical;
}

/** One room per distinct view, so a change is encoded once for everyone looking at the same thing. */
export function roomName(view: View): string {
  const v = canonicalView(view);
  return `view:q=${(v.queues ?? []).join(',')};t=${(v.teams ?? []).join(',')};c=${(v.channels ?? []).join(',')}`;
}

/**
 * Which entries of a change a view shows, by the same rules as the engine's filtered snapshot: every list given
 * must match (a queue in `queues`, of a channel in `channels`, of a team in `teams`); absent lists match anything.
 */
export class ViewMatcher {
  private readonly queues: Set<string> | null;
  private readonly teams: Set<string> | null;
  private readonly channels: Set<string> | null;
  private readonly everything: boolean;

  constructor(view: View) {
    const set = (list: readonly string[] | undefined) => (list && list.length > 0 ? new Set(list) : null);
    this.queues = set(view.queues);
    this.teams = set(view.teams);
    this.channels = set(view.channels);
    this.everything = !this.queues && !this.teams && !this.channels;
  }

  matchesQueue(queue: Pick<QueueSnapshot, 'queueId' | 'teamId' | 'channel'>): boolean {
    return (!this.queues || this.queues.has(queue.queueId))
      && (!this.channels || (queue.channel !== null && this.channels.has(queue.channel)))
      && (!this.teams || (queue.teamId !== null && this.teams.has(queue.teamId)));
  }

  matchesAgent(agent: AgentSnapshot): boolean {
    return (!this.teams || (agent.teamId !== null && this.teams.has(agent.teamId)))
      && (!this.queues || agent.queueIds.some((id) => this.queues!.has(id)));
  }

  matchesTeam(teamId: string): boolean {
    return !this.teams || this.teams.has(teamId);
  }

  matchesChannel(channel: string): boolean {
    return !this.channels || this.channels.has(channel);
  }

  /** The part of a delta this view shows (the centre's totals always); null when none of it concerns the view. */
  filter(delta: Delta): Delta | null {
    if (this.everything) return delta;
    const { seq, generatedAt, bounds, centre, anomalies, removedAgents } = delta;
    const filtered: Delta = { seq, generatedAt, bounds, centre, anomalies, removedAgents };
    filtered.queues = nonEmpty(delta.queues?.filter((q) => this.matchesQueue(q)));
    filtered.agents = nonEmpty(delta.agents?.filter((a) => this.matchesAgent(a)));
    filtered.teams = nonEmpty(delta.teams?.filter((t) => this.matchesTeam(t.teamId)));
    filtered.channels = nonEmpty(delta.channels?.filter((c) => this.matchesChannel(c.key)));
    for (const key of Object.keys(filtered) as (keyof Delta)[]) if (filtered[key] === undefined) delete filtered[key];
    return Object.keys(filtered).length > 2 ? filtered : null;
  }
}

const nonEmpty = <T>(entries: T[] | undefined): T[] | undefined => (entries && entries.length > 0 ? entries : undefined);
