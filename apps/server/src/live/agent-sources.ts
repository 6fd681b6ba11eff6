import type { TimedEvent } from '@plancia/contracts';

/**
 * The ACD each agent was last reported by (the source of its latest `agent.state`), among the events this process
 * applied: the board and an action on it agree at once. The journal answers for agents last reported before this
 * process started, and a cluster node's journal is written by its leader a moment after the boards show an event.
 */
export class AgentSources {
  readonly #latest = new Map<string, { timeMs: number; source: string }>();

  /** Events in any order: the latest by event time wins, a later arrival at the same time too (as the journal's). */
  note(events: readonly TimedEvent[]): void {
    for (const event of events) {
      if (event.type !== 'agent.state') continue;
      const agentId = (event.data as { agentId: string }).agentId;
      const known = this.#latest.get(agentId);
      if (!known || event.timeMs >= known.timeMs) this.#latest.set(agentId, { timeMs: event.timeMs, source: event.source });
    }
  }

  of(agentId: string): string | undefined {
    return this.#latest.get(agentId)?.source;
  }
}
