import type { Alert, AlertEvent, AlertRule, BoardPlacements, Delta, InstallationSnapshot, QueueConfig, TimedEvent, View } from '@plancia/contracts';
import { AlertEngine, type AlertAction } from './alerts/alert-engine.js';
import { alertTargets, effectiveRules } from './alerts/alert-targets.js';
import { EngineCore, MAX_ROLLING_MS } from './engine-core.js';
import type { ClosedInterval, EngineConfig, PlanciaEngine } from './engine-api.js';
import { DeltaTracker } from './output/delta.js';
import { EntryBuilder } from './output/entries.js';
import { buildSnapshot } from './output/snapshot.js';
import { dayBounds } from './windows/day-clock.js';
import { decodeGraph } from './state/state-decode.js';
import { encodeGraph } from './state/state-encode.js';
import { StateMismatchError } from './state/state-graph.js';
import { ENGINE_STATE_VERSION, engineClasses, type EngineState } from './state/engine-state.js';

/** How finely a replay after a restart tells when a restored alert's condition cleared. */
export const RESTORED_ALERT_STEP_MS = 1000;

/** The pure core behind the wallboard: events and clock ticks in, snapshots, deltas and alert transitions out. */
export class Engine implements PlanciaEngine {
  private core: EngineCore;
  private entries: EntryBuilder;
  private readonly alerts = new AlertEngine();
  private readonly deltas = new DeltaTracker();
  private rules: AlertRule[] | null = null;
  private rulesFor: readonly string[] | null = null;
  /** Events were applied since the last alert evaluation: evaluated once, before alert state is next read or time moves. */
  private alertsDue = false;
  /** Nothing applied, ticked or read yet: a restore may still move the clock back to replay in event time. */
  private untouched = true;
  /** The replay after restored alerts: the clock follows event time; when the restored alerts were last observed. */
  private replay: { observedAt: number } | null = null;

  constructor(config: EngineConfig, nowMs: number) {
    this.core = new EngineCore(config, nowMs);
    this.entries = new EntryBuilder(this.core);
  }

  apply(events: readonly TimedEvent[], nowMs: number): void {
    this.untouched = false;
    this.alertsDue = true;
    if (this.replay) return this.applyInEventTime(events);
    let latest = nowMs;
    for (const e of events) if (e.timeMs > latest) latest = e.timeMs;
    this.core.advance(latest);
    for (const e of events) this.core.apply(e);
  }

  /**
   * The replay after a restart with open alerts: the clock follows event time, moved once for each run of events
   * within a step of the run's first (each move rotates windows and fires deadlines, too costly per event), and the
   * restored alerts are looked at before each move, so one whose condition cleared while the server was down is
   * resolved at the instant it cleared (within a step), not at the restart.
   */
  private applyInEventTime(events: readonly TimedEvent[]): void {
    let i = 0;
    while (i < events.length) {
      const until = events[i]!.timeMs + RESTORED_ALERT_STEP_MS;
      let end = i;
      let latest = -Infinity;
      for (; end < events.length && events[end]!.timeMs < until; end++) latest = Math.max(latest, events[end]!.timeMs);
      if (latest > this.core.clock) {
        if (this.core.clock > this.replay!.observedAt) this.observeRestored();
        this.core.advance(latest);
      }
      for (; i < end; i++) this.core.apply(events[i]!);
    }
  }

  private observeRestored(): void {
    this.replay!.observedAt = this.core.clock;
    this.alerts.observeRestored(this.effectiveRules(), (rule, only) => alertTargets(rule, this.core, this.entries, only), this.core.clock);
  }

  tick(nowMs: number): void {
    this.settleAlerts();
    this.core.advance(nowMs);
    this.evaluateAlerts();
  }

  snapshot(nowMs: number, view?: View): InstallationSnapshot {
    this.settleAlerts();
    this.core.advance(nowMs);
    const open = this.alerts.active();
    this.entries.useOpenAlerts(open);
    return buildSnapshot(this.core, this.entries, this.deltas.seq, open, view);
  }

  /** Queue entries carry a status from open alerts, so alerts are settled first, as for a snapshot. */
  drainDelta(nowMs: number): Delta | null {
    return this.drain(nowMs, false);
  }

  discardDelta(nowMs: number): void {
    this.drain(nowMs, true);
  }

  private drain(nowMs: number, discarding: boolean): Delta | null {
    this.settleAlerts();
    this.core.advance(nowMs);
    this.entries.useOpenAlerts(this.alerts.active());
    return this.deltas.drain(this.core, this.entries, discarding);
  }

