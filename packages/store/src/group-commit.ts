interface Waiter<Item, Result> {
  items: readonly Item[];
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

/** Writes the merged batches of one group; answers one outcome per batch, in order. */
export type GroupFlush<Item, Result> = (batches: readonly (readonly Item[])[]) => Promise<PromiseSettledResult<Result>[]>;

/**
 * Group commit: the first submission is flushed at once; submissions that arrive while a flush is in flight wait
 * and go together in the next one, so N concurrent writers cost one transaction, not N, and nobody waits for a timer.
 * One flush is in flight at a time, so groups are committed (and their writers told) in the order they were taken.
 */
export class GroupCommitter<Item, Result> {
  readonly #flush: GroupFlush<Item, Result>;
  #waiting: Waiter<Item, Result>[] = [];
  #flushing = false;

  constructor(flush: GroupFlush<Item, Result>) {
    this.#flush = flush;
  }

  submit(items: readonly Item[]): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.#waiting.push({ items, resolve, reject });
      if (!this.#flushing) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#flushing = true;
    let inFlight: Promise<() => void> | undefined = this.#start(this.#take());
    while (inFlight) {
      const settle = await inFlight;
      // The next group's commit starts before the finished group hears its outcome: what its writers do then (apply
      // to the engine, answer) runs while the database works on the next commit, not between two commits.
      inFlight = this.#waiting.length > 0 ? this.#start(this.#take()) : undefined;
      settle();
    }
    this.#flushing = false;
  }

  #take(): Waiter<Item, Result>[] {
    const group = this.#waiting;
    this.#waiting = [];
    return group;
  }

  /** Flushes a group; answers how to tell its waiters the outcome, once the caller chooses to. */
  async #start(group: Waiter<Item, Result>[]): Promise<() => void> {
    try {
      const outcomes = await this.#flush(group.map((waiter) => waiter.items));
      return () => group.forEach((waiter, index) => {
        const outcome = outcomes[index];
        if (outcome?.status === 'fulfilled') waiter.resolve(outcome.value);
        else waiter.reject(outcome ? outcome.reason : new Error('Group flush returned no outcome for a batch'));
      });
    } catch (error) {
      return () => {
        for (const waiter of group) waiter.reject(error);
      };
    }
  }
}
