import type { StreamSource } from './stream/stream-source.js';

interface LinksLog {
  info(details: object, message: string): void;
}

/**
 * The PBX links of one node, open while it leads: a PBX sees one session from the cluster, and what it says enters
 * the stream once. Starts and stops run one after the other, in the order leadership changed.
 */
export class LeaderLinks {
  private open = false;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly sources: readonly StreamSource[], private readonly node: string, private readonly log: LinksLog) {}

  /** Opens the links when `leading`, closes them otherwise; resolves once this change (and those before it) is done. */
  follow(leading: boolean): Promise<void> {
    const change = this.queue.then(() => (leading ? this.start() : this.stop()));
    // A failed change does not block the next one.
    this.queue = change.catch(() => undefined);
    return change;
  }

  private async start(): Promise<void> {
    if (this.open || this.sources.length === 0) return;
    this.open = true;
    this.log.info({ node: this.node, links: this.sources.length }, 'PBX links: opened on this node (it leads)');
    for (const source of this.sources) source.start();
  }

  private async stop(): Promise<void> {
    if (this.open) {
      this.open = false;
      await Promise.all(this.sources.map((source) => source.stop()));
      this.log.info({ node: this.node, links: this.sources.length }, 'PBX links: closed on this node (it no longer leads)');
    }
    // A follower's /readyz says where the link is rather than "connecting" for ever.
    for (const source of this.sources) source.standby('held by the cluster leader, not this node');
  }
}
