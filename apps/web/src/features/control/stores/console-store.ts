import { create } from 'zustand';
import { NO_FILTER, type AlertFilter, type AlertSort } from '../alert-filter.js';

interface ConsoleState {
  filter: AlertFilter;
  sort: AlertSort;
  /** The alert whose actions are shown (a deep link's, or the one moved to with j/k). */
  selectedId: string | null;
  setFilter(patch: Partial<AlertFilter>): void;
  clearFilter(): void;
  setSort(sort: AlertSort): void;
  select(id: string | null): void;
  /** One step down (+1) or up (−1) the list as shown; from nothing selected, the first (or last) one. */
  move(shownIds: readonly string[], step: 1 | -1): string | null;
}

export const useConsoleStore = create<ConsoleState>()((set, get) => ({
  filter: NO_FILTER,
  sort: 'severity',
  selectedId: null,
  setFilter: (patch) => set((state) => ({ filter: { ...state.filter, ...patch } })),
  clearFilter: () => set({ filter: NO_FILTER }),
  setSort: (sort) => set({ sort }),
  select: (selectedId) => set({ selectedId }),
  move: (shownIds, step) => {
    if (shownIds.length === 0) return null;
    const at = get().selectedId === null ? -1 : shownIds.indexOf(get().selectedId!);
    const next = at === -1 ? (step === 1 ? 0 : shownIds.length - 1) : Math.min(shownIds.length - 1, Math.max(0, at + step));
    const id = shownIds[next]!;
    set({ selectedId: id });
    return id;
  },
}));
