import { EventEmitter } from 'node:events';
import type { Alert, AlertEvent, BoardPlacements, Delta, QueueConfig, Snapshot, TimedEvent, View } from '@plancia/contracts';
import type { AlertAction, ClosedInterval, EngineConfig, EngineState, PlanciaEngine } from '@plancia/engine';
import { AgentSources } from './agent-sources.js';

/**
 * Changes from ingest are drained from the engine at most this often: each drain builds every changed entry and
 * evaluates the alert rules, so under a stream of small commits (a webhook per event) draining after each one built
 * the same busy agents and queues again and again. A room about to send drains first (`settle`), so pacing never
 * makes a change miss the message it would have been in. While no listener would use a change at once (every room is
 * within its interval, or there is none), ingest drains nothing: the rooms' `settle` and the tick take it along.
 */
export const DRAIN_GAP_MS = 20;

/** What the server adds to an alert it shows (the silence matching it now); never stored by the engine. */
export type AlertMarker = (alert: Alert, atMs: number) => Alert;

/** Where the engine's outputs go to last: alert history and interval reports in the store. */
export interface LiveSinks {
  recordAlert(event: AlertEvent): Promise<void>;
  saveIntervals(intervals: ClosedInterval[]): Promise<void>;
  onError(error: unknown, what: string): void;
}

/**
 * The engine behind one door. Ingest applies journaled events; a ticker passes time; listeners (the push layer)
 * hear each change set and each alert transition as they happen.
 *
 *   live.apply(events)                 events already committed to the journal
 *   live.agentSources.of(agentId)      the ACD that last reported the agent, among the events applied here
 *   live.snapshot(view?) → Snapshot    full state for a new or reconnected client
 *   live.onDelta((delta) => …, eager?) → off   changes (whole changed entries) after an ingest turn (at most every
 *                                      DRAIN_GAP_MS) while a listener's `eager()` says it would use them at once (a listener
 *                                      without one always would), else at its `settle` or the tick
 *   live.settle()                      drains now what ingest applied: a room about to send takes it along
 *   live.onAlert((event) => …) → off   alert lifecycle transitions (raised, acknowledged, resolved), in order, and
 *                                      `updated`: an open alert's shown value moved (at most once a tick per alert)
 *   live.acknowledgeAlert(id, by, note) → AlertEvent | null   records the transition and tells the listeners
 *   live.assignAlert / resolveAlert / commentAlert / snoozeAlert   the same for the rest of the lifecycle
 *   live.useMarker(marker), live.refreshMarks()   alerts leave marked (silencedBy); a change of mark is pushed as `updated`
 *   live.rebuild(config, events), live.rebuildWithQueue(queue, events) → replayed, live.replayFrom()   run-time configuration
 *   live.checkpoint() → { state, config, settled }   the engine's state, once what it held undrained is published
 *
 * Listeners run synchronously on the ticker: they should encode and send, not compute.
 */
export class LiveState {
  readonly agentSources = new AgentSources();
  private readonly emitter = new EventEmitter();
  private timer: NodeJS.Timeout | undefined;
  private inflight: Promise<void> | undefined;
  /** The drain ingest asked for, not yet done: at the end of this I/O turn, or when the gap since the last is over. */
  private changesDue: { cancel(): void } | undefined;
  /** Ingest applied events whose changes no drain has handed over yet. */
  private changesOwed = false;
  /** Per listener, whether it would use a change at once (see onDelta). */
  private readonly eagerness = new Map<(delta: Delta) => void, () => boolean>();
  private lastDrainAt = Number.NEGATIVE_INFINITY;
  private recording: Promise<void> = Promise.resolve();
  private marker: AlertMarker = (alert) => alert;
  private markerActive: () => boolean = () => false;
  /** The silence each open alert was last shown with: a change (a silence made, removed or ended) is pushed. */
  private marks = new Map<string, string>();

  constructor(
    private readonly engine: PlanciaEngine,
    private readonly sinks: LiveSinks,
    private readonly now: () => number = Date.now,
  ) {
    // One listener per connected socket is normal; the default cap of 10 would only print warnings.
    this.emitter.setMaxListeners(0);
  }

  apply(events: readonly TimedEvent[]): void {
    if (events.length === 0) return;
    this.engine.apply(events, this.now());
    this.agentSources.note(events);
    this.scheduleChanges();
  }

