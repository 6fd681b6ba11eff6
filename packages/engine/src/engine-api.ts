import type {
  AgentProfile, Alert, AlertEvent, AlertRule, BoardPlacements, BusinessCalendar, ClosedIntervalEntry, Delta, EngineSettings, InstallationSnapshot, QueueConfig,
  TimedEvent, View,
} from '@plancia/contracts';

import type { AlertAction } from './alerts/alert-engine.js';
import type { EngineState } from './state/engine-state.js';
/** Everything the engine is configured with; the server loads it from the store. */
export interface EngineConfig {
  settings: EngineSettings;
  queues: QueueConfig[];
  calendars: BusinessCalendar[];
  alertRules: AlertRule[];
  agents: AgentProfile[];
}

/** A closed aligned interval of one queue, handed out for persistence (history, reports): the contract's entry. */
export type ClosedInterval = ClosedIntervalEntry;

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
  snapshot(nowMs: number, view?: View): InstallationSnapshot;
  /** The ids of the queues and agents the engine knows (those a snapshot lists), without working out their figures. */
  entityIds(): { queueIds: readonly string[]; agentIds: string[] };
  /** Where each queue and agent a snapshot lists sits (the same teams and queues), without their figures. */
  placements(): BoardPlacements;
  /** What moved since the previous call (whole changed entries); null when nothing moved. */
  drainDelta(nowMs: number): Delta | null;
  /**
   * Marks what moved as said, as `drainDelta` would, without building the changes: a start settles its replay before
   * any board listens (boards start from a snapshot), and building tens of thousands of agents' entries is its cost.
   */
  discardDelta(nowMs: number): void;
  /** Alert lifecycle transitions since the previous call, in order. */
  drainAlertEvents(): AlertEvent[];
  /** Open alerts whose shown value or scope name moved since the previous call (boards show them; not transitions). */
  drainAlertUpdates(): Alert[];
  /** Intervals that closed since the previous call. */
  drainClosedIntervals(): ClosedInterval[];
  /**
   * Marks an active alert acknowledged; null when no active alert has that id. This and the other actions of people
   * (assign, resolve, comment, snooze) return their transition and do not queue it for drainAlertEvents: the caller
   * publishes it once.
   */
  acknowledgeAlert(alertId: string, by: string, note: string | null, nowMs: number): AlertEvent | null;
  /**
   * Alerts open at the last stop (from the store): kept, not raised again, while their condition holds. Called before
   * the journal's replay, the replay then runs in event time from the earliest raise, so one that cleared while the
   * server was down resolves at the instant the replay finds it cleared (within RESTORED_ALERT_STEP_MS).
   */
  restoreAlerts(open: readonly Alert[], handResolved?: readonly Alert[]): void;
  /** Assigns an open alert (acknowledging it too when nobody has); null when no open alert has that id. */
  assignAlert(alertId: string, to: string, note: string | null, action: AlertAction): AlertEvent | null;
  /**
   * Resolves an open alert by hand. While its condition still holds nothing is raised again for the same rule and
   * scope; once the condition has cleared, its return raises a new alert.
   */
  resolveAlert(alertId: string, note: string | null, action: AlertAction): AlertEvent | null;
  commentAlert(alertId: string, text: string, action: AlertAction): AlertEvent | null;
  /** Sets `snoozedUntil` (notifications hold until then); the server bounds it. */
  snoozeAlert(alertId: string, untilMs: number, action: AlertAction): AlertEvent | null;
  /** Replaces rules, calendars, agent profiles and settings that need no recomputation. */
  configure(config: EngineConfig, nowMs: number): void;
  /**
   * Replaces one queue's settings and rebuilds every figure, of every queue, from `events` (as `rebuild` does with a
   * whole configuration). `events` are the journaled events since the start of the longest window (the server reads
   * them); returns how many of them concern that queue.
   */
  rebuildWithQueue(queue: QueueConfig, events: readonly TimedEvent[], nowMs: number): number;
  /**
   * Takes a whole new configuration and rebuilds every figure from `events`: any change of
   * thresholds, calendars, agents or settings leaves the board a fresh replay would give. Alerts carry over.
   */
  rebuild(config: EngineConfig, events: readonly TimedEvent[], nowMs: number): void;
  /** The configuration in force (the last one given, with `rebuildWithQueue`'s queue in it). */
  configuration(): EngineConfig;
  /** The whole state as plain serialisable data, versioned (a checkpoint). */
  exportState(): EngineState;
  /** Takes over an exported state; only on a fresh engine of the same configuration. Throws StateMismatchError. */
  restore(state: EngineState): void;
  /** The earliest instant any window still covers: the server replays the journal from here at start. */
  replayFrom(nowMs: number): number;
  /**
   * The earliest instant a repeat contact can look back to (today less the longest `repeatWindowMinutes`), at or
   * before `replayFrom`: the server hands the journal's events from here to `replayFrom` to `recall` before the replay.
   */
  recallFrom(nowMs: number): number;
  /** Callers' offers from before the replayed span: known to repeat contacts as predecessors, counted nowhere. */
  recall(events: readonly TimedEvent[]): void;
}
