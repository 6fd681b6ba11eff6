import type { Entry, SpanTargets } from './agent-spans.js';
import { unpackArchive, type TimelineArchive } from './timeline-archive.js';

/** One agent as the engine knows it: its profile, its timeline of today and what that timeline counted. */
export class Agent {
  queueIds: string[] = [];
  /**
   * (time, arrival) of the latest agent.state that carried each profile field: each field is the latest said, so a
   * late event that carries queues is not overruled by a later one that carries none.
   */
  queuesAt = -Infinity;
  queuesSeq = 0;
  teamAt = -Infinity;
  teamSeq = 0;
  nameAt = -Infinity;
  nameSeq = 0;
  /** the timeline's entries after its archive: all of it when nothing is archived, never empty when something is */
  recent: Entry[] = [];
  /** the settled start of its timeline, packed (see TimelineArchive), or null */
  archive: TimelineArchive | null = null;
  /** whether some agent.state of its said per-queue memberships: memberships.ts reads back through the whole timeline,
   * so such a timeline is never archived */
  saysMemberships = false;
  /** contradictions seen in its timeline today: "available" during a call, an answer while on another contact */
  conflicts = 0;
  /** contacts in wrap-up with no completion, closed by this agent's next change */
  watchers = new Set<string>();
  /** where its time counts, worked out again when its queues or the configuration change */
  targets: SpanTargets | null = null;

  constructor(
    readonly agentId: string,
    public name: string,
    public teamId: string | null,
  ) {}

  /** The whole timeline in time order, its archive unpacked back into entries first (for the changes that reach it). */
  get timeline(): Entry[] {
    return this.unarchive();
  }

  /** Puts the archived entries back in front of the recent ones (what they counted is unchanged); the whole timeline. */
  unarchive(): Entry[] {
    if (this.archive === null) return this.recent;
    const entries = unpackArchive(this.archive, this.agentId, this.recent[0]!);
    this.archive = null;
    for (const e of this.recent) entries.push(e);
    this.recent = entries;
    return entries;
  }
}
