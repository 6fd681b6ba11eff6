/** Between tries: from the base (1 s) doubling, at most ten minutes, with jitter so receivers are not hit in step. */
export const MAX_BACKOFF_MS = 10 * 60_000;

/**
 * The wait after the `attempts`-th failed try (1, 2, …): base·2^(attempts−1) capped at ten minutes, then "equal
 * jitter" (between half and all of it), so a wait never exceeds the cap and never falls below half the step.
 */
export function backoffMs(attempts: number, baseMs: number, random: () => number = Math.random): number {
  const step = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.min(30, Math.max(0, attempts - 1)));
  return Math.round(step / 2 + random() * (step / 2));
}
