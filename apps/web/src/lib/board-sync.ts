import type { AlertEvent, Delta, Snapshot } from '@plancia/contracts';
import { useAgentsStore } from '../features/agents/stores/agents-store.js';
import { useAlertsStore } from '../features/alerts/stores/alerts-store.js';
import { useCentreStore } from '../features/header/stores/centre-store.js';
import { useQueuesStore } from '../features/queues/stores/queues-store.js';
import { useTrendStore } from '../features/trend/stores/trend-store.js';

/** A snapshot replaces everything the board shows: after a reconnect nothing old is mixed with the new. */
export function applySnapshot(snapshot: Snapshot): void {
  useQueuesStore.getState().replace(snapshot.queues);
  useAgentsStore.getState().replace(snapshot.agents);
  useAlertsStore.getState().replace(snapshot.alerts);
  const { centre, bounds, generatedAt, seq } = snapshot;
  useCentreStore.getState().set({ centre, bounds, generatedAt, seq });
  useTrendStore.getState().record(snapshot.queues, Date.parse(generatedAt));
}

/** Changes newer than what the board shows replace whole entries; older ones (already in a snapshot) are ignored. */
export function applyDelta(delta: Delta): void {
  const centre = useCentreStore.getState();
  if (delta.seq <= centre.seq) return;
  if (delta.queues) {
    useQueuesStore.getState().upsert(delta.queues);
    useTrendStore.getState().record(delta.queues, Date.parse(delta.generatedAt));
  }
  if (delta.agents) useAgentsStore.getState().upsert(delta.agents);
  if (delta.removedAgents?.length) useAgentsStore.getState().remove(delta.removedAgents);
  centre.set({
    seq: delta.seq,
    generatedAt: delta.generatedAt,
    ...(delta.centre ? { centre: delta.centre } : {}),
    ...(delta.bounds ? { bounds: delta.bounds } : {}),
  });
}

export function applyAlert(event: AlertEvent): void {
  useAlertsStore.getState().apply(event);
}
