import type { AgentCounts, AgentMembership, AgentProfile, AgentStateName, AgentToday, TimedEvent } from '@plancia/contracts';
import type { Fact } from '../windows/facts.js';
import type { AgentMark } from '../contacts/derive.js';
import { AgentSpans, entryOf, type Entry, type OfferOutcome } from './agent-spans.js';
import { Agent } from './agent.js';
import { agentToday } from './agent-today.js';
import { heldIn, membershipsOf } from './memberships.js';
import { archiveSettled, tallyOf, unpackArchive, worthArchiving } from './timeline-archive.js';
import { compareEntries, firstAtOrAfter, indexOfKey, insertionIndex, type SaidMembership, type TimelineEntry } from './timeline.js';

type AgentStateEvent = Extract<TimedEvent, { type: 'agent.state' }>;
export { Agent };

export interface AgentHost {
  count(fact: Fact, sign: number): void;
  queueNumber(queueId: string): number;
  channelNumber(channel: string): number;
  channelOf(queueId: string): string | null;
  countsChanged(agent: Agent, before: AgentStateName | null, beforeQueues: readonly string[], beforeTeam: string | null): void;
  conflict(by: number): void;
  /** whether no contact still being worked on holds this contact's marks as objects (it is dormant or forgotten) */
  contactSettled(contactId: string): boolean;
  /** the start of today (an agent's figures for today are kept for it) */
  todayStart(): number;
}

const NO_CONTACTS: readonly string[] = [];

function saidMemberships(e: AgentStateEvent): readonly SaidMembership[] | null {
  const list = e.data.memberships;
  return list ? list.map((m) => ({ queueId: m.queueId, state: m.state, reason: m.reason ?? null })) : null;
}

/**
 * The offer an agent.state says the agent did not take: its `offer` field, or, from sources that say it only in the
 * reason (Amazon Connect's contact states MISSED, ERROR, REJECTED), a not_ready with such a reason.
 */
function offerOf(e: AgentStateEvent): OfferOutcome | null {
  if (e.data.offer) return e.data.offer;
  if (e.data.state !== 'not_ready' || !e.data.reason) return null;
  const reason = e.data.reason.toUpperCase();
  return reason === 'REJECTED' ? 'rejected' : reason === 'MISSED' || reason === 'ERROR' ? 'missed' : null;
}

/** Whether (at, seq) comes after (thanAt, thanSeq): later in time, or as late and arrived after. */
function later(at: number, seq: number, thanAt: number, thanSeq: number): boolean {
  return at > thanAt || (at === thanAt && seq > thanSeq);
}

