/** Percentile of an ascending-sorted sample (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function summarise(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN, n: sorted.length };
}

/** Runs fn repeatedly for at least `minMs` and returns nanoseconds per call of `unitsPerCall` units. */
export function timePerUnit(fn: () => void, unitsPerCall: number, minMs: number): number {
  fn(); // warm-up: JIT and caches
  let calls = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0n;
  while (elapsed < BigInt(minMs) * 1_000_000n) {
    fn();
    calls++;
    elapsed = process.hrtime.bigint() - start;
  }
  return Number(elapsed) / (calls * unitsPerCall);
}
