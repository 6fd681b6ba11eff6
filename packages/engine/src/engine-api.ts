import type {
  AgentProfile, AlertEvent, AlertRule, BusinessCalendar, Delta, EngineSettings, QueueConfig, Snapshot,
  TimedEvent, View, WindowMetrics,
} from '@plancia/contracts';

/** Everything the engine is configured with; the server loads it from the store. */
export interface EngineConfig {
  settings: EngineSettings;
  queues: QueueConfig[];
  calendars: BusinessCalendar[];
  alertRules: AlertRule[];
  agents: AgentProfile[];
}

/** A closed aligned interval of one queue, handed out for persistence (history, reports). */
export interface ClosedInterval {
  queueId: string;
  intervalStart: string;
  intervalMinutes: number;
  metrics: WindowMetrics;
}

/**
 * The pure core. It never reads a clock: every call that depends on time takes `nowMs`.
 * Feeding the same journaled events and ticks gives the same state, whatever the arrival order within grace.
 */
export interface PlanciaEngine {
  /** Applies validated events (any order, any batch size). */
  apply(events: readonly TimedEvent[], nowMs: number): void;
  /** Advances time: service-level deadlines, ticket SLAs, alert timers, window rotation, stale contacts. */
  tick(nowMs: number): void;
  /** The full state for a new client, filtered to a view. */
  snapshot(nowMs: number, view?: View): Snapshot;
  /** What moved since the previous call (whole changed entries); null when nothing moved. */
  drainDelta(nowMs: number): Delta | null;
  /** Alert lifecycle transitions since the previous call, in order. */
  drainAlertEvents(): AlertEvent[];
  /** Intervals that closed since the previous call. */
  drainClosedIntervals(): ClosedInterval[];
  /** Marks an active alert acknowledged; null when no active alert has that id. */
  acknowledgeAlert(alertId: string, by: string, note: string | null, nowMs: number): AlertEvent | null;
  /** Replaces rules, calendars, agent profiles and settings that need no recomputation. */
  configure(config: EngineConfig, nowMs: number): void;
  /**
   * Replaces one queue's settings and recomputes its windows from the journal.
   * `events` are the journaled events since the start of the longest window (the server reads them);
   * returns how many were replayed for that queue.
   */
  recomputeQueue(queue: QueueConfig, events: readonly TimedEvent[], nowMs: number): number;
  /** The earliest instant any window still covers: the server replays the journal from here at start. */
  replayFrom(nowMs: number): number;
}
