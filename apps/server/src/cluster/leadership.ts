/**
 * Whether this node does the cluster's single-node work (the leader's duties, the PBX links): always in the
 * single-process mode; in cluster mode while it holds the leader lease.
 */
export interface Leadership {
  readonly isLeader: boolean;
  /** Calls `listener` on every change (not with the current value); answers the call that removes it. */
  onChange(listener: (leading: boolean) => void): () => void;
}

/** The single-process mode's leadership: it never changes. */
export const SOLE_NODE: Leadership = { isLeader: true, onChange: () => () => undefined };

/** Cluster mode's leadership, set by the lease holder's duties as the lease comes and goes. */
export class LeadershipSignal implements Leadership {
  private leading = false;
  private readonly listeners = new Set<(leading: boolean) => void>();

  get isLeader(): boolean {
    return this.leading;
  }

  onChange(listener: (leading: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  set(leading: boolean): void {
    if (leading === this.leading) return;
    this.leading = leading;
    for (const listener of this.listeners) listener(leading);
  }
}
