import {
  DEFAULT_CALENDAR, DEFAULT_SETTINGS, defaultQueueConfig, type QueueConfig, type ServiceLevelSettings, type TimedEvent,
} from '@plancia/contracts';
import { AgentBook, type Agent, type AgentHost } from './agents/agent-book.js';
import { Calendar } from './calendar/business-calendar.js';
import { ContactBook, type ContactHost } from './contacts/contact-book.js';
import type { AgentMark } from './contacts/derive.js';
import type { ClosedInterval, EngineConfig } from './engine-api.js';
import { surveyFact, type SurveyFact } from './surveys/survey-facts.js';
import { TicketTracker } from './tickets/ticket-tracker.js';
import { windowMetrics } from './windows/acc.js';
import { dayBounds } from './windows/day-clock.js';
import { Fact, K, waitSlotOf } from './windows/facts.js';
import { ScopeNumbers } from './windows/scope-numbers.js';
import { ScopeWindows, type WindowClock } from './windows/scope-windows.js';
import { Versions } from './output/versions.js';
import { RepeatBook } from './repeats/repeat-book.js';

export const AGGREGATE_ROLLING_MINUTES = 15;
export const AGGREGATE_INTERVAL_MINUTES = 30;
/** The longest rolling window a queue can have: an event older than this and than today's start fits no window. */
export const MAX_ROLLING_MS = 60 * 60_000;

export type AnomalyName = 'lateEvents' | 'orphanEvents' | 'staleContactsRemoved' | 'conflicts';

/**
 * The engine's state and the routing between its parts: contacts and agents produce facts, facts land in the
 * windows of their queue, channel and the centre. Everything is driven by event times and the clock passed in.
 */
export class EngineCore implements ContactHost, AgentHost {
  config!: EngineConfig;
  settings = DEFAULT_SETTINGS;
  clock: number;
  readonly window: WindowClock = { nowMs: 0, todayStart: 0, todayEnd: 0, graceMs: 0 };
  /** Queues whose day resets at their own time: their clocks (the same now and grace, a today of their own). */
  private queueClocks = new Map<string, WindowClock>();
  /** The earliest start and the latest end of any today the engine keeps (the centre's and every queue's). */
  private daySpan = { start: 0, end: 0 };
  readonly queueWindows = new Map<string, ScopeWindows>();
  readonly channelWindows = new Map<string, ScopeWindows>();
  readonly centre = new ScopeWindows(AGGREGATE_ROLLING_MINUTES, AGGREGATE_INTERVAL_MINUTES);
  private readonly queueNumbers = new ScopeNumbers((queueId) => this.queueScope(queueId));
  /** each numbered queue's service-level settings, looked up again after a configuration change */
  private queueLevels: (ServiceLevelSettings | undefined)[] = [];
  private readonly channelNumbers = new ScopeNumbers((channel) => this.channelScope(channel));
  readonly contacts = new ContactBook(this);
  readonly agents = new AgentBook(this);
  readonly tickets: TicketTracker;
  readonly anomalies = { lateEvents: 0, orphanEvents: 0, staleContactsRemoved: 0, conflicts: 0 };
  readonly versions = new Versions();
  closed: ClosedInterval[] = [];
  /** events applied so far: each event's place in arrival order (journal order on replay, batch order live) */
  private arrivals = 0;
  private queues = new Map<string, QueueConfig>();
  /** sorted ids of configured and seen queues; replaced (never mutated) when a queue appears */
  private queueIds: readonly string[] | null = null;
  private calendars = new Map<string, Calendar>();
  readonly queueAgents = new Map<string, Set<Agent>>();
  readonly teamAgents = new Map<string, Set<Agent>>();
  /** the record ticket and survey facts are written in before they are counted */
  private readonly fact = new Fact();
  /** callers' offers per queue, for repeat contacts */
  readonly repeats = new RepeatBook({
    repeatWindowMs: (queueId) => {
      const minutes = this.queueConfig(queueId).repeatWindowMinutes;
      return minutes === undefined ? null : minutes * 60_000;
    },
    dayStartOf: (queueId, atMs) => this.dayStartOf(queueId, atMs),
    countOffer: (queueId, atMs, repeat, sign) => this.countOffer(queueId, atMs, repeat, sign),
  });

