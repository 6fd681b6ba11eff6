import { create } from 'zustand';
import type { SilenceRequest, Silence } from '../lifecycle-contract.js';
import { controlApi } from '../control-api.js';
import { problemOf, type Remote } from '../remote.js';

interface SilencesState {
  silences: Remote<Silence[]>;
  load(): Promise<void>;
  /** Resolves to the problem, or null when the silence was created (the list is then loaded again). */
  create(request: SilenceRequest): Promise<{ status: number; message: string } | null>;
  remove(id: string): Promise<{ status: number; message: string } | null>;
}

/** The active silences in the caller's reach; the server pushes silenced alerts to boards with `silencedBy` set. */
export const useSilencesStore = create<SilencesState>()((set, get) => ({
  silences: { status: 'idle' },
  load: async () => {
    try {
      const { silences } = await controlApi.silences();
      set({ silences: { status: 'ready', data: silences } });
    } catch (error) {
      set({ silences: { status: 'failed', problem: problemOf(error) } });
    }
  },
  create: async (request) => {
    try {
      await controlApi.silence(request);
    } catch (error) {
      return problemOf(error);
    }
    await get().load();
    return null;
  },
  remove: async (id) => {
    try {
      await controlApi.unsilence(id);
    } catch (error) {
      return problemOf(error);
    }
    await get().load();
    return null;
  },
}));
