import type { AgentCounts, AgentProfile, AgentStateName, TimedEvent } from '@plancia/contracts';
import type { FactKind } from '../windows/facts.js';
import type { AgentMark } from '../contacts/derive.js';
import { AgentSpans, type Entry, type SpanTargets } from './agent-spans.js';
import { compareEntries, indexOfKey, insertionIndex, type TimelineEntry } from './timeline.js';

type AgentStateEvent = Extract<TimedEvent, { type: 'agent.state' }>;
export interface Agent {
  agentId: string;
  name: string;
  teamId: string | null;
  queueIds: string[];
  /** (time, event id) of the latest agent.state whose profile fields were taken */
  profileAt: number;
  profileKey: string;
  timeline: Entry[];
  /** contacts in wrap-up with no completion, closed by this agent's next change */
  watchers: Set<string>;
  /** where its time counts, worked out again when its queues or the configuration change */
  targets: SpanTargets | null;
}

export interface AgentHost {
  count(mask: number, queue: number, channel: number, kind: FactKind, at: number, a: number, b: number, c: number, sign: number): void;
  queueNumber(queueId: string): number;
  channelNumber(channel: string): number;
  channelOf(queueId: string): string | null;
  countsChanged(agent: Agent, before: AgentStateName | null, beforeQueues: readonly string[], beforeTeam: string | null): void;
  conflict(by: number): void;
}

const NO_CONTACTS: readonly string[] = [];

/** A new timeline entry, counting no time yet (spans are set once its neighbours are known). */
function entryOf(at: number, rank: 0 | 1, key: string, state: AgentStateName, reason: string | null, contactId: string | null): Entry {
  return { at, rank, key, state, reason, contactId, conflict: false, spanKind: -1, spanAt: 0, spanMs: 0, spanTargets: null };
}

/** The contacts watching this agent's next change, except `contactId`; a shared empty list when there are none. */
function watchersBut(agent: Agent, contactId: string | null): readonly string[] {
  const watchers = agent.watchers;
  if (watchers.size === 0 || (watchers.size === 1 && contactId !== null && watchers.has(contactId))) return NO_CONTACTS;
  const ids: string[] = [];
  for (const id of watchers) if (id !== contactId) ids.push(id);
  return ids;
}

/** Keeps each agent's recent state changes in time order and counts time spent busy and available. */
export class AgentBook {
  private readonly spans: AgentSpans;
  readonly agents = new Map<string, Agent>();
  /** Bumped whenever what some agent's snapshot entry shows may have moved (timeline, profile, a new agent). */
  revision = 0;
  private profiles = new Map<string, AgentProfile>();

  constructor(private readonly host: AgentHost) {
    this.spans = new AgentSpans(host);
  }

  /** A new configuration: agents' profiles, and queues' channels, which decide where agents' time is counted. */
  configure(profiles: readonly AgentProfile[]): void {
    this.profiles = new Map(profiles.map((p) => [p.agentId, p]));
    this.revision++;
    for (const agent of this.agents.values()) {
      const p = this.profiles.get(agent.agentId);
      if (p) agent.name = p.name;
      agent.targets = null;
    }
  }

  agent(agentId: string): Agent {
    let agent = this.agents.get(agentId);
    if (!agent) {
      const p = this.profiles.get(agentId);
      agent = { agentId, name: p?.name ?? agentId, teamId: p?.teamId ?? null, queueIds: [], profileAt: -Infinity, profileKey: '', timeline: [], watchers: new Set(), targets: null };
      this.agents.set(agentId, agent);
      this.revision++;
    }
    return agent;
  }

  applyState(e: AgentStateEvent): readonly string[] {
    const agent = this.agent(e.data.agentId);
    const before = this.current(agent);
    const beforeQueues = agent.queueIds;
    const beforeTeam = agent.teamId;
    this.revision++;
    if (e.timeMs > agent.profileAt || (e.timeMs === agent.profileAt && e.id > agent.profileKey)) {
      agent.profileAt = e.timeMs;
      agent.profileKey = e.id;
      if (e.data.queueIds && e.data.queueIds.join('\n') !== agent.queueIds.join('\n')) {
        agent.queueIds = [...e.data.queueIds];
        agent.targets = null;
        // Spans still in the timeline (the grace period) are counted for the agent's queues as now known.
        for (let i = 0; i < agent.timeline.length; i++) this.spans.respan(agent, i);
      }
      if (e.data.teamId) agent.teamId = e.data.teamId;
      if (e.data.name && !this.profiles.has(agent.agentId)) agent.name = e.data.name;
    }
    const entry = entryOf(e.timeMs, 0, e.id, e.data.state, e.data.reason ?? null, null);
    this.insert(agent, entry);
    this.host.countsChanged(agent, before?.state ?? null, beforeQueues, beforeTeam);
    return watchersBut(agent, null);
  }

