import type { SurveyFact } from '../surveys/survey-facts.js';
import type { Acc } from './acc.js';
import { F } from './fields.js';
import { waitSlot } from './wait-histogram.js';

/** What a fact counts. Each kind lands in the window bucket of the instant it happened. */
export const K = {
  offered: 0,
  shortAbandoned: 1,
  answered: 2,
  abandoned: 3,
  transferredOut: 4,
  settled: 5,
  handled: 6,
  busy: 7,
  available: 8,
  ticketCreated: 9,
  firstResponse: 10,
  solved: 11,
  survey: 12,
  identified: 13,
} as const;
export type FactKind = (typeof K)[keyof typeof K];

/**
 * A fact to count, every amount under its own name. Each producer keeps one record and refills it for every fact
 * (the hot path counts a few facts per event into up to twelve sums, and allocates nothing for them). Only the
 * fields of the fact's kind are read, so a refilled record need not be cleared.
 */
export class Fact {
  kind: FactKind = K.offered;
  /** the instant it happened: it lands in the windows, and the bucket, that cover it */
  at = 0;
  /** the numbers of the queue and of the channel whose windows it counts in (−1: none) */
  queue = -1;
  channel = -1;
  /** whether it counts in the centre's windows too */
  centre = true;
  /** answered, abandoned, transferred out: how long the contact waited */
  waitMs = 0;
  /** answered or abandoned within the threshold; first response or solve within its target; a repeat contact: 1, else 0 */
  inTarget = 0;
  /** settled: the contact's shares of the service level's numerator and denominator (weighted by the abandon policy) */
  slNumerator = 0;
  slDenominator = 0;
  /** handled: answer to completion, answer to end of talk, end of talk to completion */
  handleMs = 0;
  talkMs = 0;
  wrapMs = 0;
  /** busy, available: the agent's time in that state */
  spanMs = 0;
  /** survey: what was answered */
  survey: SurveyFact | null = null;
}

/** The wait-histogram slot of the facts that carry a wait, else −1. */
export function waitSlotOf(fact: Fact): number {
  const kind = fact.kind;
  return kind === K.answered || kind === K.abandoned || kind === K.transferredOut ? waitSlot(fact.waitMs) : -1;
}

/** Adds (sign 1) or removes (sign −1) a fact's counts to the running sums at offset `o`. */
export function countFact(sums: Float64Array, o: number, fact: Fact, sign: number): void {
  switch (fact.kind) {
    case K.offered: sums[o + F.offered]! += sign; return;
    case K.shortAbandoned: sums[o + F.shortAbandoned]! += sign; return;
    case K.answered:
      sums[o + F.answered]! += sign;
      sums[o + F.answeredWaitMs]! += sign * fact.waitMs;
      sums[o + F.answeredWithinThreshold]! += sign * fact.inTarget;
      return;
    case K.abandoned:
      sums[o + F.abandoned]! += sign;
      sums[o + F.abandonedWithinThreshold]! += sign * fact.inTarget;
      return;
    case K.transferredOut: sums[o + F.transferredOut]! += sign; return;
    case K.settled:
      sums[o + F.settled]! += sign;
      sums[o + F.slNumerator]! += sign * fact.slNumerator;
      sums[o + F.slDenominator]! += sign * fact.slDenominator;
      return;
    case K.handled:
      sums[o + F.handled]! += sign;
      sums[o + F.handleMs]! += sign * fact.handleMs;
      sums[o + F.talkMs]! += sign * fact.talkMs;
      sums[o + F.wrapMs]! += sign * fact.wrapMs;
      return;
    case K.busy: sums[o + F.busyMs]! += sign * fact.spanMs; return;
    case K.available: sums[o + F.availableMs]! += sign * fact.spanMs; return;
    case K.ticketCreated: sums[o + F.ticketsCreated]! += sign; return;
    case K.firstResponse:
      sums[o + F.firstResponses]! += sign;
      sums[o + F.firstResponsesInTarget]! += sign * fact.inTarget;
      return;
    case K.solved:
      sums[o + F.solved]! += sign;
      sums[o + F.solvedInTarget]! += sign * fact.inTarget;
      return;
    case K.survey: return;
    case K.identified:
      sums[o + F.identified]! += sign;
      sums[o + F.repeated]! += sign * fact.inTarget;
      return;
  }
}

/** The survey a fact carries (only a survey fact carries one), else null. */
export function surveyOf(fact: Fact): SurveyFact | null {
  return fact.kind === K.survey ? fact.survey : null;
}

/** Applies a fact to a whole window accumulator: its sums, its wait slot (≥ 0, see waitSlotOf) and its survey. */
export function countInto(acc: Acc, fact: Fact, waitSlot: number, sign: number): void {
  countFact(acc.sums, 0, fact, sign);
  if (waitSlot >= 0) acc.addWait(waitSlot, sign);
  if (fact.kind === K.survey) acc.addSurvey(fact.survey!, sign);
}