  drainAlertEvents(): AlertEvent[] {
    this.settleAlerts();
    return this.alerts.drain();
  }

  drainAlertUpdates(): Alert[] {
    this.settleAlerts();
    return this.alerts.drainUpdates();
  }

  drainClosedIntervals(): ClosedInterval[] {
    const closed = this.core.closed;
    this.core.closed = [];
    return closed;
  }

  acknowledgeAlert(alertId: string, by: string, note: string | null, nowMs: number): AlertEvent | null {
    this.settleAlerts();
    return this.alerts.acknowledge(alertId, by, note, nowMs);
  }

  assignAlert(alertId: string, to: string, note: string | null, action: AlertAction): AlertEvent | null {
    this.settleAlerts();
    return this.alerts.assign(alertId, to, note, action);
  }

  resolveAlert(alertId: string, note: string | null, action: AlertAction): AlertEvent | null {
    this.settleAlerts();
    return this.alerts.resolveByHand(alertId, note, action);
  }

  commentAlert(alertId: string, text: string, action: AlertAction): AlertEvent | null {
    this.settleAlerts();
    return this.alerts.comment(alertId, text, action);
  }

  snoozeAlert(alertId: string, untilMs: number, action: AlertAction): AlertEvent | null {
    this.settleAlerts();
    return this.alerts.snooze(alertId, untilMs, action);
  }

  restoreAlerts(open: readonly Alert[], handResolved: readonly Alert[] = []): void {
    this.alerts.restore(open, handResolved);
    this.alertsDue = true;
    const since = this.alerts.restoredSince();
    if (!this.untouched || since === null) return;
    // Before any event: the journal's replay will run in event time from the earliest raise (within the replay).
    const startMs = Math.max(since, this.replayFrom(this.core.clock));
    if (startMs >= this.core.clock) return;
    this.core = this.freshCore(this.core.config, startMs, startMs);
    this.entries = new EntryBuilder(this.core);
    this.rules = null;
    this.replay = { observedAt: startMs };
  }

  configure(config: EngineConfig, nowMs: number): void {
    this.core.configure(config);
    this.rules = null;
    this.tick(nowMs);
  }

  /** `rebuild` with one queue's settings replaced; returns how many of the events concern that queue. */
  rebuildWithQueue(queue: QueueConfig, events: readonly TimedEvent[], nowMs: number): number {
    const config = this.core.config;
    this.rebuild({ ...config, queues: [...config.queues.filter((q) => q.queueId !== queue.queueId), queue] }, events, nowMs);
    return countConcerning(queue.queueId, events);
  }

  /** A new configuration with every derived number rebuilt from the journal: equal to a fresh engine fed the same events. */
  rebuild(config: EngineConfig, events: readonly TimedEvent[], nowMs: number): void {
    this.settleAlerts();
    this.core = this.freshCore(config, nowMs, this.replayFrom(nowMs));
    this.entries = new EntryBuilder(this.core);
    this.rules = null;
    this.apply(events, nowMs);
  }

  configuration(): EngineConfig {
    return this.core.config;
  }

  /**
   * Everything the engine holds, as plain data (structured-clone safe) with ENGINE_STATE_VERSION. Outputs not yet drained are in
   * it too: the caller drains them first when it publishes them itself.
   */
  exportState(): EngineState {
    // Deadlines contacts moved past are dropped when due anyway; a busy day held two of them per contact (a restore's
    // largest arrays), so the state carries only the live ones.
    this.core.contacts.forgetStaleDeadlines();
    return { version: ENGINE_STATE_VERSION, graph: this.entries.withoutAgentMemos(() => encodeGraph(this)) };
  }

  /**
   * Takes over an exported state. Only on an engine just built with the same configuration (its closures are kept);
   * throws StateMismatchError, leaving the engine unusable, when the state is of another version or shape.
   */
  restore(state: EngineState): void {
    if (state.version !== ENGINE_STATE_VERSION) throw new StateMismatchError(`state version ${state.version}, this engine reads ${ENGINE_STATE_VERSION}`);
    decodeGraph(state.graph, this, engineClasses(this));
  }

  recallFrom(nowMs: number): number {
    const { timeZone, dayResetTime } = this.core.settings;
    const centre = dayBounds(nowMs, timeZone, dayResetTime).start;
    const dayStartOf = (q: QueueConfig) => (q.dayResetTime === undefined ? centre : dayBounds(nowMs, this.core.calendarOf(q.queueId).timeZone, q.dayResetTime).start);
    return Math.min(this.core.repeatsFrom(dayStartOf, centre), this.replayFrom(nowMs));
  }