  addMark(m: AgentMark, sign: number): readonly string[] {
    const agent = this.agent(m.agentId);
    const before = this.current(agent)?.state ?? null;
    const entry = entryOf(m.at, 1, m.contactId, m.state, null, m.state === 'available' ? null : m.contactId);
    if (sign > 0) this.insert(agent, entry);
    else this.remove(agent, entry);
    this.host.countsChanged(agent, before, agent.queueIds, agent.teamId);
    return watchersBut(agent, m.contactId);
  }

  current(agent: Agent): TimelineEntry | undefined {
    return agent.timeline[agent.timeline.length - 1];
  }

  /** When the state began: the first of the trailing run of entries in the same state and reason. */
  since(agent: Agent): number {
    const t = agent.timeline;
    let i = t.length - 1;
    while (i > 0 && t[i - 1]!.state === t[i]!.state && t[i - 1]!.reason === t[i]!.reason) i--;
    return t[i]?.at ?? 0;
  }

  /** The first change at or after `atMs` that is not this contact's and not a wrap-up. */
  changeAfter(agentId: string, atMs: number, contactId: string): number | null {
    const agent = this.agents.get(agentId);
    if (!agent) return null;
    for (const entry of agent.timeline) {
      if (entry.at >= atMs && entry.state !== 'wrap_up' && !(entry.rank === 1 && entry.key === contactId)) return entry.at;
    }
    return null;
  }

  /** Forgets entries older than the grace period; their time is already counted. */
  prune(horizonMs: number): void {
    for (const agent of this.agents.values()) {
      const t = agent.timeline;
      let drop = 0;
      while (drop < t.length - 1 && t[drop + 1]!.at < horizonMs) drop++;
      if (drop === 0) continue;
      t.copyWithin(0, drop); // unlike splice, builds no array of the removed entries
      t.length -= drop;
      this.revision++; // the start of the current state may now read later
    }
  }

  countsOf(agents: Iterable<Agent>): AgentCounts {
    const counts: AgentCounts = { available: 0, on_contact: 0, wrap_up: 0, not_ready: 0, offline: 0 };
    for (const a of agents) {
      const state = this.current(a)?.state;
      if (state) counts[state]++;
    }
    return counts;
  }

  private insert(agent: Agent, entry: Entry): void {
    const t = agent.timeline;
    const at = insertionIndex(t, entry);
    if (at > 0 && compareEntries(t[at - 1]!, entry) === 0) return;
    if (at === t.length) t.push(entry); // the common case; a splice is a runtime call even at the end
    else t.splice(at, 0, entry);
    this.revision++;
    this.spans.respan(agent, at - 1);
    this.spans.respan(agent, at);
    this.reflag(agent, at);
    this.reflag(agent, at + 1);
  }

  private remove(agent: Agent, probe: TimelineEntry): void {
    const t = agent.timeline;
    const at = indexOfKey(t, probe);
    if (at < 0) return;
    this.spans.clear(t[at]!);
    this.setConflict(t[at]!, false);
    t.splice(at, 1);
    this.revision++;
    this.spans.respan(agent, at - 1);
    this.reflag(agent, at);
  }

  private reflag(agent: Agent, i: number): void {
    const entry = agent.timeline[i];
    const previous = agent.timeline[i - 1];
    if (!entry) return;
    // Only two contacts overlap: a phone system's own on_contact (no contact named) is the same answer seen twice.
    const otherContact = previous?.state === 'on_contact' && previous.contactId !== null && previous.contactId !== entry.contactId;
    this.setConflict(entry, entry.rank === 1 && entry.state === 'on_contact' && otherContact);
  }

  private setConflict(entry: Entry, conflict: boolean): void {
    if (entry.conflict !== conflict) this.host.conflict(conflict ? 1 : -1);
    entry.conflict = conflict;
  }
}