  /** Where each queue and agent sits, as a snapshot would say, without a snapshot's figures (see BoardPlacements). */
  placements(): BoardPlacements {
    return this.engine.placements();
  }

  snapshot(view?: View): Snapshot {
    const now = this.now();
    const snapshot = this.engine.snapshot(now, view);
    return { ...snapshot, alerts: snapshot.alerts.map((alert) => this.marker(alert, now)) };
  }

  /** `active`: whether any mark may be given now; while none may and none is shown, refreshing costs nothing. */
  useMarker(marker: AlertMarker, active: () => boolean): void {
    this.marker = marker;
    this.markerActive = active;
  }

  /** Pushes `updated` for each open alert whose mark changed since it was last shown. */
  refreshMarks(): void {
    if (this.marks.size === 0 && !this.markerActive()) return;
    const now = this.now();
    const shown = new Map<string, string>();
    for (const alert of this.engine.snapshot(now).alerts) {
      const marked = this.marker(alert, now);
      const mark = marked.silencedBy ?? null;
      if (mark !== null) shown.set(alert.id, mark);
      if ((this.marks.get(alert.id) ?? null) !== mark) this.emitter.emit('alert', { kind: 'updated', alert: marked } satisfies AlertEvent);
    }
    this.marks = shown;
  }

  /** A new configuration, every figure rebuilt from the journaled `events`. */
  rebuild(config: EngineConfig, events: readonly TimedEvent[]): void {
    this.engine.rebuild(config, events, this.now());
  }

  /** `rebuild` with one queue's settings replaced: the next delta carries the rebuilt figures to the boards. */
  rebuildWithQueue(queue: QueueConfig, events: readonly TimedEvent[]): number {
    return this.engine.rebuildWithQueue(queue, events, this.now());
  }

  replayFrom(): number {
    return this.engine.replayFrom(this.now());
  }

  /**
   * `eager`: whether the listener would use a change now; while no listener would, ingest's changes wait in the engine
   * (merged there, so drained once) for a `settle` or the tick. A listener without it is always eager.
   */
  onDelta(listener: (delta: Delta) => void, eager: () => boolean = () => true): () => void {
    this.emitter.on('delta', listener);
    this.eagerness.set(listener, eager);
    return () => {
      this.emitter.off('delta', listener);
      this.eagerness.delete(listener);
    };
  }

  onAlert(listener: (event: AlertEvent) => void): () => void {
    this.emitter.on('alert', listener);
    return () => this.emitter.off('alert', listener);
  }

  acknowledgeAlert(alertId: string, by: string, note: string | null): Promise<AlertEvent | null> {
    return this.act(({ nowMs }) => this.engine.acknowledgeAlert(alertId, by, note, nowMs), by);
  }

  assignAlert(alertId: string, to: string, note: string | null, by: string): Promise<AlertEvent | null> {
    return this.act((action) => this.engine.assignAlert(alertId, to, note, action), by);
  }

  resolveAlert(alertId: string, note: string | null, by: string): Promise<AlertEvent | null> {
    return this.act((action) => this.engine.resolveAlert(alertId, note, action), by);
  }

  commentAlert(alertId: string, text: string, by: string): Promise<AlertEvent | null> {
    return this.act((action) => this.engine.commentAlert(alertId, text, action), by);
  }

  snoozeAlert(alertId: string, untilMs: number, by: string): Promise<AlertEvent | null> {
    return this.act((action) => this.engine.snoozeAlert(alertId, untilMs, action), by);
  }

  /**
   * A person's action on an alert. The engine's queue may still hold what happened since the last tick (a raise from
   * ingest the board already shows): that is published first, so the raise is recorded (and notified) before the
   * action on it, and a restart never finds an acknowledgement older than its raise.
   */
  private async act(change: (action: AlertAction) => AlertEvent | null, by: string): Promise<AlertEvent | null> {
    const event = change({ by, nowMs: this.now() });
    if (event) await this.publishAlerts([...this.engine.drainAlertEvents(), event]);
    return event;
  }

