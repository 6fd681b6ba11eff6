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
    const n = this.times.length;
    if (n === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && this.times[right]! < this.times[left]! ? right : left;
      if (this.times[child]! >= lastTime) break;
      this.move(child, i);
      i = child;
    }
    this.times[i] = lastTime;
    this.ids[i] = lastId;
    return top;
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from]!;
    this.ids[to] = this.ids[from]!;
  }
}
