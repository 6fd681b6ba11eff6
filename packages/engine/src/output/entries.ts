import {
  kpiTargetsOf, queueBands, type Alert, type AgentCounts, type AgentSnapshot, type AggregateSnapshot, type LiveMetrics, type QueueSnapshot,
  type TeamSnapshot, type WaitingList,
} from '@plancia/contracts';
import type { Agent } from '../agents/agent-book.js';
import type { TimelineEntry } from '../agents/timeline.js';
import type { EngineCore } from '../engine-core.js';
import { agentsRequired } from '../staffing/erlang-c.js';
import { queueStatus } from './queue-status.js';
import { sameWaitingList, waitingList } from './waiting-list.js';
import { BUCKET_MS, type ScopeWindows } from '../windows/scope-windows.js';
import { queueProjection } from '../projection/projection.js';

type Tickets = LiveMetrics['tickets'];
interface Cached<T> { version: number; tickets: Tickets; entry: T }

const sameAlerts = (a: readonly Alert[] | undefined, b: readonly Alert[] | undefined): boolean =>
  (a ?? []).length === (b ?? []).length && (a ?? []).every((x, i) => x.id === b![i]!.id && x.severity === b![i]!.severity);

const sameTickets = (a: Tickets, b: Tickets): boolean => a.open === b.open && a.breached === b.breached && a.atRisk === b.atRisk;

/**
 * Builds the snapshot's entries and keeps each one until something it shows moves (its version or its live
 * ticket counts), so a snapshot of an unchanged queue costs a lookup.
 */
export class EntryBuilder {
  private readonly cache = new Map<string, Cached<QueueSnapshot | AggregateSnapshot>>();
  private agentCache = new Map<Agent, { current: TimelineEntry | undefined; sinceMs: number; entry: AgentSnapshot }>();
  private agentOrder: readonly Agent[] = [];
  private allAgentsList: readonly AgentSnapshot[] = [];
  private allAgentsAt = -1;
  private allAgentsClock = -1;
  private readonly waitingCache = new Map<string, { version: number; serial: number; entry: WaitingList }>();
  private waitingSerial = 0;
  private todayCache = new Map<Agent, { base: AgentSnapshot; version: number; dayStart: number; asOf: number; entry: AgentSnapshot }>();
  private alertsByQueue = new Map<string, Alert[]>();
  private readonly statusCache = new Map<string, { base: QueueSnapshot; alerts: Alert[] | undefined; entry: QueueSnapshot }>();
  private readonly projectionCache = new Map<string, { base: QueueSnapshot; step: number; entry: QueueSnapshot }>();

  constructor(private readonly core: EngineCore) {}

  /**
   * Runs `write` (the state's export) with the agents' entries left out, then holds them again. They are memos of what
   * the agents' state gives, built again on first use; a busy day's tens of thousands of them were a third of a
   * checkpoint's objects, and a restart's time grows with those. Nothing else runs meanwhile: `write` is synchronous.
   */
  withoutAgentMemos<T>(write: () => T): T {
    const held = { agentCache: this.agentCache, todayCache: this.todayCache, agentOrder: this.agentOrder, allAgentsList: this.allAgentsList, allAgentsAt: this.allAgentsAt };
    this.agentCache = new Map();
    this.todayCache = new Map();
    this.agentOrder = [];
    this.allAgentsList = [];
    this.allAgentsAt = -1;
    try {
      return write();
    } finally {
      this.agentCache = held.agentCache;
      this.todayCache = held.todayCache;
      this.agentOrder = held.agentOrder;
      this.allAgentsList = held.allAgentsList;
      this.allAgentsAt = held.allAgentsAt;
    }
  }

  /** The open alerts queue entries take their status from; set before entries are read. */
  useOpenAlerts(open: readonly Alert[]): void {
    const byQueue = new Map<string, Alert[]>();
    for (const alert of open) {
      if (alert.scope.kind !== 'queue' || alert.scope.id === null) continue;
      byQueue.set(alert.scope.id, [...(byQueue.get(alert.scope.id) ?? []), alert]);
    }
    this.alertsByQueue = byQueue;
  }

  queue(queueId: string): QueueSnapshot {
    const scope = this.core.queueScope(queueId);
    const tickets = this.core.tickets.live(queueId, this.core.clock);
    const version = scope.version + this.core.versions.get('queue', queueId);
    const base = this.cached(`q:${queueId}`, version, tickets, () => this.buildQueue(queueId, scope, tickets)) as QueueSnapshot;
    return this.withProjection(queueId, scope, this.withStatus(queueId, base));
  }

