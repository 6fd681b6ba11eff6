import { LocalClock, profileMultiplier } from './profile.js';
import type { QueueState } from './queue-state.js';
import type { World } from './world.js';

/**
 * Non-homogeneous Poisson arrivals by thinning: candidates come at the queue's highest possible rate and each is
 * kept with probability rate(t) ÷ highest rate, which follows the daily profile (or, while one lasts, the preset's
 * surge) exactly.
 */
export function startArrivals(world: World, queue: QueueState, arrive: (queue: QueueState) => void): void {
  const { plan } = queue;
  const clock = new LocalClock(world.plan.timeZone);
  const highestFactor = Math.max(1, ...plan.surges.map((s) => s.factor));
  const highestRate = plan.peakRate * highestFactor;
  if (!(highestRate > 0)) return;
  const rateAt = (timeMs: number) => {
    const active = plan.surges.filter((s) => timeMs >= s.fromMs && timeMs < s.toMs);
    // A surge is measured against the peak, not the hour: a preset run in the evening floods the queues as a
    // Monday morning would, instead of multiplying the evening trickle.
    if (active.length > 0) return plan.peakRate * active.reduce((factor, s) => factor * s.factor, 1);
    return plan.peakRate * profileMultiplier(world.plan.profile, clock, timeMs);
  };
  const candidate = () => {
    if (world.random.uniform() * highestRate < rateAt(world.now)) arrive(queue);
    world.after(world.random.exponential(1 / highestRate), candidate);
  };
  world.after(world.random.exponential(1 / highestRate), candidate);
}
