import type { KV } from '@nats-io/kv';

const KEY = 'leader';

/**
 * Leadership as a lease in a JetStream key-value bucket whose entries expire after the lease (the bucket's TTL): the
 * holder renews it four times a lease; another node creates the key once it has expired. A holder that fails to
 * renew steps down at once, so two leaders overlap at most until the old one's next renewal fails.
 */
export class LeaderLease {
  private revision = 0;
  private timer: NodeJS.Timeout | undefined;
  private inRound = false;
  private leading = false;

  constructor(
    private readonly kv: KV,
    private readonly nodeId: string,
    private readonly leaseMs: number,
    private readonly onChange: (leading: boolean) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  get isLeader(): boolean {
    return this.leading;
  }

  async start(): Promise<void> {
    await this.round();
    this.timer = setInterval(() => void this.round(), Math.floor(this.leaseMs / 4));
  }

  /** Hands the lease back so another node takes over at once rather than after it expires. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    if (!this.leading) return;
    this.set(false);
    await this.kv.delete(KEY, { previousSeq: this.revision }).catch(() => undefined);
  }

  private async round(): Promise<void> {
    // A slow answer must not let two rounds race on the same revision.
    if (this.inRound) return;
    this.inRound = true;
    try {
      this.revision = this.leading
        ? await this.kv.update(KEY, this.nodeId, this.revision)
        : await this.kv.create(KEY, this.nodeId);
      this.set(true);
    } catch (error) {
      // Another holder (create refused) is the normal case for a follower; a failed renewal ends this node's lead.
      if (this.leading) this.onError(error);
      this.set(false);
    } finally {
      this.inRound = false;
    }
  }

  private set(leading: boolean): void {
    if (leading === this.leading) return;
    this.leading = leading;
    this.onChange(leading);
  }
}