  /**
   * The projection moves with time, not only with events: it is taken as of the start of each 10-second step and
   * joined afterwards, so an unchanged queue is rebuilt at most once a step (and sent only if a figure moved).
   */
  private withProjection(queueId: string, scope: ScopeWindows, base: QueueSnapshot): QueueSnapshot {
    const step = Math.floor(this.core.clock / BUCKET_MS);
    const hit = this.projectionCache.get(queueId);
    if (hit && hit.base === base && hit.step === step) return hit.entry;
    const calendar = this.core.calendarOf(queueId);
    const projection = queueProjection({
      sums: scope.settledSums(),
      todayEndMs: this.core.window.todayEnd,
      openSeconds: (from, to) => (to > from ? calendar.businessSecondsBetween(from, to) : 0),
      target: base.serviceLevelTarget,
      waiting: base.live.waiting,
      agents: base.live.agents,
      ahtSeconds: base.staffing.ahtSeconds,
      agentsNeeded: base.staffing.required,
    });
    const entry = { ...base, projection };
    this.projectionCache.set(queueId, { base, step, entry });
    return entry;
  }

  /** Alerts change without the queue's figures moving, so the status is joined to the cached entry afterwards. */
  private withStatus(queueId: string, base: QueueSnapshot): QueueSnapshot {
    const alerts = this.alertsByQueue.get(queueId);
    const hit = this.statusCache.get(queueId);
    if (hit && hit.base === base && sameAlerts(hit.alerts, alerts)) return hit.entry;
    const entry = { ...base, status: queueStatus(base.windows.rolling.serviceLevel, base.colours, alerts ?? []) };
    this.statusCache.set(queueId, { base, alerts, entry });
    return entry;
  }

  aggregate(key: string, channel: string | null): AggregateSnapshot {
    const scope = channel ? this.core.channelScope(channel) : this.core.centre;
    const queueIds = this.core.knownQueueIds().filter((q) => !channel || this.core.channelOf(q) === channel);
    const tickets = this.sumTickets(queueIds);
    const version = scope.version + this.core.versions.getGlobal('live');
    return this.cached(`c:${key}`, version, tickets, () => ({ key, live: this.aggregateLive(channel, queueIds, tickets), windows: scope.metrics() }));
  }

  /** Every agent by id; agents are never forgotten, so the order only changes when one appears. */
  sortedAgents(): readonly Agent[] {
    const all = this.core.agents.agents;
    if (this.agentOrder.length !== all.size) this.agentOrder = [...all.values()].sort((a, b) => (a.agentId < b.agentId ? -1 : 1));
    return this.agentOrder;
  }

  /** Every agent's entry in id order, rebuilt only when some agent's entry may have moved. */
  allAgents(): readonly AgentSnapshot[] {
    const revision = this.core.agents.revision;
    // Each entry's figures for today run up to the clock: a later clock is a new list too.
    if (this.allAgentsAt !== revision || this.allAgentsClock !== this.core.clock) {
      this.allAgentsList = this.sortedAgents().map((a) => this.agent(a));
      this.allAgentsAt = revision;
      this.allAgentsClock = this.core.clock;
    }
    return this.allAgentsList;
  }

  /**
   * The agent's entry with its figures for today up to the clock. They are worked out again only when the agent's
   * timeline moved (its version), the day turned or the clock moved; the clock alone moves no version, so a running
   * call sends no change: the entry says `today.asOf` and clients count the current state on from there.
   */
  agent(agent: Agent): AgentSnapshot {
    const base = this.agentBase(agent);
    const version = this.core.versions.get('agent', agent.agentId);
    const dayStart = this.core.window.todayStart;
    const asOf = this.core.clock;
    const hit = this.todayCache.get(agent);
    if (hit && hit.base === base && hit.version === version && hit.dayStart === dayStart && hit.asOf === asOf) return hit.entry;
    const entry: AgentSnapshot = { ...base, today: this.core.agents.today(agent, dayStart, asOf) };
    this.todayCache.set(agent, { base, version, dayStart, asOf, entry });
    return entry;
  }

  /** Timeline entries are never edited in place, so the same latest entry, start and profile show the same thing. */
  private agentBase(agent: Agent): AgentSnapshot {
    const current = this.core.agents.current(agent);
    const sinceMs = this.core.agents.since(agent);
    const memberships = current ? this.core.agents.memberships(agent, current, sinceMs) : undefined;
    const hit = this.agentCache.get(agent);
    if (hit && hit.current === current && hit.sinceMs === sinceMs && hit.entry.name === agent.name
      && hit.entry.teamId === agent.teamId && hit.entry.queueIds === agent.queueIds
      // a call can overrule the current entry, or name its contact, in place (see AgentBook.reflag)
      && hit.entry.state === current?.state && hit.entry.contactId === (current?.contactId ?? null) && hit.entry.conflicts === agent.conflicts
      // a late change can move a membership's start without moving the agent's
      && JSON.stringify(hit.entry.memberships) === JSON.stringify(memberships)) return hit.entry;
    const entry: AgentSnapshot = {
      agentId: agent.agentId, name: agent.name, teamId: agent.teamId, queueIds: agent.queueIds,
      state: current?.state ?? 'offline', reason: current?.reason ?? null,
      since: new Date(sinceMs).toISOString(), contactId: current?.contactId ?? null, conflicts: agent.conflicts,
      ...(memberships ? { memberships } : {}),
    };
    this.agentCache.set(agent, { current, sinceMs, entry });
    return entry;
  }

