import type { BoardChanges } from '@plancia/contracts';
import { mergeChanges } from './delta-merge.js';

/**
 * Sends at most one change message per interval. A change after a quiet spell goes out at once; changes arriving
 * within the interval after a send are merged and leave together when it ends.
 */
export class Coalescer {
  private pending: BoardChanges | null = null;
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly intervalMs: number,
    private readonly send: (changes: BoardChanges) => void,
    private readonly now: () => number = () => performance.now(),
    /** Runs as the interval ends, before the merged changes leave: what it pushes leaves with them. */
    private readonly beforeFlush: () => void = () => {},
  ) {}

  /**
   * Whether no send is timed: a change pushed now would leave at once or start the timer. While one is timed, upstream
   * may hold its changes back: `beforeFlush` fetches them as the interval ends and they leave in the same message.
   * (The interval after a send is not timed when nothing waits: a change after a quiet spell still leaves at once.)
   */
  get idle(): boolean {
    return this.timer === undefined;
  }

  push(changes: BoardChanges): void {
    this.pending = this.pending ? mergeChanges(this.pending, changes) : changes;
    if (this.timer) return;
    const wait = this.lastSentAt + this.intervalMs - this.now();
    if (wait <= 0) {
      this.flush();
      return;
    }
    this.timer = setTimeout(() => {
      // Still timed while it runs: what it pushes merges into what leaves now.
      this.beforeFlush();
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
    const changes = this.pending;
    this.pending = null;
    if (!changes) return;
    this.lastSentAt = this.now();
    this.send(changes);
  }
}
