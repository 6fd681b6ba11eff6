import { MinHeap } from './min-heap.js';

/**
 * Events that arrived before the event that introduces their subject (a reply before its ticket's creation).
 * Each is held until `holdUntil` its own time (the engine: until it leaves every window), then dropped as an orphan.
 */
export class PendingEvents<E extends { readonly timeMs: number }> {
  private readonly byKey = new Map<string, E[]>();
  private readonly expiry = new MinHeap<{ at: number; key: string }>();

  constructor(private readonly holdUntil: (atMs: number) => number) {}

  get size(): number {
    return this.byKey.size;
  }

  hold(key: string, event: E): void {
    const list = this.byKey.get(key);
    if (list) list.push(event);
    else this.byKey.set(key, [event]);
    this.expiry.push({ at: this.holdUntil(event.timeMs), key });
  }

  /** Hands out (and forgets) the events held for a key, oldest first. */
  take(key: string): E[] {
    const list = this.byKey.get(key);
    if (!list) return [];
    this.byKey.delete(key);
    return list.sort((a, b) => a.timeMs - b.timeMs);
  }

  /** Drops the events whose hold has run out by `nowMs`; returns how many were dropped. */
  expire(nowMs: number): number {
    let dropped = 0;
    for (let top = this.expiry.peek(); top && top.at <= nowMs; top = this.expiry.peek()) {
      this.expiry.pop();
      const list = this.byKey.get(top.key);
      if (!list) continue;
      const kept = list.filter((e) => this.holdUntil(e.timeMs) > nowMs);
      dropped += list.length - kept.length;
      if (kept.length > 0) this.byKey.set(top.key, kept);
      else this.byKey.delete(top.key);
    }
    return dropped;
  }
}
