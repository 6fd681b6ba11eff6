/**
 * Erlang C (M/M/N queue) staffing. Everything goes through the Erlang B recursion
 * B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)), which stays within [0, 1] for any N and A,
 * so no factorial or power ever overflows (a direct A^N / N! fails beyond ~170 agents).
 */

/** Above this many agents the answer is null: the inputs are not a contact centre queue. */
export const MAX_AGENTS = 2000;

export interface StaffingInput {
  /** Offered contacts per hour (e.g. the rolling window's offered, scaled to an hour). */
  arrivalsPerHour: number | null | undefined;
  /** Average handle time in seconds. */
  ahtSeconds: number | null | undefined;
  /** Service-level threshold T in seconds. */
  thresholdSeconds: number;
  /** Service-level target as a fraction (0–1]. */
  target: number;
  /** Search limit; defaults to MAX_AGENTS. */
  maxAgents?: number;
}

function requireNonNegative(name: string, value: number): void {
  if (!(value >= 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be a finite number ≥ 0 (got ${value})`);
}

/** Erlang B: the share of contacts blocked with `agents` servers, no queue and `traffic` Erlangs offered. */
export function erlangB(agents: number, traffic: number): number {
  requireNonNegative('agents', agents);
  requireNonNegative('traffic', traffic);
  let b = 1;
  for (let n = 1; n <= agents; n += 1) b = (traffic * b) / (n + traffic * b);
  return b;
}

/** From Erlang B to Erlang C at the same N and A; 1 when the queue is unstable (N ≤ A). */
function erlangCFromB(agents: number, traffic: number, b: number): number {
  if (agents <= traffic) return 1;
  return (agents * b) / (agents - traffic * (1 - b));
}

/** Share answered within T: 1 − C·e^(−(N − A)·T / AHT); 0 when the queue is unstable. */
function serviceLevelFromC(agents: number, traffic: number, c: number, ahtSeconds: number, thresholdSeconds: number): number {
  if (agents <= traffic) return 0;
  return 1 - c * Math.exp((-(agents - traffic) * thresholdSeconds) / ahtSeconds);
}

/** Erlang C: the probability that a contact has to wait, with `agents` agents and `traffic` Erlangs. */
export function erlangC(agents: number, traffic: number): number {
  if (traffic === 0) return 0;
  return erlangCFromB(agents, traffic, erlangB(agents, traffic));
}

/** The Erlang C service level: the probability that a contact waits no more than `thresholdSeconds`. */
export function serviceLevel(agents: number, traffic: number, ahtSeconds: number, thresholdSeconds: number): number {
  requireNonNegative('thresholdSeconds', thresholdSeconds);
  if (!(ahtSeconds > 0)) throw new RangeError(`ahtSeconds must be > 0 (got ${ahtSeconds})`);
  if (traffic === 0) return 1;
  return serviceLevelFromC(agents, traffic, erlangC(agents, traffic), ahtSeconds, thresholdSeconds);
}

/**
 * The smallest number of agents whose Erlang C service level reaches the target.
 * Null when there is nothing to staff for (no arrivals or no handle time yet) or when even `maxAgents` fall short.
 */
export function agentsRequired(input: StaffingInput): number | null {
  const { arrivalsPerHour, ahtSeconds, thresholdSeconds, target, maxAgents = MAX_AGENTS } = input;
  if (!(target >= 0 && target <= 1)) throw new RangeError(`target must be a fraction between 0 and 1 (got ${target})`);
  requireNonNegative('thresholdSeconds', thresholdSeconds);
  if (arrivalsPerHour == null || ahtSeconds == null) return null;
  requireNonNegative('arrivalsPerHour', arrivalsPerHour);
  requireNonNegative('ahtSeconds', ahtSeconds);
  if (arrivalsPerHour === 0 || ahtSeconds === 0) return null;
  const traffic = (arrivalsPerHour * ahtSeconds) / 3600;
  // One pass of the recursion: B(n) is extended agent by agent, so the search is O(N).
  let b = 1;
  for (let n = 1; n <= maxAgents; n += 1) {
    b = (traffic * b) / (n + traffic * b);
    const c = erlangCFromB(n, traffic, b);
    if (serviceLevelFromC(n, traffic, c, ahtSeconds, thresholdSeconds) >= target) return n;
  }
  return null;
}
