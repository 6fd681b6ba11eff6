import { create } from 'zustand';
import type { Broadcast } from '@plancia/contracts';

interface BroadcastsState {
  /** Oldest first, as the server sends them. */
  list: Broadcast[];
  /** What the server says is active after a subscribe: replaces everything. */
  replace(list: Broadcast[]): void;
  add(broadcast: Broadcast): void;
  remove(id: string): void;
  /** Drops those expired by `nowMs`. */
  prune(nowMs: number): void;
}

/** The broadcasts this board shows, fed by the socket from outside React (app/board-sync.ts). */
export const useBroadcastsStore = create<BroadcastsState>()((set) => ({
  list: [],
  replace: (list) => set({ list }),
  add: (broadcast) => set((state) => ({ list: [...state.list.filter((b) => b.id !== broadcast.id), broadcast] })),
  remove: (id) => set((state) => ({ list: state.list.filter((b) => b.id !== id) })),
  prune: (nowMs) => set((state) => {
    const kept = activeAt(state.list, nowMs);
    return kept.length === state.list.length ? state : { list: kept };
  }),
}));

/** The broadcasts not yet expired at `nowMs`. */
export const activeAt = (list: readonly Broadcast[], nowMs: number): Broadcast[] => list.filter((b) => Date.parse(b.expiresAt) > nowMs);

/** When the next one expires (ms), or null. */
export const nextExpiry = (list: readonly Broadcast[]): number | null =>
  list.length === 0 ? null : Math.min(...list.map((b) => Date.parse(b.expiresAt)));
