import type { AgentPlacement, BoardPlacements } from '@plancia/contracts';
import type { PlacementLookup } from './reach.js';

/**
 * Where the board last saw each queue and agent, followed from the live state's changes: what reaches decide by
 * (a queue's team, an agent's team and queues) is exactly what the board shows, queues known only from events included.
 */
export class Placements implements PlacementLookup {
  readonly #queueTeams = new Map<string, string | null>();
  readonly #agents = new Map<string, AgentPlacement>();
  #catchUp: () => void = () => {};

  /**
   * Called before every lookup: hands over the changes the live state still holds back (it drains them for rooms
   * only when one would send at once), so a reach never decides by a placement older than the last event applied.
   */
  catchUpWith(catchUp: () => void): void {
    this.#catchUp = catchUp;
  }

  /** Starts from every queue and agent (the live state's placements, or a whole snapshot). */
  reset(all: BoardPlacements): void {
    this.#queueTeams.clear();
    this.#agents.clear();
    this.follow(all);
  }

  /** A change's queues and agents (whole entries, as a delta carries them). */
  follow(change: Partial<BoardPlacements>): void {
    for (const queue of change.queues ?? []) this.#queueTeams.set(queue.queueId, queue.teamId);
    for (const agent of change.agents ?? []) this.#agents.set(agent.agentId, { teamId: agent.teamId, queueIds: agent.queueIds });
  }

  teamOfQueue(queueId: string): string | null {
    this.#catchUp();
    return this.#queueTeams.get(queueId) ?? null;
  }

  /** The queues the board last saw in a team. */
  queuesOfTeam(teamId: string): string[] {
    this.#catchUp();
    return [...this.#queueTeams].filter(([, team]) => team === teamId).map(([queueId]) => queueId);
  }

  agent(agentId: string): AgentPlacement | undefined {
    this.#catchUp();
    return this.#agents.get(agentId);
  }
}
