const MINUTE_MS = 60_000;
/** Steps a person reads at a glance; the labels are hours and minutes, so no step is shorter than a minute. */
const STEPS_MINUTES = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360];

/**
 * Times for the x-axis between `fromMs` and `toMs`: whole multiples of the shortest step that gives at most
 * `maxTicks`. Labelled hh:mm, two ticks never share a label (the axis otherwise put a tick every few seconds).
 */
export function timeTicks(fromMs: number, toMs: number, maxTicks = 7): number[] {
  if (!(toMs > fromMs)) return [];
  const spanMinutes = (toMs - fromMs) / MINUTE_MS;
  const stepMinutes = STEPS_MINUTES.find((step) => spanMinutes / step <= maxTicks) ?? STEPS_MINUTES.at(-1)!;
  const step = stepMinutes * MINUTE_MS;
  const ticks: number[] = [];
  for (let at = Math.ceil(fromMs / step) * step; at <= toMs; at += step) ticks.push(at);
  return ticks;
}
