/** One contact offered to a queue by a known caller. */
interface Offer {
  at: number;
  contactId: string;
  repeat: boolean;
  /** read back from before the replayed span: a predecessor only, never counted */
  recalled?: true;
}

export interface RepeatHost {
  /** the queue's repeat window in ms; null: since the start of the queue's day (no window configured) */
  repeatWindowMs(queueId: string): number | null;
  /** the start of the queue's day that holds `atMs` */
  dayStartOf(queueId: string, atMs: number): number;
  /** counts an offer by a known caller (repeat or not) at `atMs`, or takes it back (sign −1) */
  countOffer(queueId: string, atMs: number, repeat: boolean, sign: number): void;
}

/**
 * The callers' offers per queue, in time order, so each offer knows whether the same caller reached the same queue
 * within the queue's repeat window before it. A configured window reaches back across the day boundary (23:50 then
 * 00:10 is a repeat within 60 minutes); without one, the window is the queue's day so far. An offer arriving late can
 * only change the offer right after it (its predecessor moves closer), so arrival order does not change the counts.
 */
export class RepeatBook {
  private readonly offers = new Map<string, Offer[]>();

  constructor(private readonly host: RepeatHost) {}

  add(queueId: string, caller: string, contactId: string, at: number): void {
    this.insert(queueId, caller, contactId, at, true);
  }

  /**
   * An offer from before the replayed span (the server reads it back at start so a window reaching across the day
   * boundary sees it): known as a predecessor, never counted itself.
   */
  recall(queueId: string, caller: string, contactId: string, at: number): void {
    this.insert(queueId, caller, contactId, at, false);
  }

  /** Every offer before `beforeMs`, oldest first, for a book that replaces this one (a rebuild). */
  *offersBefore(beforeMs: number): Generator<{ queueId: string; caller: string; contactId: string; at: number }> {
    for (const [key, list] of this.offers) {
      const [queueId, caller] = key.split('\n') as [string, string];
      for (const o of list) if (o.at < beforeMs) yield { queueId, caller, contactId: o.contactId, at: o.at };
    }
  }

  /** Forgets offers before `beforeMs` (older than any window still reaches); answers how many callers are left. */
  prune(beforeMs: number): number {
    for (const [key, list] of this.offers) {
      let drop = 0;
      while (drop < list.length && list[drop]!.at < beforeMs) drop++;
      if (drop === list.length) this.offers.delete(key);
      else if (drop > 0) list.splice(0, drop);
    }
    return this.offers.size;
  }

  private insert(queueId: string, caller: string, contactId: string, at: number, counted: boolean): void {
    const key = `${queueId}\n${caller}`;
    let list = this.offers.get(key);
    if (!list) this.offers.set(key, (list = []));
    // A contact is offered once per queue here: a redelivery or a second `queued` changes nothing.
    if (list.some((o) => o.contactId === contactId)) return;
    let i = list.length;
    while (i > 0 && list[i - 1]!.at > at) i--;
    const offer: Offer = { at, contactId, repeat: this.isRepeat(queueId, list[i - 1], at), ...(counted ? {} : { recalled: true as const }) };
    list.splice(i, 0, offer);
    if (counted) this.host.countOffer(queueId, at, offer.repeat, 1);
    const next = list[i + 1];
    if (!next) return;
    if (next.recalled) {
      next.repeat = this.isRepeat(queueId, offer, next.at);
      return;
    }
    const repeat = this.isRepeat(queueId, offer, next.at);
    if (repeat === next.repeat) return;
    this.host.countOffer(queueId, next.at, next.repeat, -1);
    next.repeat = repeat;
    this.host.countOffer(queueId, next.at, repeat, 1);
  }

  private isRepeat(queueId: string, before: Offer | undefined, at: number): boolean {
    if (before === undefined) return false;
    const windowMs = this.host.repeatWindowMs(queueId);
    return windowMs === null ? before.at >= this.host.dayStartOf(queueId, at) : at - before.at <= windowMs;
  }
}
