import { applyPatch, type AgentSnapshot, type AlertEvent, type BoardChanges, type BoardSliceName, type Patch, type QueueSnapshot, type Snapshot, type WaitingList } from '@plancia/contracts';
import { useAgentsStore } from '../stores/agents-store.js';
import { useAlertsStore } from '../features/alerts/stores/alerts-store.js';
import { useBroadcastsStore } from '../features/broadcasts/stores/broadcasts-store.js';
import { useCallbacksStore } from '../features/callbacks/stores/callbacks-store.js';
import { useConnectionStore } from '../features/connection/stores/connection-store.js';
import { useCentreStore } from '../stores/centre-store.js';
import { useQueuesStore } from '../stores/queues-store.js';
import { useTrendStore } from '../features/trend/stores/trend-store.js';
import { useWaitingStore } from '../features/waiting-list/stores/waiting-store.js';
import type { BoardListener } from '../lib/socket-client.js';

/**
 * The entries `patches` make of those the board holds (`held`, by key). An entry the board does not hold comes whole
 * (the server sends one it never sent this board in full).
 */
function patched<E extends object>(held: Readonly<Record<string, E>>, patches: ReadonlyArray<Patch<E>>, key: keyof E): E[] {
  return patches.map((patch) => {
    const before = held[(patch as E)[key] as string];
    return before ? applyPatch(before, patch) : (patch as E);
  });
}

const patchedValue = <T>(held: T | null, patch: Patch<T>): T => (held === null ? (patch as T) : applyPatch(held, patch));

/** Where each slice of a change goes on this board; a slice the contract gains does not compile until it has a place. */
const SLICE_CONSUMERS: { [K in BoardSliceName]: (value: NonNullable<BoardChanges[K]>, changes: BoardChanges) => void } = {
  bounds: (bounds) => useCentreStore.getState().set({ bounds: patchedValue(useCentreStore.getState().bounds, bounds) }),
  centre: (centre) => useCentreStore.getState().set({ centre: centre === null ? null : patchedValue(useCentreStore.getState().centre, centre) }),
  queues: (patches, changes) => {
    const queues = patched<QueueSnapshot>(useQueuesStore.getState().byId, patches, 'queueId');
    useQueuesStore.getState().upsert(queues);
    useTrendStore.getState().record(queues, Date.parse(changes.generatedAt));
  },
  agents: (patches) => useAgentsStore.getState().upsert(patched<AgentSnapshot>(useAgentsStore.getState().byId, patches, 'agentId')),
  // The board has no tile for channels, teams or anomalies yet: the snapshot API and the plain feed carry them.
  channels: () => undefined,
  teams: () => undefined,
  anomalies: () => undefined,
  waiting: (patches) => useWaitingStore.getState().upsert(patched<WaitingList>(useWaitingStore.getState().byQueue, patches, 'queueId')),
};

/** A snapshot replaces everything the board shows: after a reconnect nothing old is mixed with the new. */
export function applySnapshot(snapshot: Snapshot): void {
  useQueuesStore.getState().replace(snapshot.queues);
  useAgentsStore.getState().replace(snapshot.agents, snapshot.agentPage ?? null);
  useAlertsStore.getState().replace(snapshot.alerts);
  // A server from before the waiting list sends none: the panel then says nobody waits rather than failing.
  useWaitingStore.getState().replace(snapshot.waiting ?? []);
  const { centre, bounds, generatedAt, seq } = snapshot;
  useCentreStore.getState().set({ centre, bounds, generatedAt, seq });
  useTrendStore.getState().record(snapshot.queues, Date.parse(generatedAt));
}

/** Changes newer than what the board shows are applied to what it holds; older ones (already in a snapshot) are ignored. */
export function applyDelta(changes: BoardChanges): void {
  if (changes.seq <= useCentreStore.getState().seq) return;
  // Agents that left the board's agent page go first: one that comes back in the same change comes whole.
  if (changes.removed?.agents) useAgentsStore.getState().remove(changes.removed.agents);
  if (changes.agentPage) useAgentsStore.getState().setPage(changes.agentPage);
  for (const name of Object.keys(SLICE_CONSUMERS) as BoardSliceName[]) {
    const value = changes[name];
    if (value !== undefined) (SLICE_CONSUMERS[name] as (v: typeof value, c: BoardChanges) => void)(value, changes);
  }
  useCentreStore.getState().set({ seq: changes.seq, generatedAt: changes.generatedAt });
}

export function applyAlert(event: AlertEvent): void {
  useAlertsStore.getState().apply(event);
}

/** What the board does with everything its socket hears. */
export const boardListener: BoardListener = {
  snapshot: applySnapshot,
  changes: applyDelta,
  alert: applyAlert,
  broadcasts: (list) => useBroadcastsStore.getState().replace(list),
  broadcast: (broadcast) => useBroadcastsStore.getState().add(broadcast),
  broadcastWithdrawn: (id) => useBroadcastsStore.getState().remove(id),
  callback: (entry) => useCallbacksStore.getState().upsert(entry),
  connected: (at) => useConnectionStore.getState().connected(at),
  heard: (at) => useConnectionStore.getState().heard(at),
  lost: (at, reason) => useConnectionStore.getState().lost(at, reason),
};
