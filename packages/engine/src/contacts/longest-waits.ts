import type { Waiter } from './waiting-line.js';

const byText = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** Longest wait first; equal starts by contact id, so the order never depends on arrival. */
export const byWait = (x: Waiter, y: Waiter): number => x.view.waitingSince - y.view.waitingSince || byText(x.id, y.id);

/** Where `w` goes in `sorted` (wait order): after every waiter that comes before it. */
export function placeInOrder(sorted: readonly Waiter[], w: Waiter): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (byWait(sorted[mid]!, w) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Moves the heap's root down to its place: the root is the shortest wait kept, the first to give way. */
function siftDown(heap: Waiter[], from: number): void {
  let at = from;
  for (;;) {
    const left = 2 * at + 1;
    if (left >= heap.length) return;
    const right = left + 1;
    const later = right < heap.length && byWait(heap[right]!, heap[left]!) > 0 ? right : left;
    if (byWait(heap[later]!, heap[at]!) <= 0) return;
    [heap[at], heap[later]] = [heap[later]!, heap[at]!];
    at = later;
  }
}

function siftUp(heap: Waiter[], from: number): void {
  let at = from;
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if (byWait(heap[at]!, heap[parent]!) <= 0) return;
    [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
    at = parent;
  }
}

/**
 * The `limit` longest waits in wait order, in one pass over an unordered line: a heap keeps the best so far with the
 * shortest of them on top, so a line of thousands costs a comparison or so per waiter rather than a sort of them all.
 */
export function longestWaits<T extends Waiter>(waiters: readonly T[], limit: number): T[] {
  if (limit <= 0) return [];
  if (waiters.length <= limit) return [...waiters].sort(byWait);
  const heap: Waiter[] = [];
  for (const w of waiters) {
    if (heap.length < limit) {
      heap.push(w);
      siftUp(heap, heap.length - 1);
    } else if (byWait(w, heap[0]!) < 0) {
      heap[0] = w;
      siftDown(heap, 0);
    }
  }
  return (heap as T[]).sort(byWait);
}
