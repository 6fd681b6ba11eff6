/** One contact offered to a queue by a known caller. */
interface Offer {
  at: number;
  contactId: string;
  repeat: boolean;
}

export interface RepeatHost {
  /** the queue's repeat window in ms */
  repeatWindowMs(queueId: string): number;
  /** the start of the local day that holds `atMs` */
  dayStartOf(atMs: number): number;
  /** counts an offer by a known caller (repeat or not) at `atMs`, or takes it back (sign −1) */
  countOffer(queueId: string, atMs: number, repeat: boolean, sign: number): void;
}

/**
 * The callers' offers per queue, in time order, so each offer knows whether the same caller reached the same queue
 * within the queue's repeat window before it, the same day. An offer arriving late can only change the offer right
 * after it (its predecessor moves closer), so arrival order does not change the counts.
 */
export class RepeatBook {
  private readonly offers = new Map<string, Offer[]>();

  constructor(private readonly host: RepeatHost) {}

  add(queueId: string, caller: string, contactId: string, at: number): void {
    const key = `${queueId}\n${caller}`;
    let list = this.offers.get(key);
    if (!list) this.offers.set(key, (list = []));
    // A contact is offered once per queue here: a redelivery or a second `queued` changes nothing.
    if (list.some((o) => o.contactId === contactId)) return;
    let i = list.length;
    while (i > 0 && list[i - 1]!.at > at) i--;
    const offer: Offer = { at, contactId, repeat: this.isRepeat(queueId, list[i - 1], at) };
    list.splice(i, 0, offer);
    this.host.countOffer(queueId, at, offer.repeat, 1);
    const next = list[i + 1];
    if (!next) return;
    const repeat = this.isRepeat(queueId, offer, next.at);
    if (repeat === next.repeat) return;
    this.host.countOffer(queueId, next.at, next.repeat, -1);
    next.repeat = repeat;
    this.host.countOffer(queueId, next.at, repeat, 1);
  }

  /** Forgets offers before `beforeMs` (older than any day a window still counts). */
  prune(beforeMs: number): void {
    for (const [key, list] of this.offers) {
      let drop = 0;
      while (drop < list.length && list[drop]!.at < beforeMs) drop++;
      if (drop === list.length) this.offers.delete(key);
      else if (drop > 0) list.splice(0, drop);
    }
  }

  private isRepeat(queueId: string, before: Offer | undefined, at: number): boolean {
    return before !== undefined && at - before.at <= this.host.repeatWindowMs(queueId) && before.at >= this.host.dayStartOf(at);
  }
}
