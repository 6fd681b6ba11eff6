import { create } from 'zustand';
import type { CallbackEntry } from '@plancia/contracts';

interface CallbacksState {
  /** Entries still to call back (open or claimed), by id. */
  active: Record<string, CallbackEntry>;
  /** What the server listed: replaces everything. */
  replace(list: readonly CallbackEntry[]): void;
  /** An entry as it is now (from the socket or an action's answer): kept while active, dropped once closed. */
  upsert(entry: CallbackEntry): void;
}

const isActive = (entry: CallbackEntry) => entry.state === 'open' || entry.state === 'claimed';

/** The callback worklist the console shows, fed by the list, by actions and by the socket (app/board-sync.ts). */
export const useCallbacksStore = create<CallbacksState>()((set) => ({
  active: {},
  replace: (list) => set({ active: Object.fromEntries(list.filter(isActive).map((entry) => [entry.id, entry])) }),
  upsert: (entry) => set((state) => {
    const { [entry.id]: _previous, ...rest } = state.active;
    return { active: isActive(entry) ? { ...rest, [entry.id]: entry } : rest };
  }),
}));

/** Oldest abandon first: whoever has waited longest for a call is called first. */
export const worklistOrder = (active: Record<string, CallbackEntry>): CallbackEntry[] =>
  Object.values(active).sort((a, b) => a.abandonedAt.localeCompare(b.abandonedAt) || a.id.localeCompare(b.id));