  recall(events: readonly TimedEvent[]): void {
    for (const e of events) {
      if (e.type === 'contact.queued' && e.data.caller !== undefined) this.core.repeats.recall(e.data.queueId, e.data.caller, e.data.contactId, e.timeMs);
    }
  }

  /**
   * A new core for a rebuild or an event-time replay, knowing the callers' offers of the old one from before `fromMs`
   * (the events given next start there): a repeat window reaching back across the day boundary still finds them.
   */
  private freshCore(config: EngineConfig, nowMs: number, fromMs: number): EngineCore {
    const core = new EngineCore(config, nowMs);
    for (const o of this.core.repeats.offersBefore(fromMs)) core.repeats.recall(o.queueId, o.caller, o.contactId, o.at);
    return core;
  }

  replayFrom(nowMs: number): number {
    // Today as of nowMs, not of the clock: a replay in event time starts the clock earlier.
    const { timeZone, dayResetTime } = this.core.settings;
    let todayStart = dayBounds(nowMs, timeZone, dayResetTime).start;
    // A queue whose day resets at its own time may have begun its today earlier than the centre.
    for (const q of this.core.config.queues) {
      if (q.dayResetTime !== undefined) todayStart = Math.min(todayStart, dayBounds(nowMs, this.core.calendarOf(q.queueId).timeZone, q.dayResetTime).start);
    }
    const { graceMs } = this.core.window;
    const intervalStart = Math.floor(nowMs / 1_800_000) * 1_800_000;
    return Math.min(todayStart, nowMs - MAX_ROLLING_MS - graceMs, intervalStart - graceMs);
  }

  /**
   * Alert rules look at whole entries, far too costly per event. What applied events changed is judged once, at the
   * clock of the last apply, before anything reads alerts or moves time on: the same transitions, timestamps and
   * `forSeconds` starts as an evaluation after every batch, whenever alerts are read between batches.
   */
  private settleAlerts(): void {
    this.untouched = false;
    if (this.replay) {
      // The replay is over: a last look at the restored alerts, then they are judged with everything else.
      this.observeRestored();
      this.replay = null;
    }
    if (this.alertsDue) this.evaluateAlerts();
  }

  entityIds(): { queueIds: readonly string[]; agentIds: string[] } {
    return { queueIds: this.core.knownQueueIds(), agentIds: [...this.core.agents.agents.keys()] };
  }

  placements(): BoardPlacements {
    return {
      queues: this.core.knownQueueIds().map((queueId) => ({ queueId, teamId: this.core.queueConfig(queueId).teamId ?? null })),
      agents: [...this.core.agents.agents.values()].map(({ agentId, teamId, queueIds }) => ({ agentId, teamId, queueIds })),
    };
  }

  private effectiveRules(): AlertRule[] {
    const queueIds = this.core.knownQueueIds();
    if (!this.rules || queueIds !== this.rulesFor) {
      this.rules = effectiveRules(this.core);
      this.rulesFor = queueIds;
    }
    return this.rules;
  }

  private evaluateAlerts(): void {
    this.alertsDue = false;
    this.alerts.evaluate(this.effectiveRules(), (rule) => alertTargets(rule, this.core, this.entries), this.core.clock);
  }
}

/** Events of contacts that were ever in the queue, and tickets and surveys of the queue. */
export function countConcerning(queueId: string, events: readonly TimedEvent[]): number {
  const contacts = new Set<string>();
  for (const e of events) {
    if ((e.type === 'contact.queued' && e.data.queueId === queueId) || (e.type === 'contact.transferred' && e.data.toQueueId === queueId)) contacts.add(e.data.contactId);
  }
  const tickets = new Set<string>();
  for (const e of events) if (e.type === 'ticket.created' && e.data.queueId === queueId) tickets.add(e.data.ticketId);
  return events.filter((e) => {
    if (e.type.startsWith('contact.')) return contacts.has((e.data as { contactId: string }).contactId);
    if (e.type.startsWith('ticket.')) return tickets.has((e.data as { ticketId: string }).ticketId);
    return e.type === 'survey.completed' && e.data.queueId === queueId;
  }).length;
}

export function createEngine(config: EngineConfig, nowMs: number): Engine {
  return new Engine(config, nowMs);
}
