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

type QueuePlacement = Pick<QueueSnapshot, 'queueId' | 'teamId' | 'channel'>;

/**
 * Which queues a view covers. A view matches a queue by its id, its team or its channel; placements are learnt
 * from the snapshots and deltas that pass by, because an agent names only queue ids.
 */
export class ViewMatcher {
  private readonly queues: Set<string>;
  private readonly teams: Set<string>;
  private readonly channels: Set<string>;
  private readonly everything: boolean;
  private readonly matchedQueues = new Map<string, QueuePlacement>();

  constructor(view: View) {
    this.queues = new Set(view.queues ?? []);
    this.teams = new Set(view.teams ?? []);
    this.channels = new Set(view.channels ?? []);
    this.everything = this.queues.size + this.teams.size + this.channels.size === 0;
  }

  learn(queues: readonly QueuePlacement[]): void {
    for (const queue of queues) {
      if (this.matchesQueue(queue)) this.matchedQueues.set(queue.queueId, queue);
      else this.matchedQueues.delete(queue.queueId);
    }
  }

  matchesQueue(queue: QueuePlacement): boolean {
    return this.everything || this.queues.has(queue.queueId)
      || (queue.teamId !== null && this.teams.has(queue.teamId))
      || (queue.channel !== null && this.channels.has(queue.channel));
  }

  matchesAgent(agent: AgentSnapshot): boolean {
    return this.everything || (agent.teamId !== null && this.teams.has(agent.teamId))
      || agent.queueIds.some((id) => this.queues.has(id) || this.matchedQueues.has(id));
  }

  matchesTeam(teamId: string): boolean {
    if (this.everything || this.teams.has(teamId)) return true;
    for (const queue of this.matchedQueues.values()) if (queue.teamId === teamId) return true;
    return false;
  }

  matchesChannel(channel: string): boolean {
    if (this.everything || this.channels.has(channel)) return true;
    for (const queue of this.matchedQueues.values()) if (queue.channel === channel) return true;
    return false;
  }

  /** The part of a delta this view shows; null when none of it concerns the view. */
  filter(delta: Delta): Delta | null {
    if (delta.queues) this.learn(delta.queues);
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