  constructor(config: EngineConfig, nowMs: number) {
    this.clock = nowMs;
    this.configure(config);
    this.tickets = new TicketTracker({
      calendarFor: (queueId) => this.calendarOf(queueId),
      queueConfig: (queueId) => this.queueConfig(queueId),
      holdUntil: (atMs) => this.forgetAt(atMs),
    });
    this.advance(nowMs);
  }

  configure(config: EngineConfig): void {
    this.contacts.configurationChanging();
    this.config = config;
    this.settings = { ...DEFAULT_SETTINGS, ...config.settings };
    this.queues = new Map(config.queues.map((q) => [q.queueId, q]));
    this.queueIds = null;
    this.queueLevels = [];
    this.calendars = new Map([DEFAULT_CALENDAR, ...config.calendars].map((c) => [c.id, new Calendar(c)]));
    this.queueClocks = new Map();
    this.agents.configure(config.agents);
    this.window.graceMs = this.graceMs;
    this.versions.bumpAll();
  }

  get graceMs(): number { return this.settings.graceSeconds * 1000; }
  get staleMs(): number { return this.settings.staleContactSeconds * 1000; }

  queueConfig(queueId: string): QueueConfig {
    let q = this.queues.get(queueId);
    if (!q) {
      q = defaultQueueConfig(queueId);
      this.queues.set(queueId, q);
      this.queueIds = null;
    }
    return q;
  }

  /** The same array until a queue appears or the configuration changes, so callers may compare by identity. */
  knownQueueIds(): readonly string[] {
    this.queueIds ??= [...new Set([...this.queues.keys(), ...this.queueWindows.keys()])].sort();
    return this.queueIds;
  }

  calendarOf(queueId: string): Calendar {
    return this.calendars.get(this.queueConfig(queueId).calendarId) ?? this.calendars.get(DEFAULT_CALENDAR.id)!;
  }

  queueScope(queueId: string): ScopeWindows {
    let scope = this.queueWindows.get(queueId);
    if (!scope) {
      const q = this.queueConfig(queueId);
      scope = new ScopeWindows(q.rollingMinutes, q.intervalMinutes);
      scope.advance(this.clockOf(queueId));
      this.queueWindows.set(queueId, scope);
      this.queueIds = null;
      this.versions.bumpAll();
    }
    return scope;
  }

  /** The queue's number (a fact's `queue`), given the first time it is asked for. */
  queueNumber(queueId: string): number {
    return this.queueNumbers.numberOf(queueId);
  }

  channelNumber(channel: string): number {
    return this.channelNumbers.numberOf(channel);
  }

  serviceLevelOf(queue: number): ServiceLevelSettings {
    return (this.queueLevels[queue] ??= this.queueConfig(this.queueNumbers.ids[queue]!).serviceLevel);
  }

  channelScope(channel: string): ScopeWindows {
    let scope = this.channelWindows.get(channel);
    if (!scope) {
      scope = new ScopeWindows(AGGREGATE_ROLLING_MINUTES, AGGREGATE_INTERVAL_MINUTES);
      scope.advance(this.window);
      this.channelWindows.set(channel, scope);
    }
    return scope;
  }

  /** Moves the clock forward (never back): windows rotate, deadlines fire, ticket clocks advance. */
  advance(nowMs: number): void {
    this.clock = Math.max(this.clock, nowMs);
    this.window.nowMs = this.clock;
    if (this.clock >= this.window.todayEnd) {
      const { start, end } = dayBounds(this.clock, this.settings.timeZone, this.settings.dayResetTime);
      this.window.todayStart = start;
      this.window.todayEnd = end;
      this.versions.bumpGlobal('bounds');
      // Offers older than every queue's window (or day, without one) can be no one's predecessor any more.
      this.repeats.prune(this.repeatsFrom());
    }
    this.daySpan = { start: this.window.todayStart, end: this.window.todayEnd };
    for (const [queueId, scope] of this.queueWindows) {
      for (const { startMs, acc } of scope.advance(this.clockOf(queueId))) {
        this.closed.push({
          queueId, intervalStart: new Date(startMs).toISOString(), intervalMinutes: scope.intervalMinutes, metrics: windowMetrics(acc),
          // The service level's denominator depends on it: reports re-aggregate under the policy in force then.
          abandonPolicy: this.queueConfig(queueId).serviceLevel.abandonPolicy,
        });
      }
    }
    for (const scope of this.channelWindows.values()) scope.advance(this.window);
    this.centre.advance(this.window);
    this.contacts.tick(this.clock);
    this.tickets.tick(this.clock);
    this.countTicketFacts();
    this.agents.prune(this.horizon());
  }

