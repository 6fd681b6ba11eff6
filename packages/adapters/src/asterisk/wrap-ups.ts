/** A call whose agent is in wrap-up: `contact.completed` is owed at `dueSec` unless the agent moves on first. */
interface PendingCompletion {
  contactId: string;
  agentId: string | undefined;
  dueSec: number;
}

export interface Completion {
  contactId: string;
  atSec: number;
}

/**
 * Wrap-ups in progress. Asterisk says nothing when `wrapuptime` runs out, so the completion is owed until the PBX's
 * clock passes it (any stamped message or Ping reply) or the agent's own state changes first (a pause during
 * wrap-up ends it there: the board shows the pause, not an `available` that Asterisk never reported).
 */
export class WrapUps {
  private pending: PendingCompletion[] = [];

  add(contactId: string, agentId: string | undefined, dueSec: number): void {
    this.pending.push({ contactId, agentId, dueSec });
  }

  /** Completions whose wrap-up has run out by `nowMs`, at their due second. */
  due(nowMs: number): Completion[] {
    return this.take((p) => p.dueSec * 1000 <= nowMs, (p) => p.dueSec);
  }

  /** The agent changed state at `atMs`: its wrap-ups end on that second (or earlier, when already due). */
  endFor(agentId: string, atMs: number): Completion[] {
    return this.take((p) => p.agentId === agentId, (p) => Math.min(p.dueSec, Math.floor(atMs / 1000)));
  }

  private take(match: (p: PendingCompletion) => boolean, atSec: (p: PendingCompletion) => number): Completion[] {
    if (this.pending.length === 0) return [];
    const taken = this.pending.filter(match);
    if (taken.length === 0) return [];
    this.pending = this.pending.filter((p) => !match(p));
    return taken.map((p) => ({ contactId: p.contactId, atSec: atSec(p) }));
  }
}
