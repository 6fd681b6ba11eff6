/** A binary min-heap of (time, id): the next instant the clock alone changes a contact. */
export class DeadlineHeap {
  private readonly times: number[] = [];
  private readonly ids: string[] = [];

  get size(): number {
    return this.times.length;
  }

  push(time: number, id: string): void {
    let i = this.times.length;
    this.times.push(time);
    this.ids.push(id);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.times[parent]! <= time) break;
      this.move(parent, i);
      i = parent;
    }
    this.times[i] = time;
    this.ids[i] = id;
  }

  /** Keeps only the entries `keep` accepts, then restores the heap order (bottom-up, O(n)). */
  retain(keep: (time: number, id: string) => boolean): void {
    let n = 0;
    for (let i = 0; i < this.times.length; i++) {
      if (!keep(this.times[i]!, this.ids[i]!)) continue;
      this.times[n] = this.times[i]!;
      this.ids[n] = this.ids[i]!;
      n++;
    }
    this.times.length = n;
    this.ids.length = n;
    for (let i = (n >> 1) - 1; i >= 0; i--) this.siftDown(i, this.times[i]!, this.ids[i]!);
  }

  /** Removes and returns the ids whose time is at or before `nowMs`. */
  popDue(nowMs: number): string[] {
    const due: string[] = [];
    while (this.times.length > 0 && this.times[0]! <= nowMs) due.push(this.pop());
    return due;
  }

  private pop(): string {
    const top = this.ids[0]!;
    const lastTime = this.times.pop()!;
    const lastId = this.ids.pop()!;
    if (this.times.length > 0) this.siftDown(0, lastTime, lastId);
    return top;
  }

  /** Places (time, id) at slot i or below, moving smaller children up. */
  private siftDown(i: number, time: number, id: string): void {
    const n = this.times.length;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && this.times[right]! < this.times[left]! ? right : left;
      if (this.times[child]! >= time) break;
      this.move(child, i);
      i = child;
    }
    this.times[i] = time;
    this.ids[i] = id;
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from]!;
    this.ids[to] = this.ids[from]!;
  }
}
