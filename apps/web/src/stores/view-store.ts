import { create } from 'zustand';
import type { AgentPage, View } from '@plancia/contracts';

interface ViewState {
  /** What the board's socket subscribes to: the address's view, and on a TV the agent page it shows. */
  view: View;
  /** Another agent page (a TV turning to it, or `limit: 0` for the total only); a board without agents has none. */
  setAgentPage(page: AgentPage): void;
}

export const useViewStore = create<ViewState>()((set) => ({
  view: {},
  setAgentPage: (page) => set((state) => {
    const held = state.view.agentPage;
    if (state.view.agents === 'none' || (held?.offset === page.offset && held.limit === page.limit)) return state;
    return { view: { ...state.view, agentPage: page } };
  }),
}));
