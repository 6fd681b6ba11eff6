import type { AbandonPolicyName, ReportFigures, WindowMetrics } from '@plancia/contracts';

/** What a period adds up: counts and total seconds. Every figure of a report is derived from these alone. */
export interface Sums {
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  transferredOut: number;
  answeredWithinThreshold: number;
  abandonedWithinThreshold: number;
  settled: number;
  slMet: number;
  slCounted: number;
  answeredWaitSeconds: number;
  maxWait: number | null;
  handled: number;
  handleSeconds: number;
  talkSeconds: number;
  wrapSeconds: number;
  firstResponses: number;
  firstResponsesInTarget: number;
  solved: number;
  solvedInTarget: number;
}

export const emptySums = (): Sums => ({
  offered: 0, answered: 0, abandoned: 0, shortAbandoned: 0, transferredOut: 0, answeredWithinThreshold: 0,
  abandonedWithinThreshold: 0, settled: 0, slMet: 0, slCounted: 0, answeredWaitSeconds: 0, maxWait: null, handled: 0,
  handleSeconds: 0, talkSeconds: 0, wrapSeconds: 0, firstResponses: 0, firstResponsesInTarget: 0, solved: 0, solvedInTarget: 0,
});

/**
 * The service level's denominator of one stored interval under its queue's abandon policy. The engine's own weights
 * (derive.ts): a met or missed contact counts 1; an abandon within T counts 1 under `negative` and `positive`, 0 under
 * `ignore`; under `exclude` no abandon settles at all. An abandon within T is settled at its abandon instant, so it
 * is in the same interval as its `abandonedWithinThreshold`.
 */
export function serviceLevelDenominator(metrics: WindowMetrics, policy: AbandonPolicyName): number {
  return policy === 'ignore' ? Math.max(0, metrics.settled - metrics.abandonedWithinThreshold) : metrics.settled;
}

/** Sums back from a stored interval: a mean times its count is the total it was divided from. */
export function sumsOf(metrics: WindowMetrics, policy: AbandonPolicyName): Sums {
  const slCounted = metrics.serviceLevel === null ? 0 : serviceLevelDenominator(metrics, policy);
  const total = (mean: number | null, count: number) => (mean === null ? 0 : mean * count);
  return {
    offered: metrics.offered,
    answered: metrics.answered,
    abandoned: metrics.abandoned,
    shortAbandoned: metrics.shortAbandoned,
    transferredOut: metrics.transferredOut,
    answeredWithinThreshold: metrics.answeredWithinThreshold,
    abandonedWithinThreshold: metrics.abandonedWithinThreshold,
    settled: metrics.settled,
    // Each settlement weighs 0 or 1, so the numerator is a whole number: rounding only removes the division's error.
    slMet: Math.round(total(metrics.serviceLevel, slCounted)),
    slCounted,
    answeredWaitSeconds: total(metrics.asa, metrics.answered),
    maxWait: metrics.maxWait,
    handled: metrics.handled,
    handleSeconds: total(metrics.aht, metrics.handled),
    talkSeconds: total(metrics.avgTalk, metrics.handled),
    wrapSeconds: total(metrics.avgWrapUp, metrics.handled),
    firstResponses: metrics.tickets.firstResponses,
    firstResponsesInTarget: metrics.tickets.firstResponsesInTarget,
    solved: metrics.tickets.solved,
    solvedInTarget: metrics.tickets.solvedInTarget,
  };
}

/** Adds `more` into `into`; the longest wait is the longest of the two. */
export function addSums(into: Sums, more: Sums): Sums {
  for (const key of Object.keys(into) as (keyof Sums)[]) {
    if (key === 'maxWait') continue;
    into[key] += more[key];
  }
  into.maxWait = more.maxWait === null ? into.maxWait : Math.max(into.maxWait ?? 0, more.maxWait);
  return into;
}

const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);

/** The report's figures: every rate and mean is a sum divided by a sum. */
export function figuresOf(s: Sums): ReportFigures {
  return {
    ...s,
    serviceLevel: ratio(s.slMet, s.slCounted),
    asa: ratio(s.answeredWaitSeconds, s.answered),
    abandonRate: ratio(s.abandoned, s.answered + s.abandoned),
    aht: ratio(s.handleSeconds, s.handled),
    avgTalk: ratio(s.talkSeconds, s.handled),
    avgWrapUp: ratio(s.wrapSeconds, s.handled),
    firstResponseAttainment: ratio(s.firstResponsesInTarget, s.firstResponses),
    resolutionAttainment: ratio(s.solvedInTarget, s.solved),
  };
}
