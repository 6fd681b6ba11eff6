import type { Delta } from '@plancia/contracts';
import { mergeDelta } from './delta-merge.js';

/**
 * Sends at most one delta per interval. A change after a quiet spell goes out at once; changes arriving
 * within the interval after a send are merged and leave together when it ends.
 */
export class Coalescer {
  private pending: Delta | null = null;
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly intervalMs: number,
    private readonly send: (delta: Delta) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  push(delta: Delta): void {
    this.pending = this.pending ? mergeDelta(this.pending, delta) : delta;
    if (this.timer) return;
    const wait = this.lastSentAt + this.intervalMs - this.now();
    if (wait <= 0) {
      this.flush();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, wait);
  }

  /** Forgets what is pending, e.g. when the receivers get a fresh snapshot instead. */
  discard(): void {
    this.pending = null;
  }

  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = null;
  }

  private flush(): void {
    const delta = this.pending;
    this.pending = null;
    if (!delta) return;
    this.lastSentAt = this.now();
    this.send(delta);
  }
}
