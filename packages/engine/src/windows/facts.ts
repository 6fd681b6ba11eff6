import type { SurveyFact } from '../surveys/survey-facts.js';
import type { Acc } from './acc.js';
import { F } from './fields.js';
import { waitSlot } from './wait-histogram.js';

/**
 * What a fact counts. Each kind lands in the window bucket of the instant it happened. A fact is passed as plain
 * numbers (kind, at, a, b, c), never as an object: the hot path counts a few per event into up to twelve sums.
 */
export const K = {
  offered: 0,
  shortAbandoned: 1,
  answered: 2, // a = wait ms, b = 1 when within T
  abandoned: 3, // a = wait ms, b = 1 when within T
  transferredOut: 4, // a = wait ms
  settled: 5, // a = SL numerator share, b = SL denominator share
  handled: 6, // a = handle ms, b = talk ms, c = wrap-up ms
  busy: 7, // a = ms on contact or in wrap-up
  available: 8, // a = ms available
  ticketCreated: 9,
  firstResponse: 10, // a = 1 when in target
  solved: 11, // a = 1 when in target
  survey: 12,
} as const;
export type FactKind = (typeof K)[keyof typeof K];

/** Which aggregates a fact feeds: its queue, its channel, the centre. */
export const TO_QUEUE = 1;
export const TO_CHANNEL = 2;
export const TO_CENTRE = 4;
export const TO_ALL = TO_QUEUE | TO_CHANNEL | TO_CENTRE;

/** The wait-histogram slot of a fact's `a` for the kinds that carry a wait, else −1. */
export function waitSlotOf(kind: FactKind, a: number): number {
  return kind === K.answered || kind === K.abandoned || kind === K.transferredOut ? waitSlot(a) : -1;
}

/** Adds (sign 1) or removes (sign −1) a fact's counts to the running sums at offset `o`. */
export function countFact(sums: Float64Array, o: number, kind: FactKind, a: number, b: number, c: number, sign: number): void {
  switch (kind) {
    case K.offered: sums[o + F.offered]! += sign; return;
    case K.shortAbandoned: sums[o + F.shortAbandoned]! += sign; return;
    case K.answered:
      sums[o + F.answered]! += sign;
      sums[o + F.answeredWaitMs]! += sign * a;
      sums[o + F.answeredWithinThreshold]! += sign * b;
      return;
    case K.abandoned:
      sums[o + F.abandoned]! += sign;
      sums[o + F.abandonedWithinThreshold]! += sign * b;
      return;
    case K.transferredOut: sums[o + F.transferredOut]! += sign; return;
    case K.settled:
      sums[o + F.settled]! += sign;
      sums[o + F.slNumerator]! += sign * a;
      sums[o + F.slDenominator]! += sign * b;
      return;
    case K.handled:
      sums[o + F.handled]! += sign;
      sums[o + F.handleMs]! += sign * a;
      sums[o + F.talkMs]! += sign * b;
      sums[o + F.wrapMs]! += sign * c;
      return;
    case K.busy: sums[o + F.busyMs]! += sign * a; return;
    case K.available: sums[o + F.availableMs]! += sign * a; return;
    case K.ticketCreated: sums[o + F.ticketsCreated]! += sign; return;
    case K.firstResponse:
      sums[o + F.firstResponses]! += sign;
      sums[o + F.firstResponsesInTarget]! += sign * a;
      return;
    case K.solved:
      sums[o + F.solved]! += sign;
      sums[o + F.solvedInTarget]! += sign * a;
      return;
    case K.survey: return;
  }
}

/** Applies a fact to a whole window accumulator: its sums, its wait slot (≥ 0) and its survey. */
export function countInto(acc: Acc, kind: FactKind, a: number, b: number, c: number, slot: number, survey: SurveyFact | null, sign: number): void {
  countFact(acc.sums, 0, kind, a, b, c, sign);
  if (slot >= 0) acc.addWait(slot, sign);
  if (survey) acc.addSurvey(survey, sign);
}