  /**
   * A queue's waiting list, built again only when the queue's version moved (a contact joined or left, among other
   * things); `serial` changes only when what it shows did, so the change message carries only lists that moved.
   */
  waiting(queueId: string): { serial: number; entry: WaitingList } {
    const version = this.core.versions.get('queue', queueId);
    const hit = this.waitingCache.get(queueId);
    if (hit && hit.version === version) return hit;
    const entry = waitingList(this.core, queueId);
    const next = hit && sameWaitingList(hit.entry, entry) ? { ...hit, version } : { version, serial: ++this.waitingSerial, entry };
    this.waitingCache.set(queueId, next);
    return next;
  }

  team(teamId: string): TeamSnapshot {
    return { teamId, agents: this.core.agents.countsOf(this.core.teamAgents.get(teamId) ?? []) };
  }

  private cached<T extends QueueSnapshot | AggregateSnapshot>(key: string, version: number, tickets: Tickets, build: () => T): T {
    const hit = this.cache.get(key);
    if (hit && hit.version === version && sameTickets(hit.tickets, tickets)) return hit.entry as T;
    const entry = build();
    this.cache.set(key, { version, tickets, entry });
    return entry;
  }

  private buildQueue(queueId: string, scope: ScopeWindows, tickets: Tickets): QueueSnapshot {
    const q = this.core.queueConfig(queueId);
    const windows = scope.metrics();
    const agents = this.core.agents.countsOf(this.core.queueAgents.get(queueId) ?? [], queueId);
    const { waiting, since } = this.waitingIn([queueId]);
    const arrivalsPerHour = (windows.rolling.offered * 60) / scope.rollingMinutes;
    const required = agentsRequired({
      arrivalsPerHour, ahtSeconds: windows.rolling.aht, thresholdSeconds: q.serviceLevel.thresholdSeconds, target: q.serviceLevel.target,
    });
    const staffed = agents.available + agents.on_contact + agents.wrap_up;
    // Its own bands, or those of its target: a queue without its own follows every change of target.
    const colours = queueBands(q);
    return {
      queueId, name: q.name, channel: q.channel ?? null, teamId: q.teamId ?? null,
      serviceLevelTarget: q.serviceLevel.target, thresholdSeconds: q.serviceLevel.thresholdSeconds, colours,
      status: queueStatus(windows.rolling.serviceLevel, colours, []),
      live: { waiting, longestWaitSince: since, agents, tickets },
      windows,
      staffing: { arrivalsPerHour, ahtSeconds: windows.rolling.aht, required, staffed, gap: required === null ? null : staffed - required },
      todayStart: new Date(this.core.queueDayStart(queueId)).toISOString(),
      kpiTargets: kpiTargetsOf(q.kpiTargets),
    };
  }

  private aggregateLive(channel: string | null, queueIds: readonly string[], tickets: Tickets): LiveMetrics {
    const { waiting, since } = this.waitingIn(null, channel);
    const agents = new Set<Agent>();
    for (const q of channel ? queueIds : []) for (const a of this.core.queueAgents.get(q) ?? []) agents.add(a);
    const counts: AgentCounts = this.core.agents.countsOf(channel ? agents : this.core.agents.agents.values());
    return { waiting, longestWaitSince: since, agents: counts, tickets };
  }

  /** Contacts waiting now in these queues (all when null), optionally of one channel, and the oldest enqueue time. */
  waitingIn(queueIds: readonly string[] | null, channel: string | null = null): { waiting: number; since: string | null; sinceMs: number | null } {
    let waiting = 0;
    let oldest = Infinity;
    const lines = queueIds ? queueIds.map((q) => this.core.contacts.waiting.get(q)) : this.core.contacts.waiting.values();
    for (const line of lines) {
      if (!line) continue;
      waiting += line.count(channel);
      oldest = Math.min(oldest, line.oldest(channel));
    }
    const sinceMs = oldest < Infinity ? oldest : null;
    return { waiting, since: sinceMs === null ? null : new Date(sinceMs).toISOString(), sinceMs };
  }

  private sumTickets(queueIds: readonly string[]): Tickets {
    const sum = { open: 0, breached: 0, atRisk: 0 };
    for (const q of queueIds) {
      const t = this.core.tickets.live(q, this.core.clock);
      sum.open += t.open;
      sum.breached += t.breached;
      sum.atRisk += t.atRisk;
    }
    return sum;
  }
}
