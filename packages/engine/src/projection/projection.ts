import type { AgentCounts, QueueProjection } from '@plancia/contracts';
import type { SettledSums } from '../windows/scope-windows.js';

/** Compared in tenths of a percent, as the bands compare: 80 % must read as back on target, not 79.99…. */
const permille = (fraction: number): number => Math.round(fraction * 1000);

const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);

export interface ProjectionInput {
  sums: SettledSums;
  todayEndMs: number;
  /** opening time between two instants on the queue's calendar, in seconds */
  openSeconds: (fromMs: number, toMs: number) => number;
  target: number;
  waiting: number;
  agents: AgentCounts;
  ahtSeconds: number | null;
  agentsNeeded: number | null;
}

/**
 * A window's service level at the present pace: its sums so far plus, for every second of opening time left, the
 * rolling window's settled numerator and denominator per second of its opening time. No pace: the figure so far.
 */
export function projectedServiceLevel(sofar: readonly [number, number], pace: readonly [number, number] | null, openLeftSeconds: number): number | null {
  if (!pace || openLeftSeconds <= 0) return ratio(sofar[0], sofar[1]);
  return ratio(sofar[0] + pace[0] * openLeftSeconds, sofar[1] + pace[1] * openLeftSeconds);
}

/**
 * How many contacts answered within T in a row (each adds one to both the numerator and the denominator, whatever
 * the abandon policy) bring `num ÷ den` to the target as the board compares it; null when none can (a target of
 * 100 % after a miss). Nothing settled yet needs nothing.
 */
export function answersNeeded(num: number, den: number, target: number): number | null {
  const reached = (k: number) => den + k > 0 && permille((num + k) / (den + k)) >= permille(target);
  if (den <= 0 || reached(0)) return 0;
  if (permille(target) >= 1000) return null;
  let k = Math.max(0, Math.ceil((target * den - num) / (1 - target)));
  // The closed form in floating point can be one off either way near the boundary: settle it on the comparison.
  while (!reached(k)) k++;
  while (k > 0 && reached(k - 1)) k--;
  return k;
}

/**
 * The wait of a caller arriving now: none when an agent is free for it (more available than waiting), otherwise its
 * place behind those waiting that the free agents do not take, each served at the staffed agents' pace of one per
 * AHT ÷ staffed. Null without agents staffed or an AHT.
 */
export function estimatedWaitSeconds(waiting: number, agents: AgentCounts, ahtSeconds: number | null): number | null {
  if (agents.available > waiting) return 0;
  const staffed = agents.available + agents.on_contact + agents.wrap_up;
  if (staffed === 0 || ahtSeconds === null) return null;
  return ((waiting - agents.available + 1) * ahtSeconds) / staffed;
}

/** Where the interval and the day are going, as of the start of the current 10-second step. */
export function queueProjection(input: ProjectionInput): QueueProjection {
  const { sums, openSeconds } = input;
  const now = sums.stepStartMs;
  const paceSeconds = Math.max(0, openSeconds(sums.paceStartMs, now));
  const pace: [number, number] | null = paceSeconds > 0 ? [sums.rolling[0] / paceSeconds, sums.rolling[1] / paceSeconds] : null;
  const staffed = input.agents.available + input.agents.on_contact + input.agents.wrap_up;
  return {
    intervalEnd: new Date(sums.intervalEndMs).toISOString(),
    paceSeconds,
    serviceLevelAtIntervalEnd: projectedServiceLevel(sums.interval, pace, openSeconds(now, sums.intervalEndMs)),
    serviceLevelAtDayEnd: projectedServiceLevel(sums.today, pace, openSeconds(now, input.todayEndMs)),
    answersNeeded: answersNeeded(sums.interval[0], sums.interval[1], input.target),
    ewtSeconds: estimatedWaitSeconds(input.waiting, input.agents, input.ahtSeconds),
    agentsNeeded: input.agentsNeeded,
    agentsStaffed: staffed,
  };
}
