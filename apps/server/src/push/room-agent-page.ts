import { AgentPager, type AgentPage, type AgentPageInfo, type Delta, type Snapshot, type View, type ViewMatcher } from '@plancia/contracts';
import type { Audience } from '../tenancy/audience.js';

/** What a change brings a paged room: the change as its boards see it, the agents that left the page, a new total. */
export interface PagedChange {
  shown: Delta | null;
  left: string[];
  info?: AgentPageInfo;
}

/** A change that carries nothing but its sequence and time tells a board nothing. */
const hasSlices = (delta: Delta) => Object.keys(delta).some((key) => key !== 'seq' && key !== 'generatedAt');

/**
 * The agent page of a room whose view asks for one: the view's agents as the room's audience may see them (its reach
 * and agent-detail mode first, so a page never holds, counts or orders more than the unpaged view would show), cut to
 * the page in page order (compareAgentPageOrder). One per room: its boards share the cut.
 */
export class RoomAgentPage {
  private readonly pager: AgentPager;

  constructor(page: AgentPage, private readonly matcher: ViewMatcher, private readonly audience: Audience) {
    this.pager = new AgentPager(page);
  }

  /** The room's snapshot (already its audience's) cut to the page, with the page and the view's total. */
  snapshot(shown: Snapshot): Snapshot {
    return pagedSnapshot(this.pager, shown);
  }

  /**
   * The room's view of the engine's `delta` (`shown`, its agents set aside) with the page's agents instead: those on
   * it that changed and those that came onto it, whole from what the pager holds.
   */
  change(delta: Delta, shown: Delta | null): PagedChange {
    const { agents: _viewed, ...rest } = shown ?? { seq: delta.seq, generatedAt: delta.generatedAt };
    if (!delta.agents) return { shown: hasSlices(rest as Delta) ? (rest as Delta) : null, left: [] };
    // Every changed agent the audience may see, in the view or not: one that no longer matches it left it, and so
    // did one that changed out of the audience's reach (the pager drops only agents it holds: nothing is told of
    // an agent this audience never saw).
    const reached = this.audience.delta({ seq: delta.seq, generatedAt: delta.generatedAt, agents: delta.agents })?.agents ?? [];
    const inView = reached.filter((agent) => this.matcher.matchesAgent(agent));
    const reachedIds = new Set(reached.map((agent) => agent.agentId));
    const gone = [
      ...reached.filter((agent) => !this.matcher.matchesAgent(agent)).map((agent) => agent.agentId),
      ...delta.agents.map((agent) => this.audience.shownAgentId(agent.agentId)).filter((id) => !reachedIds.has(id)),
    ];
    const page = this.pager.apply(inView, gone);
    const paged = page.shown.length > 0 ? { ...rest, agents: page.shown } as Delta : rest as Delta;
    return {
      shown: hasSlices(paged) ? paged : null,
      left: page.left,
      ...(page.totalMoved ? { info: this.pager.info() } : {}),
    };
  }
}

/** A snapshot of `view` (already its audience's) cut to the view's agent page, if it asks for one (the snapshot route). */
export function cutToAgentPage(view: View, shown: Snapshot): Snapshot {
  if (!view.agentPage || view.agents === 'none') return shown;
  return pagedSnapshot(new AgentPager(view.agentPage), shown);
}

/** `shown` with only the page's agents (the pager starts over from all of them), the page and the view's total. */
function pagedSnapshot(pager: AgentPager, shown: Snapshot): Snapshot {
  return { ...shown, agents: pager.startsFrom(shown.agents), agentPage: pager.info() };
}