/** An agent.state already in the timeline (same id, same time) that arrived again. */
function redelivered(t: readonly Entry[], at: number, entry: Entry): boolean {
  if (entry.rank !== 0) return false;
  for (let i = at - 1; i >= 0 && t[i]!.at === entry.at; i--) if (t[i]!.rank === 0 && t[i]!.key === entry.key) return true;
  return false;
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
    this.spans.configured();
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
      agent = new Agent(agentId, p?.name ?? agentId, p?.teamId ?? null);
      this.agents.set(agentId, agent);
      this.revision++;
    }
    return agent;
  }

  /** `seq`: the event's place in arrival order, which breaks ties of equal time. */
  applyState(e: AgentStateEvent, seq: number): readonly string[] {
    const agent = this.agent(e.data.agentId);
    const before = this.current(agent);
    const beforeQueues = agent.queueIds;
    const beforeTeam = agent.teamId;
    const at = e.timeMs;
    this.revision++;
    if (e.data.queueIds && later(at, seq, agent.queuesAt, agent.queuesSeq)) {
      agent.queuesAt = at;
      agent.queuesSeq = seq;
      if (e.data.queueIds.join('\n') !== agent.queueIds.join('\n')) {
        agent.queueIds = [...e.data.queueIds];
        agent.targets = null;
        // Spans still in the timeline (today) are counted for the agent's queues as now known.
        const all = agent.unarchive();
        for (let i = 0; i < all.length; i++) this.spans.respan(agent, i);
      }
    }
    if (e.data.teamId && later(at, seq, agent.teamAt, agent.teamSeq)) {
      agent.teamAt = at;
      agent.teamSeq = seq;
      agent.teamId = e.data.teamId;
    }
    if (e.data.name && !this.profiles.has(agent.agentId) && later(at, seq, agent.nameAt, agent.nameSeq)) {
      agent.nameAt = at;
      agent.nameSeq = seq;
      agent.name = e.data.name;
    }
    const entry = entryOf(agent.agentId, at, 0, e.id, seq, e.data.state, e.data.reason ?? null, null, saidMemberships(e), offerOf(e));
    this.insert(agent, entry);
    this.host.countsChanged(agent, before?.state ?? null, beforeQueues, beforeTeam);
    return watchersBut(agent, null);
  }

  /** Puts a contact's mark on its agent's timeline (sign 1) or takes it off (sign −1); the mark is the entry itself. */
  addMark(m: AgentMark, sign: number): readonly string[] {
    const agent = this.agent(m.agentId);
    const before = this.current(agent)?.state ?? null;
    if (sign > 0) this.insert(agent, m);
    else this.remove(agent, m);
    this.host.countsChanged(agent, before, agent.queueIds, agent.teamId);
    return watchersBut(agent, m.key);
  }

  /** The entry of the agent's timeline equal to `m`, else `m` (a mark older than the timeline keeps is no entry of it). */
  entryEqualTo(m: Entry): Entry {
    const agent = this.agents.get(m.agentId);
    if (!agent) return m;
    reach(agent, m.at);
    const at = indexOfKey(agent.recent, m);
    return at >= 0 ? agent.recent[at]! : m;
  }

  current(agent: Agent): TimelineEntry | undefined {
    return agent.recent[agent.recent.length - 1];
  }

  /** When the state began: the first of the trailing run of entries in the same state and reason. */
  since(agent: Agent): number {
    const t = agent.recent;
    let i = t.length - 1;
    while (i > 0 && t[i - 1]!.state === t[i]!.state && t[i - 1]!.reason === t[i]!.reason) i--;
    const archive = agent.archive;
    if (i === 0 && archive !== null && archive.lastState === t[0]!.state && archive.lastReason === t[0]!.reason) return archive.runStart;
    return t[i]?.at ?? 0;
  }

  /** The agent's figures for today up to `nowMs`; an archived start counts from its tally (kept per day start). */
  today(agent: Agent, dayStartMs: number, nowMs: number): AgentToday {
    const archive = agent.archive;
    const first = agent.recent[0];
    // The tally counts the archive's last state up to the first recent entry: a clock before that is read in full.
    if (archive === null || first === undefined || nowMs < first.at) return agentToday(agent.timeline, dayStartMs, nowMs);
    if (archive.tally?.dayStartMs !== dayStartMs) archive.tally = tallyOf(unpackArchive(archive, agent.agentId, first), dayStartMs, first);
    return agentToday(agent.recent, dayStartMs, nowMs, archive.tally);
  }

  /** The agent's state per queue, when its phone system says them (such a timeline is never archived). */
  memberships(agent: Agent, current: TimelineEntry, sinceMs: number): AgentMembership[] | undefined {
    return agent.saysMemberships ? membershipsOf(agent.timeline, current, sinceMs) : undefined;
  }

  /** The first change at or after `atMs` that is not this contact's and not a wrap-up. */
  changeAfter(agentId: string, atMs: number, contactId: string): number | null {
    const agent = this.agents.get(agentId);
    if (!agent) return null;
    reach(agent, atMs);
    const t = agent.recent;
    // Timelines hold the whole day: start at the first entry at `atMs` (searched from the tail), not at the day's first.
    for (let i = firstAtOrAfter(t, atMs); i < t.length; i++) {
      const entry = t[i]!;
      if (entry.state !== 'wrap_up' && !(entry.rank === 1 && entry.key === contactId)) return entry.at;
    }
    return null;
  }

  /**
   * Forgets entries older than the horizon (today's start or the longest rolling window, whichever is earlier): a
   * late change before it fits no window. Kept any shorter, a late change would split a span already counted whole.
   */
  prune(horizonMs: number): void {
    for (const agent of this.agents.values()) {
      // An archive's first two entries say whether pruning reaches it; the entries after it are later still.
      if (agent.archive !== null && agent.archive.secondAt >= horizonMs) continue;
      const t = agent.unarchive();
      let drop = 0;
      while (drop < t.length - 1 && t[drop + 1]!.at < horizonMs) drop++;
      if (drop === 0) continue;
      // A plain loop, not copyWithin (its generic path was ~20× slower here) nor splice (builds an array of the removed).
      for (let i = drop; i < t.length; i++) t[i - drop] = t[i]!;
      t.length -= drop;
      this.revision++; // the start of the current state may now read later
    }
  }

  /** Agents by state; in one queue (`queueId`), an agent paused in that queue only counts as paused there. */
  countsOf(agents: Iterable<Agent>, queueId?: string): AgentCounts {
    const counts: AgentCounts = { available: 0, on_contact: 0, wrap_up: 0, not_ready: 0, offline: 0 };
    for (const a of agents) {
      const current = this.current(a);
      if (!current) continue;
      const held = queueId === undefined || !a.saysMemberships ? undefined : heldIn(a.timeline, queueId);
      counts[held?.state ?? current.state]++;
    }
    return counts;
  }

  private insert(agent: Agent, entry: Entry): void {
    if (entry.memberships !== null && !agent.saysMemberships) {
      agent.saysMemberships = true;
      agent.unarchive();
    }
    reach(agent, entry.at);
    let at = insertionIndex(agent.recent, entry);
    // Before the first recent entry, it would end the archive's last span: that span is only kept packed.
    if (at === 0 && agent.archive !== null) at = insertionIndex(agent.unarchive(), entry);
    const t = agent.recent;
    if (at > 0 && (compareEntries(t[at - 1]!, entry) === 0 || redelivered(t, at, entry))) return;
    if (at === t.length) t.push(entry); // the common case; a splice is a runtime call even at the end
    else t.splice(at, 0, entry);
    this.revision++;
    this.spans.respan(agent, at - 1);
    this.spans.respan(agent, at);
    this.reflagFrom(agent, at);
    if (at === t.length - 1 && !agent.saysMemberships && worthArchiving(t)) {
      agent.archive = archiveSettled(agent.archive, t, agent.agentId, this.host.contactSettled, this.host.todayStart());
    }
  }

  private remove(agent: Agent, probe: TimelineEntry): void {
    reach(agent, probe.at);
    let at = indexOfKey(agent.recent, probe);
    if (at === 0 && agent.archive !== null) at = indexOfKey(agent.unarchive(), probe);
    const t = agent.recent;
    if (at < 0) return;
    this.spans.clear(t[at]!);
    this.setConflict(agent, t[at]!, false);
    t.splice(at, 1);
    this.revision++;
    this.spans.respan(agent, at - 1);
    this.reflagFrom(agent, at);
  }

  /** Judges again the entries from `i` up to the next contact mark: a mark decides for those that follow it. */
  private reflagFrom(agent: Agent, i: number): void {
    const t = agent.recent;
    for (let j = i; j < t.length; j++) {
      this.reflag(agent, j);
      if (j > i && t[j]!.rank === 1) break;
    }
  }

  /**
   * The contact decides until it ends: "available" from the phone system while a contact of the agent is still in
   * talk is a contradiction, counted, and the agent stays on that contact. Only two contacts overlap as well: a
   * phone system's own on_contact (no contact named) is the same answer seen twice, so it names the contact in talk.
   */
  private reflag(agent: Agent, i: number): void {
    const entry = agent.recent[i];
    if (!entry) return;
    const talking = contactInTalk(agent, i);
    if (entry.rank === 1) return this.setConflict(agent, entry, entry.state === 'on_contact' && talking !== null && talking !== entry.contactId);
    const overruled = entry.said === 'available' && talking !== null;
    this.setConflict(agent, entry, overruled);
    const state = overruled ? 'on_contact' : entry.said;
    const contactId = state === 'on_contact' ? talking : null;
    if (entry.state === state && entry.contactId === contactId) return;
    entry.state = state;
    entry.reason = overruled ? null : entry.saidReason;
    entry.contactId = contactId;
    this.revision++;
    this.spans.respan(agent, i);
  }

  private setConflict(agent: Agent, entry: Entry, conflict: boolean): void {
    if (entry.conflict === conflict) return;
    this.host.conflict(conflict ? 1 : -1);
    agent.conflicts += conflict ? 1 : -1;
    this.revision++;
    entry.conflict = conflict;
  }
}

/** The contact in talk just before recent entry i: the latest contact mark before it, when that mark is an answer. */
function contactInTalk(agent: Agent, i: number): string | null {
  const t = agent.recent;
  for (let j = i - 1; j >= 0; j--) {
    const e = t[j]!;
    if (e.rank === 1) return e.state === 'on_contact' ? e.contactId : null;
  }
  return agent.archive?.talking ?? null;
}

/** Unpacks the agent's archive when `atMs` is not after its last entry: a change there reaches into it. */
function reach(agent: Agent, atMs: number): void {
  if (agent.archive !== null && atMs <= agent.archive.lastAt) agent.unarchive();
}
