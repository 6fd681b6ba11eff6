import type { AlertEvent, Delta, Snapshot, View } from '@plancia/contracts';

/**
 * What the push layer needs from the engine runtime (decorated on fastify as `live`):
 * the current state on demand, and a stream of changes and alert transitions.
 */
export interface LiveSource {
  snapshot(view?: View): Snapshot;
  /** `eager`: whether the listener would use a change now (see LiveState.onDelta). */
  onDelta(listener: (delta: Delta) => void, eager?: () => boolean): () => void;
  /** Hands the listeners at once the changes that wait for their (paced) drain: called before a room sends. */
  settle(): void;
  onAlert(listener: (event: AlertEvent) => void): () => void;
  acknowledgeAlert(alertId: string, by: string, note: string | null): Promise<AlertEvent | null>;
}