  /** Events older than this fit no window the engine keeps: the one bound on arrival order not mattering. */
  horizon(): number {
    return Math.min(this.daySpan.start, this.window.todayStart, this.clock - MAX_ROLLING_MS);
  }

  /**
   * The clock a queue's windows follow: the centre's, or for a queue with its own `dayResetTime` one whose today
   * starts then, in its calendar's time zone (a 24/7 queue working shifts from 06:00, say).
   */
  clockOf(queueId: string): WindowClock {
    const reset = this.queueConfig(queueId).dayResetTime;
    if (reset === undefined) return this.window;
    let clock = this.queueClocks.get(queueId);
    if (!clock) {
      clock = { nowMs: 0, todayStart: 0, todayEnd: 0, graceMs: 0 };
      this.queueClocks.set(queueId, clock);
    }
    clock.nowMs = this.window.nowMs;
    clock.graceMs = this.window.graceMs;
    if (clock.nowMs >= clock.todayEnd) {
      const { start, end } = dayBounds(clock.nowMs, this.calendarOf(queueId).timeZone, reset);
      clock.todayStart = start;
      clock.todayEnd = end;
    }
    this.daySpan.start = Math.min(this.daySpan.start, clock.todayStart);
    this.daySpan.end = Math.max(this.daySpan.end, clock.todayEnd);
    return clock;
  }

  /** The start of the queue's day that holds `atMs` (its own reset, or the centre's). */
  dayStartOf(queueId: string, atMs: number): number {
    const clock = this.clockOf(queueId);
    if (atMs >= clock.todayStart && atMs < clock.todayEnd) return clock.todayStart;
    const reset = this.queueConfig(queueId).dayResetTime;
    return reset === undefined
      ? dayBounds(atMs, this.settings.timeZone, this.settings.dayResetTime).start
      : dayBounds(atMs, this.calendarOf(queueId).timeZone, reset).start;
  }

  /**
   * The earliest offer a repeat can still look back to: the start of today less the longest configured window
   * (a queue without one looks back to its own day's start only).
   */
  repeatsFrom(dayStartOf: (queue: QueueConfig) => number = (q) => this.queueDayStart(q.queueId), centreStart = this.window.todayStart): number {
    let from = centreStart;
    for (const q of this.config.queues) from = Math.min(from, dayStartOf(q) - (q.repeatWindowMinutes ?? 0) * 60_000);
    return from;
  }

  /** When today began for a queue: its own reset, or the centre's. */
  queueDayStart(queueId: string): number {
    return this.clockOf(queueId).todayStart;
  }

  forgetAt = (atMs: number): number => {
    // Any today still open may take the event: the latest end of the centre's and every queue's.
    const { start, end } = this.daySpan;
    return Math.max(atMs + MAX_ROLLING_MS, atMs >= start && atMs < end ? end : 0);
  };

  apply(e: TimedEvent): void {
    if (e.timeMs < this.horizon()) this.anomaly('lateEvents');
    const seq = ++this.arrivals;
    switch (e.type) {
      case 'agent.state': return this.rederive(this.agents.applyState(e, seq));
      case 'survey.completed': return this.countSurvey(surveyFact(e, (contactId) => this.contacts.queueOf(contactId)));
      case 'ticket.created': case 'ticket.replied': case 'ticket.solved': case 'ticket.reopened':
        this.tickets.apply(e);
        this.anomalies.orphanEvents += this.tickets.drainOrphans();
        return this.countTicketFacts();
      case 'contact.queued':
        if (e.data.caller !== undefined) this.repeats.add(e.data.queueId, e.data.caller, e.data.contactId, e.timeMs);
        return this.contacts.add(e, seq);
      default: return this.contacts.add(e, seq);
    }
  }

