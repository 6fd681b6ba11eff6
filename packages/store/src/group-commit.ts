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
    while (this.#waiting.length > 0) {
      const group = this.#waiting;
      this.#waiting = [];
      await this.#flushGroup(group);
    }
    this.#flushing = false;
  }

  async #flushGroup(group: Waiter<Item, Result>[]): Promise<void> {
    try {
      const outcomes = await this.#flush(group.map((waiter) => waiter.items));
      group.forEach((waiter, index) => {
        const outcome = outcomes[index];
        if (outcome?.status === 'fulfilled') waiter.resolve(outcome.value);
        else waiter.reject(outcome ? outcome.reason : new Error('Group flush returned no outcome for a batch'));
      });
    } catch (error) {
      for (const waiter of group) waiter.reject(error);
    }
  }
}
