import { Type, type Static } from '@sinclair/typebox';
// Types only: snapshot.ts takes the page schemas from here.
import type { AgentSnapshot } from './snapshot.js';

/** The most agents one page may hold: a TV page of rows, with room to spare. */
export const AGENT_PAGE_LIMIT_MAX = 200;

/**
 * One page of a view's agents, in page order (compareAgentPageOrder, below): the `limit` agents from the `offset`-th (0-based).
 * `limit: 0` asks for no agent, only the total.
 */
export const AgentPage = Type.Object(
  {
    offset: Type.Integer({ minimum: 0, maximum: 100_000, description: 'the first agent of the page, counted from 0 in name order' }),
    limit: Type.Integer({ minimum: 0, maximum: AGENT_PAGE_LIMIT_MAX, description: `how many agents the page holds, at most ${AGENT_PAGE_LIMIT_MAX}; 0: only the total` }),
  },
  { additionalProperties: false },
);
export type AgentPage = Static<typeof AgentPage>;

/** The page a board was sent, and how many agents its view has in all (to plan its pages). */
export const AgentPageInfo = Type.Composite([AgentPage, Type.Object({ total: Type.Integer({ minimum: 0 }) })]);
export type AgentPageInfo = Static<typeof AgentPageInfo>;

// A fixed locale: the server cuts the pages and the browser sorts the rows within one, and both must agree.
const names = new Intl.Collator('en');

/**
 * The order a view's agents are paged in: by name A→Z (as the board's name column sorts them), namesakes by id.
 * Names rarely change, so an agent keeps its page while its state moves: a page's changes are its agents' own.
 */
export function compareAgentPageOrder(a: Pick<AgentSnapshot, 'name' | 'agentId'>, b: Pick<AgentSnapshot, 'name' | 'agentId'>): number {
  return names.compare(a.name, b.name) || (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0);
}

/** What one change did to a page: agents on it that moved or came onto it (whole), and those that left it. */
export interface AgentPageChange {
  shown: AgentSnapshot[];
  left: string[];
  /** The view gained or lost agents: boards must learn the new total. */
  totalMoved: boolean;
}

/**
 * Every agent of one view, kept in page order to cut one page from: started from the view's agents, then told each
 * agent that changed and each that left the view. Entries are held by reference (the engine never changes them).
 */
export class AgentPager {
  private readonly agents = new Map<string, AgentSnapshot>();
  private onPage = new Set<string>();

  constructor(readonly page: AgentPage) {}

  /** Starts over from every agent of the view; returns the page's agents, in page order. */
  startsFrom(agents: readonly AgentSnapshot[]): AgentSnapshot[] {
    this.agents.clear();
    for (const agent of agents) this.agents.set(agent.agentId, agent);
    return this.cut();
  }

  /** Takes agents of the view that changed and the ids of those no longer in it. */
  apply(changed: readonly AgentSnapshot[], gone: readonly string[]): AgentPageChange {
    const before = this.onPage;
    const total = this.agents.size;
    let reordered = false;
    for (const agent of changed) {
      reordered ||= this.agents.get(agent.agentId)?.name !== agent.name;
      this.agents.set(agent.agentId, agent);
    }
    for (const id of gone) reordered = this.agents.delete(id) || reordered;
    if (reordered) this.cut();
    const entered = [...this.onPage].filter((id) => !before.has(id)).map((id) => this.agents.get(id)!);
    const moved = changed.filter((agent) => before.has(agent.agentId) && this.onPage.has(agent.agentId));
    return {
      shown: [...entered, ...moved],
      left: [...before].filter((id) => !this.onPage.has(id)),
      totalMoved: this.agents.size !== total,
    };
  }

  info(): AgentPageInfo {
    return { offset: this.page.offset, limit: this.page.limit, total: this.agents.size };
  }

  private cut(): AgentSnapshot[] {
    const { offset, limit } = this.page;
    const page = [...this.agents.values()].sort(compareAgentPageOrder).slice(offset, offset + limit);
    this.onPage = new Set(page.map((agent) => agent.agentId));
    return page;
  }
}
