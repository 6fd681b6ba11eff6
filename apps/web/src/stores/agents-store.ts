import { create } from 'zustand';
import type { AgentPageInfo, AgentSnapshot } from '@plancia/contracts';

interface AgentsState {
  byId: Record<string, AgentSnapshot>;
  /** On a board that asked for one page of its agents (a TV): which page `byId` holds, and how many the view has. */
  page: AgentPageInfo | null;
  replace(agents: readonly AgentSnapshot[], page?: AgentPageInfo | null): void;
  upsert(agents: readonly AgentSnapshot[]): void;
  remove(agentIds: readonly string[]): void;
  setPage(page: AgentPageInfo): void;
}

export const useAgentsStore = create<AgentsState>()((set) => ({
  byId: {},
  page: null,
  replace: (agents, page = null) => set({ byId: Object.fromEntries(agents.map((a) => [a.agentId, a])), page }),
  upsert: (agents) =>
    set((state) => {
      const byId = { ...state.byId };
      for (const agent of agents) byId[agent.agentId] = agent;
      return { byId };
    }),
  remove: (agentIds) =>
    set((state) => {
      const byId = { ...state.byId };
      for (const id of agentIds) delete byId[id];
      return { byId };
    }),
  setPage: (page) => set({ page }),
}));