  /**
   * Changes from ingest leave as soon as the current I/O turn is over, not on the next tick: waiting for the ticker
   * would add up to a whole tick to every event's way to the screen. The push layer still paces what it sends.
   */
  private scheduleChanges(): void {
    this.changesOwed = true;
    if (this.changesDue || !this.anyEager()) return;
    const wait = this.lastDrainAt + DRAIN_GAP_MS - performance.now();
    if (wait <= 0) {
      const due = setImmediate(this.drainDue);
      this.changesDue = { cancel: () => clearImmediate(due) };
    } else {
      const due = setTimeout(this.drainDue, wait);
      this.changesDue = { cancel: () => clearTimeout(due) };
    }
  }

  private readonly drainDue = (): void => {
    this.changesDue = undefined;
    this.emitChanges(this.now());
  };

  private anyEager(): boolean {
    for (const eager of this.eagerness.values()) if (eager()) return true;
    return false;
  }

  /** Publishes now the changes ingest applied and that wait for their drain; nothing when none wait. */
  settle(): void {
    if (!this.changesOwed) return;
    this.changesDue?.cancel();
    this.drainDue();
  }

  private emitChanges(now: number): void {
    this.changesOwed = false;
    this.lastDrainAt = performance.now();
    const delta = this.engine.drainDelta(now);
    if (delta) this.emitter.emit('delta', delta);
  }

  /** Passes time to the engine, then hands what it produced to the listeners and the store. */
  async tick(): Promise<void> {
    const now = this.now();
    this.engine.tick(now);
    this.emitChanges(now);
    await this.publishAlerts(this.engine.drainAlertEvents());
    this.publishUpdates();
    this.refreshMarks();
    const intervals = this.engine.drainClosedIntervals();
    if (intervals.length > 0) await this.sinks.saveIntervals(intervals).catch((e: unknown) => this.sinks.onError(e, 'saving closed intervals'));
  }

  /**
   * Publishes what the engine holds undrained (changes, alert transitions, closed intervals), then takes its state, in
   * one synchronous turn: an engine restored from it owes nothing that was already said. `settled`: the transitions
   * and intervals published here are stored (a checkpoint is written only after them).
   */
  checkpoint(): { state: EngineState; config: EngineConfig; settled: Promise<void> } {
    const now = this.now();
    this.emitChanges(now);
    const recorded = this.publishAlerts(this.engine.drainAlertEvents());
    this.publishUpdates();
    const intervals = this.engine.drainClosedIntervals();
    const saved = intervals.length > 0 ? this.sinks.saveIntervals(intervals) : Promise.resolve();
    return { state: this.engine.exportState(), config: this.engine.configuration(), settled: Promise.all([recorded, saved]).then(() => undefined) };
  }

  start(tickMs: number): void {
    this.timer = setInterval(() => {
      // A slow store write must not stack ticks on top of each other.
      if (this.inflight) return;
      this.inflight = this.tick()
        .catch((error: unknown) => this.sinks.onError(error, 'ticking the engine'))
        .finally(() => (this.inflight = undefined));
    }, tickMs);
  }

  /** Stops the ticker and flushes the last alerts and intervals to the store. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.changesDue?.cancel();
    await this.inflight;
    await this.tick().catch((error: unknown) => this.sinks.onError(error, 'the final tick'));
    this.emitter.removeAllListeners();
  }

  /**
   * An open alert's value keeps moving (a wait grows every second): boards left open hear it as a board loading now
   * would see it. Not a transition of its lifecycle, so nothing is recorded.
   */
  private publishUpdates(): void {
    const now = this.now();
    for (const alert of this.engine.drainAlertUpdates()) this.emitter.emit('alert', { kind: 'updated', alert: this.marker(alert, now) } satisfies AlertEvent);
  }

  /**
   * Transitions are recorded one after another in the order they happened: the ticker's "raised" and a board's
   * "acknowledged" of the same alert otherwise race on two pool connections, and the store keeps the latest by
   * insertion order, so a restart would bring back an acknowledged alert as raised.
   */
  private publishAlerts(events: AlertEvent[]): Promise<void> {
    const now = this.now();
    for (const event of events) {
      this.emitter.emit('alert', { ...event, alert: this.marker(event.alert, now) });
      this.recording = this.recording.then(() => this.sinks.recordAlert(event).catch((e: unknown) => this.sinks.onError(e, 'recording an alert')));
    }
    return this.recording;
  }
}
