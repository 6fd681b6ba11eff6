import { create } from 'zustand';
import type { WaitingList } from '@plancia/contracts';

/** Each queue's waiting list as the server last sent it: a change replaces a queue's whole list. */
interface WaitingState {
  byQueue: Record<string, WaitingList>;
  replace(lists: readonly WaitingList[]): void;
  upsert(lists: readonly WaitingList[]): void;
}

export const useWaitingStore = create<WaitingState>()((set) => ({
  byQueue: {},
  replace: (lists) => set({ byQueue: Object.fromEntries(lists.map((l) => [l.queueId, l])) }),
  upsert: (lists) => set((state) => ({ byQueue: { ...state.byQueue, ...Object.fromEntries(lists.map((l) => [l.queueId, l])) } })),
}));
