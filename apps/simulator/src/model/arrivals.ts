import { LocalClock, profileMultiplier } from './profile.js';
import type { QueueState } from './queue-state.js';
import type { World } from './world.js';

/**
 * Non-homogeneous Poisson arrivals by thinning: candidates come at the queue's highest possible rate and each is
 * kept with probability rate(t) ÷ highest rate, which follows the daily profile and the preset's surges exactly.
 */
export function startArrivals(world: World, queue: QueueState, arrive: (queue: QueueState) => void): void {
  const { plan } = queue;
  const clock = new LocalClock(world.plan.timeZone);
  const highestFactor = Math.max(1, ...plan.surges.map((s) => s.factor));
  const highestRate = plan.peakRate * highestFactor;
  if (!(highestRate > 0)) return;
  const rateAt = (timeMs: number) => {
    const surge = plan.surges.reduce((factor, s) => (timeMs >= s.fromMs && timeMs < s.toMs ? factor * s.factor : factor), 1);
    return plan.peakRate * surge * profileMultiplier(world.plan.profile, clock, timeMs);
  };
  const candidate = () => {
    if (world.random.uniform() * highestRate < rateAt(world.now)) arrive(queue);
    world.after(world.random.exponential(1 / highestRate), candidate);
  };
  world.after(world.random.exponential(1 / highestRate), candidate);
}