  private countSurvey(s: SurveyFact): void {
    const fact = this.fact;
    const channel = s.queueId ? this.queueConfig(s.queueId).channel : undefined;
    fact.kind = K.survey;
    fact.at = s.atMs;
    fact.survey = s;
    fact.queue = s.queueId ? this.queueNumber(s.queueId) : -1;
    fact.channel = channel ? this.channelNumber(channel) : -1;
    fact.centre = true;
    this.count(fact, 1);
  }

  private countOffer(queueId: string, atMs: number, repeat: boolean, sign: number): void {
    const fact = this.fact;
    const channel = this.queueConfig(queueId).channel;
    fact.kind = K.identified;
    fact.at = atMs;
    fact.inTarget = repeat ? 1 : 0;
    fact.queue = this.queueNumber(queueId);
    fact.channel = channel ? this.channelNumber(channel) : -1;
    fact.centre = true;
    this.count(fact, sign);
  }

  private countTicketFacts(): void {
    const fact = this.fact;
    for (const t of this.tickets.drainFacts()) {
      fact.kind = t.kind === 'created' ? K.ticketCreated : t.kind === 'firstResponse' ? K.firstResponse : K.solved;
      fact.at = t.atMs;
      fact.inTarget = t.inTarget ? 1 : 0;
      fact.queue = this.queueNumber(t.queueId);
      fact.channel = this.channelNumber(t.channel);
      fact.centre = true;
      this.count(fact, t.sign ?? 1);
    }
  }

  // ContactHost and AgentHost: where derived facts and marks go.
  agentChangeAfter = (agentId: string, atMs: number, contactId: string) => this.agents.changeAfter(agentId, atMs, contactId);
  channelOf = (queueId: string) => this.queueConfig(queueId).channel ?? null;
  contactSettled = (contactId: string) => !this.contacts.isAwake(contactId);
  todayStart(): number { return this.window.todayStart; }

  /** Counts a fact (sign 1) or takes it back (sign −1) in the windows it names: its queue's, its channel's, the centre's. */
  count(fact: Fact, sign: number): void {
    const slot = waitSlotOf(fact);
    if (fact.queue >= 0) this.queueNumbers.scopes[fact.queue]!.apply(fact, slot, sign);
    if (fact.channel >= 0) this.channelNumbers.scopes[fact.channel]!.apply(fact, slot, sign);
    if (fact.centre) this.centre.apply(fact, slot, sign);
  }

  applyMark(m: AgentMark, sign: number): readonly string[] {
    return this.agents.addMark(m, sign);
  }

  sharedMark(m: AgentMark): AgentMark {
    return this.agents.entryEqualTo(m);
  }

  watchAgent(agentId: string, contactId: string, on: boolean): void {
    const watchers = this.agents.agent(agentId).watchers;
    if (on) watchers.add(contactId);
    else watchers.delete(contactId);
  }

  waitingChanged(queueId: string): void {
    this.queueScope(queueId);
    this.versions.bump('queue', queueId);
  }

  anomaly(kind: AnomalyName, by = 1): void {
    this.anomalies[kind] += by;
    this.versions.bumpGlobal('anomalies');
  }

  conflict(by: number): void {
    this.anomaly('conflicts', by);
  }

  countsChanged(agent: Agent, _before: unknown, beforeQueues: readonly string[], beforeTeam: string | null): void {
    // Memberships move only when the agent's queues (a new array) or team changed; its counts by state always may.
    if (beforeQueues !== agent.queueIds) for (const q of beforeQueues) { this.queueAgents.get(q)?.delete(agent); this.versions.bump('queue', q); }
    if (beforeTeam && beforeTeam !== agent.teamId) { this.teamAgents.get(beforeTeam)?.delete(agent); this.versions.bump('team', beforeTeam); }
    for (const q of agent.queueIds) { member(this.queueAgents, q).add(agent); this.versions.bump('queue', q); }
    if (agent.teamId) { member(this.teamAgents, agent.teamId).add(agent); this.versions.bump('team', agent.teamId); }
    this.versions.bump('agent', agent.agentId);
  }

  private rederive(contactIds: readonly string[]): void {
    this.contacts.rederive(contactIds);
  }
}

function member<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  return set;
}
