import { EventEmitter } from 'node:events';
import type { AlertEvent, Delta, QueueConfig, Snapshot, TimedEvent, View } from '@plancia/contracts';
import type { ClosedInterval, EngineConfig, PlanciaEngine } from '@plancia/engine';

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
 *   live.snapshot(view?) → Snapshot    full state for a new or reconnected client
 *   live.onDelta((delta) => …) → off   changes (whole changed entries) right after an ingest turn and at each tick
 *   live.onAlert((event) => …) → off   alert lifecycle transitions (raised, acknowledged, resolved), in order, and
 *                                      `updated`: an open alert's shown value moved (at most once a tick per alert)
 *   live.acknowledgeAlert(id, by, note) → AlertEvent | null   records the transition and tells the listeners
 *   live.rebuild(config, events), live.rebuildWithQueue(queue, events) → replayed, live.replayFrom()   run-time configuration
 *
 * Listeners run synchronously on the ticker: they should encode and send, not compute.
 */
export class LiveState {
  private readonly emitter = new EventEmitter();
  private timer: NodeJS.Timeout | undefined;
  private inflight: Promise<void> | undefined;
  private changesDue: NodeJS.Immediate | undefined;
  private recording: Promise<void> = Promise.resolve();

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
    this.scheduleChanges();
  }

  snapshot(view?: View): Snapshot {
    return this.engine.snapshot(this.now(), view);
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

  onDelta(listener: (delta: Delta) => void): () => void {
    this.emitter.on('delta', listener);
    return () => this.emitter.off('delta', listener);
  }

  onAlert(listener: (event: AlertEvent) => void): () => void {
    this.emitter.on('alert', listener);
    return () => this.emitter.off('alert', listener);
  }

  async acknowledgeAlert(alertId: string, by: string, note: string | null): Promise<AlertEvent | null> {
    const event = this.engine.acknowledgeAlert(alertId, by, note, this.now());
    // The engine's queue holds, in order, what happened since the last tick (a raise from ingest the board already
    // shows) and then this acknowledgement: published together, the raise is recorded (and notified) first.
    if (event) await this.publishAlerts(this.engine.drainAlertEvents());
    return event;
  }

  /**
   * Changes from ingest leave as soon as the current I/O turn is over, not on the next tick: waiting for the ticker
   * would add up to a whole tick to every event's way to the screen. The push layer still paces what it sends.
   */
  private scheduleChanges(): void {
    if (this.changesDue) return;
    this.changesDue = setImmediate(() => {
      this.changesDue = undefined;
      this.emitChanges(this.now());
    });
  }

  private emitChanges(now: number): void {
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
    const intervals = this.engine.drainClosedIntervals();
    if (intervals.length > 0) await this.sinks.saveIntervals(intervals).catch((e: unknown) => this.sinks.onError(e, 'saving closed intervals'));
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
    clearImmediate(this.changesDue);
    await this.inflight;
    await this.tick().catch((error: unknown) => this.sinks.onError(error, 'the final tick'));
    this.emitter.removeAllListeners();
  }

  /**
   * An open alert's value keeps moving (a wait grows every second): boards left open hear it as a board loading now
   * would see it. Not a transition of its lifecycle, so nothing is recorded.
   */
  private publishUpdates(): void {
    for (const alert of this.engine.drainAlertUpdates()) this.emitter.emit('alert', { kind: 'updated', alert } satisfies AlertEvent);
  }

  /**
   * Transitions are recorded one after another in the order they happened: the ticker's "raised" and a board's
   * "acknowledged" of the same alert otherwise race on two pool connections, and the store keeps the latest by
   * insertion order, so a restart would bring back an acknowledged alert as raised.
   */
  private publishAlerts(events: AlertEvent[]): Promise<void> {
    for (const event of events) {
      this.emitter.emit('alert', event);
      this.recording = this.recording.then(() => this.sinks.recordAlert(event).catch((e: unknown) => this.sinks.onError(e, 'recording an alert')));
    }
    return this.recording;
  }
}
