import type { AlertEvent, AlertRule, Delta, QueueConfig, Snapshot, TimedEvent, View } from '@plancia/contracts';
import { AlertEngine } from './alerts/alert-engine.js';
import { alertTargets, effectiveRules } from './alerts/alert-targets.js';
import { EngineCore, MAX_ROLLING_MS } from './engine-core.js';
import type { ClosedInterval, EngineConfig, PlanciaEngine } from './engine-api.js';
import { DeltaTracker } from './output/delta.js';
import { EntryBuilder } from './output/entries.js';
import { buildSnapshot } from './output/snapshot.js';

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

  constructor(config: EngineConfig, nowMs: number) {
    this.core = new EngineCore(config, nowMs);
    this.entries = new EntryBuilder(this.core);
  }

  apply(events: readonly TimedEvent[], nowMs: number): void {
    let latest = nowMs;
    for (const e of events) if (e.timeMs > latest) latest = e.timeMs;
    this.core.advance(latest);
    for (const e of events) this.core.apply(e);
    this.alertsDue = true;
  }

  tick(nowMs: number): void {
    this.settleAlerts();
    this.core.advance(nowMs);
    this.evaluateAlerts();
  }

  snapshot(nowMs: number, view?: View): Snapshot {
    this.settleAlerts();
    this.core.advance(nowMs);
    return buildSnapshot(this.core, this.entries, this.deltas.seq, this.alerts.active(), view);
  }

  drainDelta(nowMs: number): Delta | null {
    this.core.advance(nowMs);
    return this.deltas.drain(this.core, this.entries);
  }

  drainAlertEvents(): AlertEvent[] {
    this.settleAlerts();
    return this.alerts.drain();
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

  configure(config: EngineConfig, nowMs: number): void {
    this.core.configure(config);
    this.rules = null;
    this.tick(nowMs);
  }

  /** Rebuilds every derived number from the journal with the new queue settings: equal to a fresh engine fed the same events. */
  recomputeQueue(queue: QueueConfig, events: readonly TimedEvent[], nowMs: number): number {
    const config = this.core.config;
    const queues = [...config.queues.filter((q) => q.queueId !== queue.queueId), queue];
    this.core = new EngineCore({ ...config, queues }, nowMs);
    this.entries = new EntryBuilder(this.core);
    this.rules = null;
    this.apply(events, nowMs);
    return countConcerning(queue.queueId, events);
  }

  replayFrom(nowMs: number): number {
    const { todayStart, graceMs } = this.core.window;
    const intervalStart = Math.floor(nowMs / 1_800_000) * 1_800_000;
    return Math.min(todayStart, nowMs - MAX_ROLLING_MS - graceMs, intervalStart - graceMs);
  }

  /**
   * Alert rules look at whole entries, far too costly per event. What applied events changed is judged once, at the
   * clock of the last apply, before anything reads alerts or moves time on: the same transitions, timestamps and
   * `forSeconds` starts as an evaluation after every batch, whenever alerts are read between batches.
   */
  private settleAlerts(): void {
    if (this.alertsDue) this.evaluateAlerts();
  }

  private evaluateAlerts(): void {
    this.alertsDue = false;
    const queueIds = this.core.knownQueueIds();
    if (!this.rules || queueIds !== this.rulesFor) {
      this.rules = effectiveRules(this.core);
      this.rulesFor = queueIds;
    }
    this.alerts.evaluate(this.rules, (rule) => alertTargets(rule, this.core, this.entries), this.core.clock);
  }
}

/** Events of contacts that were ever in the queue, and tickets and surveys of the queue. */
function countConcerning(queueId: string, events: readonly TimedEvent[]): number {
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
