import { create } from 'zustand';
import type { QueueSnapshot } from '@plancia/contracts';

interface QueuesState {
  byId: Record<string, QueueSnapshot>;
  /** Queue ids in display order (by name). */
  order: string[];
  replace(queues: readonly QueueSnapshot[]): void;
  upsert(queues: readonly QueueSnapshot[]): void;
}

const byName = (queues: readonly QueueSnapshot[]) =>
  [...queues].sort((a, b) => a.name.localeCompare(b.name)).map((q) => q.queueId);

export const useQueuesStore = create<QueuesState>()((set) => ({
  byId: {},
  order: [],
  replace: (queues) => set({ byId: Object.fromEntries(queues.map((q) => [q.queueId, q])), order: byName(queues) }),
  upsert: (queues) =>
    set((state) => {
      const byId = { ...state.byId };
      let added = false;
      for (const queue of queues) {
        added ||= !(queue.queueId in byId);
        byId[queue.queueId] = queue;
      }
      // Only a new queue changes the order; keeping the same array spares the grid a re-render.
      return { byId, order: added ? byName(Object.values(byId)) : state.order };
    }),
}));
