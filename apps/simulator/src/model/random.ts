import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** The distributions the traffic model draws from, over one seeded generator so a run is reproducible. */
export class Random {
  private readonly generator: RandomGenerator;

  constructor(seed: number) {
    this.generator = xoroshiro128plus(seed);
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    return uniformFloat64(this.generator);
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.uniform();
  }

  chance(probability: number): boolean {
    return this.uniform() < probability;
  }

  exponential(mean: number): number {
    // 1 − u is in (0, 1], so the logarithm is finite.
    return -mean * Math.log(1 - this.uniform());
  }

  /** Standard normal by Box–Muller. */
  normal(): number {
    const u = 1 - this.uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.uniform());
  }

  /** Log-normal with the given mean and coefficient of variation: handle times are right-skewed. */
  logNormal(mean: number, cv: number): number {
    const sigma2 = Math.log(1 + cv * cv);
    const mu = Math.log(mean) - sigma2 / 2;
    return Math.exp(mu + Math.sqrt(sigma2) * this.normal());
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.uniform() * items.length)];
    if (item === undefined) throw new Error('Cannot pick from an empty list');
    return item;
  }

  /** Picks by relative weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let threshold = this.uniform() * total;
    for (const [item, weight] of entries) {
      threshold -= weight;
      if (threshold < 0) return item;
    }
    const last = entries[entries.length - 1];
    if (last === undefined) throw new Error('Cannot pick from an empty list');
    return last[0];
  }
}
