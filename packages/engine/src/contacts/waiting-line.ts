import { byWait, longestWaits, placeInOrder } from './longest-waits.js';

/** What a waiting contact shows: since when it waits and on which channel. */
export interface WaitingView {
  readonly waitingSince: number; readonly waitingChannel: string;
  readonly waitingPriority: number; readonly waitingVip: boolean; readonly waitingCaller: string | null;
}

/** Whether two views show the same wait (views are recycled objects: compare what they hold). */
export const sameWaitingView = (x: WaitingView, y: WaitingView): boolean => x.waitingSince === y.waitingSince
  && x.waitingChannel === y.waitingChannel && x.waitingPriority === y.waitingPriority && x.waitingVip === y.waitingVip
  && x.waitingCaller === y.waitingCaller;

export interface Waiter {
  readonly id: string;
  readonly view: WaitingView;
  /** its position in the line it waits in, −1 when in none */
  waitingSlot: number;
}

/** How many of a line wait on one channel and the earliest start among them (stale: to be found again). */
interface ChannelTally { count: number; oldest: number; stale: boolean }

/**
 * The contacts waiting in one queue, unordered. Joining and leaving swap with the last one: contacts come and go
 * all the time, and a hash map's entries churned like that keep growing and shrinking its table. Per channel it keeps
 * the count and the earliest start, so a board's "waiting" and "longest wait" cost nothing per waiter; the earliest
 * is looked for again only after the one holding it left, and only when asked.
 */
export class WaitingLine<T extends Waiter = Waiter> {
  private readonly list: T[] = [];
  private readonly tallies = new Map<string, ChannelTally>();
  /** How many wait at each priority: a listed contact's place counts everyone at a higher one. */
  private readonly priorities = new Map<number, number>();
  /**
   * The `listedLimit` longest waits in wait order, kept as waiters come (a newcomer rarely outwaits the last listed)
   * and looked for again, in one pass, only after a listed one left a longer line or a wait moved; null: to be found.
   */
  private listed: T[] | null = null;
  private listedLimit = 0;

  get waiters(): readonly T[] {
    return this.list;
  }

  join(w: T): void {
    w.waitingSlot = this.list.length;
    this.list.push(w);
    this.add(w.view);
    this.listIfLonger(w);
  }

  /** `was`: what the contact showed while it waited here, if its view has moved on since. */
  leave(w: T, was: WaitingView = w.view): void {
    const last = this.list.pop()!;
    if (last !== w) {
      this.list[w.waitingSlot] = last;
      last.waitingSlot = w.waitingSlot;
    }
    w.waitingSlot = -1;
    this.remove(was);
    this.unlist(w);
  }

  /** A contact staying in the line now shows another start or channel than `was`. */
  moved(w: T, was: WaitingView): void {
    this.remove(was);
    this.add(w.view);
    this.listed = null;
  }

  /** The `limit` longest waits, longest first (equal starts by contact id). */
  longest(limit: number): readonly T[] {
    if (this.listed === null || this.listedLimit !== limit) {
      this.listed = longestWaits(this.list, limit);
      this.listedLimit = limit;
    }
    return this.listed;
  }

  private listIfLonger(w: T): void {
    const listed = this.listed;
    if (listed === null || this.listedLimit === 0) return;
    if (listed.length === this.listedLimit && byWait(w, listed[listed.length - 1]!) > 0) return;
    listed.splice(placeInOrder(listed, w), 0, w);
    if (listed.length > this.listedLimit) listed.pop();
  }

  private unlist(w: T): void {
    const listed = this.listed;
    if (listed === null) return;
    const at = listed.indexOf(w);
    if (at === -1) return;
    // Someone unlisted may now belong on the list: only a pass over the line can tell who.
    if (this.list.length >= this.listedLimit) this.listed = null;
    else listed.splice(at, 1);
  }

  /** How many wait on that channel (every channel when null). */
  count(channel: string | null): number {
    if (channel !== null) return this.tallies.get(channel)?.count ?? 0;
    return this.list.length;
  }

  /** For each priority present, how many wait at a higher one (those served first). */
  aheadByPriority(): Map<number, number> {
    const ahead = new Map<number, number>();
    let higher = 0;
    for (const [priority, count] of [...this.priorities].sort((x, y) => y[0] - x[0])) {
      ahead.set(priority, higher);
      higher += count;
    }
    return ahead;
  }

  /** The earliest start among those waiting on that channel (every channel when null); Infinity when none. */
  oldest(channel: string | null): number {
    if (channel !== null) return this.oldestOf(channel);
    let oldest = Infinity;
    for (const key of this.tallies.keys()) oldest = Math.min(oldest, this.oldestOf(key));
    return oldest;
  }

  private oldestOf(channel: string): number {
    const tally = this.tallies.get(channel);
    if (!tally) return Infinity;
    if (tally.stale) {
      tally.oldest = Infinity;
      for (const { view } of this.list) if (view.waitingChannel === channel && view.waitingSince < tally.oldest) tally.oldest = view.waitingSince;
      tally.stale = false;
    }
    return tally.oldest;
  }

  private add(view: WaitingView): void {
    this.priorities.set(view.waitingPriority, (this.priorities.get(view.waitingPriority) ?? 0) + 1);
    const tally = this.tallies.get(view.waitingChannel);
    if (!tally) {
      this.tallies.set(view.waitingChannel, { count: 1, oldest: view.waitingSince, stale: false });
      return;
    }
    tally.count++;
    if (!tally.stale && view.waitingSince < tally.oldest) tally.oldest = view.waitingSince;
  }

  private remove(view: WaitingView): void {
    const left = this.priorities.get(view.waitingPriority)! - 1;
    if (left === 0) this.priorities.delete(view.waitingPriority);
    else this.priorities.set(view.waitingPriority, left);
    const tally = this.tallies.get(view.waitingChannel)!;
    if (--tally.count === 0) this.tallies.delete(view.waitingChannel);
    else if (view.waitingSince <= tally.oldest) tally.stale = true;
  }
}
