/** The transitions that are timed with their group (repeats and escalations keep the time they were planned for). */
export type GroupedTransition = 'raised' | 'acknowledged' | 'resolved';
export const GROUPED_TRANSITIONS: readonly GroupedTransition[] = ['raised', 'acknowledged', 'resolved'];

/** How a transition's message is timed with the others of its group (Alertmanager's group_wait and group_interval). */
export interface GroupTiming {
  transition: GroupedTransition;
  /** When the transition happened. */
  atMs: number;
  waitMs: number;
  intervalMs: number;
  /** Quiet hours: not before this instant. */
  notBeforeMs?: number;
}

/** What the outbox already holds of the group (one tenant, one channel, one route), read in the transition's transaction. */
export interface GroupState {
  /** The earliest due time of the group's messages not yet gathered into a batch: the flush being collected. */
  pendingDueMs?: number;
  /** When the group's latest batch was gathered (its last flush). */
  lastFlushMs?: number;
  /** Acknowledged / resolved: the due time of this alert's own raise if it has not left yet. */
  ownRaiseDueMs?: number;
}

/**
 * When a transition's message falls due, from its group's state, with time passed in:
 * - a raise joins the flush being collected; else, within groupInterval of the group's last flush, it waits for that
 *   interval to end; else it opens a new flush after groupWait (the first message of a new group collects the others);
 * - an acknowledgement or resolution leaves at once, but no sooner than groupInterval after the group's last flush nor
 *   after its own raise's flush (a flapping alert does not send two messages in a second).
 * Quiet hours come last: never before notBeforeMs.
 */
export function groupDueAtMs(timing: GroupTiming, state: GroupState): number {
  const { atMs, waitMs, intervalMs } = timing;
  const afterLast = state.lastFlushMs === undefined ? -Infinity : state.lastFlushMs + intervalMs;
  let due: number;
  if (timing.transition === 'raised') {
    if (state.pendingDueMs !== undefined) due = Math.max(atMs, state.pendingDueMs);
    else if (afterLast > atMs) due = afterLast;
    else due = atMs + waitMs;
  } else {
    const afterOwnRaise = state.ownRaiseDueMs === undefined ? -Infinity : state.ownRaiseDueMs + intervalMs;
    due = Math.max(atMs, afterLast, afterOwnRaise);
  }
  return Math.max(due, timing.notBeforeMs ?? -Infinity);
}

/** The key under which due rows gather into one message: one tenant, channel, group and kind. */
export const batchKey = (row: { tenantId: string; channelId: string; groupKey: string; kind: string }) =>
  JSON.stringify([row.tenantId, row.channelId, row.groupKey, row.kind]);
