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
 *   live.onAlert((event) => …) → off   alert lifecycle transitions (raised, acknowledged, resolved), in order
 *   live.acknowledgeAlert(id, by, note) → AlertEvent | null   records the transition and tells the listeners
 *   live.configure(config), live.recomputeQueue(queue, events) → replayed, live.replayFrom()   run-time configuration
 *
 * Listeners run synchronously on the ticker: they should encode and send, not compute.
 */
export class LiveState {
  private readonly emitter = new EventEmitter();
  private timer: NodeJS.Timeout | undefined;
  private inflight: Promise<void> | undefined;
  private changesDue: NodeJS.Immediate | undefined;

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

  configure(config: EngineConfig): void {
    this.engine.configure(config, this.now());
  }

  /** The queue is marked changed, so the next delta carries its recomputed figures to the boards. */
  recomputeQueue(queue: QueueConfig, events: readonly TimedEvent[]): number {
    return this.engine.recomputeQueue(queue, events, this.now());
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
    if (event) await this.publishAlerts([event]);
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

  private async publishAlerts(events: AlertEvent[]): Promise<void> {
    for (const event of events) {
      this.emitter.emit('alert', event);
      await this.sinks.recordAlert(event).catch((e: unknown) => this.sinks.onError(e, 'recording an alert'));
    }
  }
}
