/** What a waiting contact shows: since when it waits and on which channel. */
export interface Waiter {
  readonly id: string;
  readonly view: {
    readonly waitingSince: number; readonly waitingChannel: string;
    readonly waitingPriority: number; readonly waitingVip: boolean; readonly waitingCaller: string | null;
  };
  /** its position in the line it waits in, −1 when in none */
  waitingSlot: number;
}

/**
 * The contacts waiting in one queue, unordered. Joining and leaving swap with the last one: contacts come and go
 * all the time, and a hash map's entries churned like that keep growing and shrinking its table.
 */
export class WaitingLine<T extends Waiter = Waiter> {
  private readonly list: T[] = [];

  get waiters(): readonly T[] {
    return this.list;
  }

  join(w: T): void {
    w.waitingSlot = this.list.length;
    this.list.push(w);
  }

  leave(w: T): void {
    const last = this.list.pop()!;
    if (last !== w) {
      this.list[w.waitingSlot] = last;
      last.waitingSlot = w.waitingSlot;
    }
    w.waitingSlot = -1;
  }
}
