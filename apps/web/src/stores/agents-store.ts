import { create } from 'zustand';
import type { AgentSnapshot } from '@plancia/contracts';

interface AgentsState {
  byId: Record<string, AgentSnapshot>;
  replace(agents: readonly AgentSnapshot[]): void;
  upsert(agents: readonly AgentSnapshot[]): void;
  remove(agentIds: readonly string[]): void;
}

export const useAgentsStore = create<AgentsState>()((set) => ({
  byId: {},
  replace: (agents) => set({ byId: Object.fromEntries(agents.map((a) => [a.agentId, a])) }),
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
}));
